/**
 * A parse process (./workers.ts): reads v8-serialised source files on standard input, parses them,
 * and writes the entries back in frames of a few hundred, so the parent can read each batch while
 * this process parses the next.
 */
import { once } from 'node:events';
import { deserialize, serialize } from 'node:v8';
import { parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import { frame } from './frames.ts';

const BATCH = 200;

const input: Buffer[] = [];
for await (const chunk of process.stdin) input.push(chunk as Buffer);
const sources = deserialize(Buffer.concat(input)) as SourceFile[];
for (let i = 0; i < sources.length; i += BATCH) {
  let flowing = true;
  for (const part of frame(serialize(sources.slice(i, i + BATCH).map(parseEntry)))) {
    flowing = process.stdout.write(part);
  }
  // The pipe's back-pressure paces this process when the parent reads more slowly than it parses.
  if (!flowing) await once(process.stdout, 'drain');
}
