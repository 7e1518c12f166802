import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../bench/corpus/generate.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import type { SourceFile } from '../src/core/types.ts';
import { openParseCache, parseSourcesWith } from '../src/loader/cache.ts';
import { frame, frameReader } from '../src/loader/frames.ts';
import { loadPlaybook } from '../src/loader/index.ts';
import { type Handoff, parseAll } from '../src/loader/workers.ts';

const TYPES: Record<string, SourceFile['type']> = { icps: 'icp', personas: 'persona', glossary: 'term' };

const work = mkdtempSync(join(tmpdir(), 'playbook-parse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A generated playbook of about `files` files written to a folder, and its sources as loaded. */
function playbook(name: string, files: number) {
  const dir = join(work, name);
  for (const [path, text] of generateCorpus({ files, seed: 7 })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'guides'), { recursive: true });
  writeFileSync(join(dir, 'guides', 'broken.mdx'), '---\ntitle: [x\n---\n<div>\n');
  writeFileSync(join(dir, 'guides', 'binary.mdx'), Buffer.from([0x2d, 0, 0x2d]));
  const { sources } = loadPlaybook({ content: dir });
  return { dir, sources };
}

const small = playbook('small', 420);
const sources = small.sources;
const packs = (cacheDir: string) =>
  readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pack'));

describe('parseAll', () => {
  test('parses in child processes exactly as in place, in order', async () => {
    expect(sources.filter((s) => TYPES[s.path.split('/')[0]!]).length).toBeGreaterThan(400);
    const { entries, stored } = await parseAll(sources, { threads: 2 });
    expect(entries.map((e) => e.path)).toEqual(sources.map((s) => s.path));
    expect(entries).toEqual(sources.map(parseEntry));
    expect(stored.every((s) => !s)).toBe(true);
  });

  test.each([
    [1, 'in place', false],
    [2, 'in child processes', false],
    [2, 'here and in a helper', true],
  ])(
    'stores each parse in the cache (%i processes, %s), so the next run reads every file from it',
    async (threads, name, withDir) => {
      const cacheDir = join(work, `cache-${name}`);
      const dir = withDir ? small.dir : undefined;
      const first = await parseSourcesWith(
        sources,
        (misses, cache) => parseAll(misses, { threads, cacheDir: cache, dir }),
        cacheDir,
      );
      expect(first.cached).toBe(0);
      expect(first.entries).toEqual(sources.map(parseEntry));
      const second = await parseSourcesWith(
        sources,
        async (misses) => {
          // Only the file without text (binary) has no parse to store.
          expect(misses.map((m) => m.path)).toEqual(['guides/binary.mdx']);
          return misses.map(parseEntry);
        },
        cacheDir,
      );
      expect(second.cached).toBe(sources.length - 1);
      expect(second.entries).toEqual(first.entries);
    },
  );

  test('parses in place whatever a child could not deliver: one that crashes loses nothing', async () => {
    const crash = join(work, 'crash.mjs');
    writeFileSync(crash, 'process.stdin.resume(); setTimeout(() => process.exit(3), 50);\n');
    const parsed = await parseAll(sources, {
      threads: 2,
      cacheDir: join(work, 'crash-cache'),
      script: crash,
    });
    expect(parsed.entries).toEqual(sources.map(parseEntry));
    expect(parsed.stored.some(Boolean)).toBe(false);
  });

  test.each([
    ['crashes at once', 'process.exit(3);'],
    ['claims every file and stores none', 'for (let i = 9999; i >= 0; i--) console.log(i);'],
    ['writes nonsense', 'console.log("12\\nx\\n-1\\n99999999");'],
  ])('loses nothing when the helper %s', async (name, program) => {
    const script = join(work, `helper-${name.split(' ')[0]}.mjs`);
    writeFileSync(script, `${program}\n`);
    const cacheDir = join(work, `helper-cache-${name.split(' ')[0]}`);
    const parsed = await parseAll(sources, { threads: 2, cacheDir, dir: small.dir, script });
    expect(parsed.entries).toEqual(sources.map(parseEntry));
    expect(parsed.stored.filter((s) => !s).length).toBe(1); // The binary file has no text to store.
    expect(packs(cacheDir)).toHaveLength(1); // Only this process stored anything.
  });

  test('a helper shares the work and its parses are read back; a file changed meanwhile is parsed here', async () => {
    const big = playbook('big', 1200);
    // One file the helper would reach first is edited after it was loaded: its parse must be of
    // the loaded text, never the helper's.
    const last = big.sources.at(-3)!;
    writeFileSync(join(big.dir, last.path), `${last.text}\nEdited after loading.\n`);
    const cacheDir = join(work, 'cache-big');
    const parsed = await parseAll(big.sources, { threads: 2, cacheDir, dir: big.dir });
    expect(parsed.entries).toEqual(big.sources.map(parseEntry));
    expect(packs(cacheDir)).toHaveLength(2);
    expect(parsed.stored.filter((s) => !s).length).toBe(1); // The binary file has no text to store.
    const reader = openParseCache(cacheDir);
    expect(reader.get(last)).toEqual(parseEntry(last));
    reader.close();
  });
});

describe('the helper process', () => {
  test('parses from the last file back, stores each parse and says which file it finished', () => {
    const files = sources.slice(0, 5);
    const cacheDir = join(work, 'cache-helper');
    const handoff = join(work, 'handoff');
    writeFileSync(
      handoff,
      serialize({
        dir: small.dir,
        cacheDir,
        files: files.map(({ type, id, file, path }) => ({ type, id, file, path })),
      } satisfies Handoff),
    );
    const out = execFileSync(process.execPath, [join('src', 'loader', 'parse-child.ts'), handoff], {
      encoding: 'utf8',
    });
    expect(out).toBe('4\n3\n2\n1\n0\n');
    const reader = openParseCache(cacheDir);
    expect(files.map((source) => reader.get(source))).toEqual(files.map(parseEntry));
    reader.close();
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
