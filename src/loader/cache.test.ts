import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate.ts';
import { corpus } from '../../tests/helpers/cache-child.ts';
import { parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import {
  decodeEntry,
  encodeEntry,
  parseCacheDir,
  parseSources,
  parseSourcesWith,
  sourceKey,
  tidyCache,
} from './cache.ts';

const TYPES: Record<string, SourceFile['type']> = { icps: 'icp', personas: 'persona', glossary: 'term' };
const dir = mkdtempSync(join(tmpdir(), 'playbook-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sources: SourceFile[] = [
  ...[...generateCorpus({ files: 40, seed: 3 })].flatMap(([path, text]) => {
    const [folder, name] = path.split('/') as [string, string];
    return TYPES[folder]
      ? [{ type: TYPES[folder]!, id: name.replace(/\.mdx$/, ''), file: `content/${path}`, path, text }]
      : [];
  }),
  {
    type: 'persona',
    id: 'broken',
    file: 'content/personas/broken.mdx',
    path: 'personas/broken.mdx',
    text: '---\nname: [unclosed\n---\nBody with {expression}\n',
  },
  {
    type: 'term',
    id: 'binary',
    file: 'content/glossary/binary.mdx',
    path: 'glossary/binary.mdx',
    readError: 'it contains binary data',
  },
];

describe('parseSources', () => {
  test('gives the same entries as parseEntry, cold and warm', () => {
    const fresh = sources.map(parseEntry);
    expect(parseSources(sources, dir)).toEqual(fresh);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(parseSources(sources, dir)).toEqual(fresh);
  });

  test('keeps each file its own path when two files share a text', () => {
    const twin = { ...sources[0]!, id: 'twin', file: 'content/icps/twin.mdx', path: 'icps/twin.mdx' };
    const [a, b] = parseSources([sources[0]!, twin], dir);
    expect(a!.file).toBe(sources[0]!.file);
    expect(b).toEqual(parseEntry(twin));
  });

  test('parses changed text again', () => {
    const changed = { ...sources[0]!, text: sources[0]!.text!.replace('## ', '## Changed ') };
    expect(parseSources([changed], dir)[0]).toEqual(parseEntry(changed));
  });

  test('is off with PLAYBOOK_CACHE=off and follows PLAYBOOK_CACHE_DIR', () => {
    expect(parseCacheDir({ PLAYBOOK_CACHE: 'off' })).toBeUndefined();
    expect(parseCacheDir({ PLAYBOOK_CACHE_DIR: dir })).toBe(dir);
    expect(parseCacheDir({})).toMatch(/node_modules[\\/]\.cache[\\/]playbook$/);
  });

  test('parseSourcesWith hands only the files it lacks to the parser, in order', async () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-with-'));
    const calls: string[][] = [];
    const parseMany = async (misses: SourceFile[]) => {
      calls.push(misses.map((m) => m.id));
      return misses.map(parseEntry);
    };
    const half = sources.slice(0, 10);
    await parseSourcesWith(half, parseMany, own);
    const { entries, cached } = await parseSourcesWith(sources, parseMany, own);
    expect(entries).toEqual(sources.map(parseEntry));
    expect(cached).toBe(10);
    expect(calls[1]).toEqual(sources.slice(10).map((s) => s.id));
    const again = await parseSourcesWith(sources, parseMany, own);
    expect(again.cached).toBe(sources.length - 1); // the unreadable file is never cached
    rmSync(own, { recursive: true, force: true });
  });
});

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHILD = join(ROOT, 'tests/helpers/cache-child.ts');

/** Every file under `dir`, recursively, relative to it. */
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());

/** The entry file of `source` in the cache `dir` (one parser folder). */
function entryFile(dir: string, source: SourceFile): string {
  const [parser] = readdirSync(dir);
  const key = sourceKey(source);
  return join(dir, parser!, key.slice(0, 2), key.slice(2));
}

describe('the parse cache never lies', () => {
  const few = sources.slice(0, 6);
  const fresh = few.map(parseEntry);
  /** Fills a cache, damages it, and checks that every damaged entry is parsed again and rewritten. */
  const withCache = async (damage: (dir: string) => void, damaged = few.length) => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-damage-'));
    const parseMany = async (misses: SourceFile[]) => misses.map(parseEntry);
    try {
      expect(parseSources(few, own)).toEqual(fresh);
      damage(own);
      const second = await parseSourcesWith(few, parseMany, own);
      expect(second.entries).toEqual(fresh);
      expect(second.cached).toBe(few.length - damaged);
      const third = await parseSourcesWith(few, parseMany, own);
      expect(third.entries).toEqual(fresh);
      expect(third.cached).toBe(few.length);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  };

  test.each<[string, (file: string) => void]>([
    ['garbage', (file) => writeFileSync(file, 'not a cache entry at all')],
    ['an empty file', (file) => writeFileSync(file, '')],
    ['a truncated entry', (file) => writeFileSync(file, readFileSync(file).subarray(0, -100))],
    ['an entry cut inside its header', (file) => writeFileSync(file, readFileSync(file).subarray(0, 40))],
    [
      'a damaged byte in the payload',
      (file) => {
        const bytes = readFileSync(file);
        const middle = bytes.length >> 1;
        bytes[middle] = bytes[middle]! ^ 0xff;
        writeFileSync(file, bytes);
      },
    ],
  ])('ignores and rebuilds %s', async (_name, damage) => {
    await withCache((dir) => {
      for (const source of few) damage(entryFile(dir, source));
    });
  });

  test('ignores entries swapped between two texts', async () => {
    await withCache((dir) => {
      const [a, b] = [entryFile(dir, few[0]!), entryFile(dir, few[1]!)];
      const [bytesA, bytesB] = [readFileSync(a), readFileSync(b)];
      writeFileSync(a, bytesB);
      writeFileSync(b, bytesA);
    }, 2);
  });

  test('ignores an entry of another parser, and a well-formed payload under a wrong header', () => {
    const payload = new Uint8Array([1, 2, 3, 4]);
    const key = sourceKey(few[0]!);
    const bytes = encodeEntry('0123456789abcdef', key, payload);
    expect([...decodeEntry(bytes, '0123456789abcdef', key)!]).toEqual([...payload]);
    expect(decodeEntry(bytes, 'fedcba9876543210', key)).toBeUndefined();
    expect(decodeEntry(bytes, '0123456789abcdef', sourceKey(few[1]!))).toBeUndefined();
    expect(decodeEntry(bytes.subarray(0, -1), '0123456789abcdef', key)).toBeUndefined();
    expect(decodeEntry(Buffer.concat([bytes, Buffer.from([0])]), '0123456789abcdef', key)).toBeUndefined();
  });

  test('two runs at once leave a cache a third run can trust', async () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-twice-'));
    const child = () =>
      new Promise<number | null>((done) => {
        const p = spawn(process.execPath, [CHILD, 'run', own, '60'], { stdio: 'inherit' });
        p.on('exit', (code) => done(code));
      });
    expect(await Promise.all([child(), child()])).toEqual([0, 0]);
    const all = corpus(60);
    expect(parseSources(all, own)).toEqual(all.map(parseEntry));
    expect(filesIn(own).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    rmSync(own, { recursive: true, force: true });
  });

  test('a run killed in the middle of a write leaves nothing a later run trusts', async () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-kill-'));
    const p = spawn(process.execPath, [CHILD, 'stall', own, '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((stalled) =>
      p.stdout.on('data', (d) => String(d).includes('stalled') && stalled()),
    );
    const exited = new Promise((done) => p.on('exit', (_code, signal) => done(signal)));
    p.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const left = filesIn(own);
    expect(left.filter((f) => f.endsWith('.tmp'))).toHaveLength(1); // the half-written one
    expect(left.filter((f) => !f.endsWith('.tmp'))).toHaveLength(2); // the two whole ones before it
    const all = corpus(20);
    expect(parseSources(all, own)).toEqual(all.map(parseEntry));
    rmSync(own, { recursive: true, force: true });
  });

  test('removes what killed runs and old parser versions left behind, and nothing else', () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-tidy-'));
    const current = join(own, 'parse-0123456789abcdef');
    const old = join(own, 'parse-fedcba9876543210');
    const recentOther = join(own, 'parse-aaaaaaaaaaaaaaaa');
    const now = Date.now();
    const ago = (path: string, ms: number) => utimesSync(path, (now - ms) / 1000, (now - ms) / 1000);
    const HOUR = 3600_000;
    for (const dir of [join(current, 'tmp'), join(current, 'ab'), old, recentOther])
      mkdirSync(dir, { recursive: true });
    const stale = join(current, 'tmp', 'stale.1-abcd.tmp');
    const live = join(current, 'tmp', 'live.2-abcd.tmp');
    const entry = join(current, 'ab', 'cdef');
    for (const file of [stale, live, entry]) writeFileSync(file, 'x');
    ago(stale, 2 * HOUR);
    ago(entry, 30 * 24 * HOUR);
    ago(old, 8 * 24 * HOUR);
    ago(recentOther, 24 * HOUR);
    tidyCache(own, current, now);
    expect(filesIn(own).sort()).toEqual(
      [
        join('parse-0123456789abcdef', 'ab', 'cdef'),
        join('parse-0123456789abcdef', 'tmp', 'live.2-abcd.tmp'),
      ].sort(),
    );
    expect(readdirSync(own).sort()).toEqual(['parse-0123456789abcdef', 'parse-aaaaaaaaaaaaaaaa']);
    rmSync(own, { recursive: true, force: true });
  });

  test('npm run lint keeps its cache in PLAYBOOK_CACHE_DIR', () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-env-'));
    const lint = () =>
      spawnSync(
        process.execPath,
        ['scripts/lint.ts', '--content', 'tests/fixtures/site', '--format', 'json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, PLAYBOOK_CACHE_DIR: own, PLAYBOOK_CACHE: '', PLAYBOOK_TODAY: '2026-11-22' },
        },
      );
    const first = lint();
    expect(filesIn(own).length).toBeGreaterThan(5);
    expect(lint().stdout).toBe(first.stdout);
    rmSync(own, { recursive: true, force: true });
  });
});
