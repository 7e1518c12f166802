/**
 * A parse process (./workers.ts): reads `{ sources, cacheDir }` v8-serialised on standard input,
 * parses each file, stores the parse in the cache itself (when there is one), and writes one frame
 * per file to standard output: a byte saying whether it was stored, then the serialised parsed part
 * of the entry. The parent only deserialises it, as it would read the entry from the cache, so the
 * expensive work (parsing, serialising, writing the cache) is all done here, on another core.
 */
import { once } from 'node:events';
import { deserialize, serialize } from 'node:v8';
import { parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import { openParseCache, parsedPart } from './cache.ts';
import { frame } from './frames.ts';

/** Files between two looks at the pipe's back-pressure. */
const BATCH = 50;

const input: Buffer[] = [];
for await (const chunk of process.stdin) input.push(chunk as Buffer);
const { sources, cacheDir } = deserialize(Buffer.concat(input)) as {
  sources: SourceFile[];
  cacheDir?: string;
};
const cache = openParseCache(cacheDir);
let flowing = true;
for (let i = 0; i < sources.length; i++) {
  const source = sources[i]!;
  const payload = serialize(parsedPart(parseEntry(source)));
  const stored = cache.store(source, payload);
  for (const part of frame(Buffer.concat([Buffer.of(stored ? 1 : 0), payload]))) {
    flowing = process.stdout.write(part) && flowing;
  }
  // The pipe's back-pressure paces this process when the parent reads more slowly than it parses.
  if (!flowing && (i + 1) % BATCH === 0) {
    await once(process.stdout, 'drain');
    flowing = true;
  }
}
cache.close();
