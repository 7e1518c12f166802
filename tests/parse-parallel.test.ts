import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../bench/corpus/generate.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import type { SourceFile } from '../src/core/types.ts';
import { parseSourcesWith } from '../src/loader/cache.ts';
import { frame, frameReader } from '../src/loader/frames.ts';
import { parseAll } from '../src/loader/workers.ts';

const TYPES: Record<string, SourceFile['type']> = { icps: 'icp', personas: 'persona', glossary: 'term' };

const sources: SourceFile[] = [...generateCorpus({ files: 420, seed: 7 })].flatMap(([path, text]) => {
  const [folder, name] = path.split('/') as [string, string];
  return TYPES[folder]
    ? [{ type: TYPES[folder]!, id: name.replace(/\.mdx$/, ''), file: `content/${path}`, path, text }]
    : [];
});
sources.push({
  type: 'guide',
  id: 'broken',
  file: 'content/guides/broken.mdx',
  path: 'guides/broken.mdx',
  text: '---\ntitle: [x\n---\n<div>\n',
});

const work = mkdtempSync(join(tmpdir(), 'playbook-parse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parseAll', () => {
  test('parses in child processes exactly as in place, in order', async () => {
    const { entries, stored } = await parseAll(sources, 2);
    expect(entries.map((e) => e.path)).toEqual(sources.map((s) => s.path));
    expect(entries).toEqual(sources.map(parseEntry));
    expect(stored.every((s) => !s)).toBe(true);
  });

  test.each([
    [1, 'in place'],
    [2, 'in child processes'],
  ])(
    'stores each parse in the cache (%i thread, %s), so the next run reads every file from it',
    async (threads) => {
      const cacheDir = join(work, `cache-${threads}`);
      const direct = await parseAll(sources, threads, join(work, `direct-${threads}`));
      expect(direct.stored.every(Boolean)).toBe(true);
      const first = await parseSourcesWith(
        sources,
        (misses, dir) => parseAll(misses, threads, dir),
        cacheDir,
      );
      expect(first.cached).toBe(0);
      expect(first.entries).toEqual(sources.map(parseEntry));
      const second = await parseSourcesWith(
        sources,
        async () => {
          throw new Error('nothing should be parsed again');
        },
        cacheDir,
      );
      expect(second.cached).toBe(sources.length);
      expect(second.entries).toEqual(first.entries);
    },
  );

  test('parses in place whatever a child could not deliver: one that crashes loses nothing', async () => {
    const crash = join(work, 'crash.mjs');
    writeFileSync(crash, 'process.stdin.resume(); setTimeout(() => process.exit(3), 50);\n');
    const parsed = await parseAll(sources, 2, join(work, 'crash-cache'), crash);
    expect(parsed.entries).toEqual(sources.map(parseEntry));
    expect(parsed.stored.some(Boolean)).toBe(false);
  });
});

describe('frameReader', () => {
  test.each([1, 3, 4, 5, 17, 1000])('reads frames split into chunks of %i bytes', (size) => {
    const payloads = ['', 'a', 'hello world', 'x'.repeat(300)].map((t) => Buffer.from(t));
    const stream = Buffer.concat(payloads.flatMap(frame));
    const seen: string[] = [];
    const read = frameReader((bytes) => seen.push(Buffer.from(bytes).toString()));
    for (let i = 0; i < stream.length; i += size) read(stream.subarray(i, i + size));
    expect(seen).toEqual(payloads.map(String));
  });
});
