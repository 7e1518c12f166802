/**
 * A parse process (./workers.ts), in one of two ways:
 *
 * - `parse-child.ts HANDOFF`, the helper: HANDOFF is a v8-serialised `Handoff` (the content folder,
 *   the cache folder and the file list). From the last file backwards, it reads each file, parses
 *   it, stores the parse in the cache and writes the file's index on a line of its own, until it is
 *   stopped or done. It stops early when the cache cannot be written: its parses would be lost.
 * - `parse-child.ts` with `{ sources, cacheDir }` v8-serialised on standard input: it parses each
 *   file, stores the parse in the cache (when there is one), and writes one frame per file to
 *   standard output: a byte saying whether it was stored, then the serialised parsed part of the
 *   entry, which the parent only deserialises.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import { openParseCache, parsedPart } from './cache.ts';
import { frame } from './frames.ts';
import { readText } from './index.ts';
import type { Handoff } from './workers.ts';

/** Files between two looks at the pipe's back-pressure. */
const BATCH = 50;

if (process.argv[2]) help(deserialize(readFileSync(process.argv[2])) as Handoff);
else await stream();

function help({ dir, cacheDir, files }: Handoff): void {
  const cache = openParseCache(cacheDir);
  for (let i = files.length - 1; i >= 0; i--) {
    const file = files[i]!;
    const source: SourceFile = { ...file, ...readText(join(dir, file.path)) };
    const stored = cache.store(source, serialize(parsedPart(parseEntry(source))));
    if (!stored && source.text !== undefined) break;
    process.stdout.write(`${i}\n`);
  }
  cache.close();
}

async function stream(): Promise<void> {
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
}
