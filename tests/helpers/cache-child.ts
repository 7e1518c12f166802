/**
 * A separate process for the parse-cache tests: `node tests/helpers/cache-child.ts MODE DIR FILES`.
 *
 * - `run`: parses a generated corpus of FILES files through the cache in DIR and exits 1 unless
 *   every entry equals a fresh parse (two of these at once are two concurrent runs).
 * - `stall`: like `run`, but its third cache write stops halfway: it writes half the bytes, prints
 *   "stalled" and waits to be killed.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { generateCorpus } from '../../bench/corpus/generate.ts';
import { parseEntry } from '../../src/core/parse/entry.ts';
import type { SourceFile } from '../../src/core/types.ts';

const TYPES: Record<string, SourceFile['type']> = { icps: 'icp', personas: 'persona', glossary: 'term' };

/** The content files of a generated corpus, as the loader hands them over. */
export function corpus(files: number, seed = 7): SourceFile[] {
  return [...generateCorpus({ files, seed })].flatMap(([path, text]) => {
    const [folder, name] = path.split('/') as [string, string];
    const type = TYPES[folder];
    return type ? [{ type, id: name.replace(/\.mdx$/, ''), file: `content/${path}`, path, text }] : [];
  });
}

async function main(mode: string, dir: string, files: number) {
  if (mode === 'stall') {
    // The cache appends each entry to its pack with one writevSync (header and payload).
    const writev = fs.writevSync;
    let writes = 0;
    fs.writevSync = ((fd: number, buffers: readonly NodeJS.ArrayBufferView[], ...rest: never[]) => {
      if (++writes === 3) {
        const whole = Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
        fs.writeSync(fd, whole.subarray(0, whole.length >> 1));
        process.stdout.write('stalled\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      }
      return writev(fd, buffers, ...rest);
    }) as typeof fs.writevSync;
    syncBuiltinESMExports();
  }
  const { parseSources } = await import('../../src/loader/cache.ts');
  const sources = corpus(files);
  const entries = parseSources(sources, dir);
  process.exitCode = entries.every((e, i) => isDeepStrictEqual(e, parseEntry(sources[i]!))) ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode = 'run', dir = '', files = '20'] = process.argv.slice(2);
  await main(mode, dir, Number(files));
}
