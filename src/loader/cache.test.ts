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
import { serialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate.ts';
import { corpus } from '../../tests/helpers/cache-child.ts';
import { parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import {
  HEADER_BYTES,
  MAX_PACKS,
  openParseCache,
  parseCacheDir,
  parsedPart,
  parseSources,
  parseSourcesWith,
  readHeader,
  recordHeader,
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

/** The pack files of the cache `dir` (one parser folder), oldest first. */
function packsIn(dir: string): string[] {
  const [name] = readdirSync(dir).filter((n) => n.startsWith('parse-'));
  const folder = join(dir, name!);
  return readdirSync(folder)
    .filter((n) => n.endsWith('.pack'))
    .sort()
    .map((n) => join(folder, n));
}

/** Where each record of a pack starts and how long its payload is. */
function recordsOf(pack: Buffer): { at: number; length: number }[] {
  const records: { at: number; length: number }[] = [];
  for (let at = 0; at < pack.length; ) {
    const length = Number.parseInt(
      pack.subarray(at + HEADER_BYTES - 9, at + HEADER_BYTES - 1).toString(),
      16,
    );
    records.push({ at, length });
    at += HEADER_BYTES + length;
  }
  return records;
}

/** How many of `list` a run finds in the cache `dir`. */
const cachedOf = async (list: SourceFile[], dir: string) =>
  (await parseSourcesWith(list, async (misses) => misses.map(parseEntry), dir)).cached;

/** Stores `list` the way a parse process does: in a pack of its own, without merging packs. */
function storeAsParseProcess(list: SourceFile[], dir: string): void {
  const cache = openParseCache(dir);
  for (const source of list) cache.store(source, serialize(parsedPart(parseEntry(source))));
  cache.close();
}

describe('the parse cache never lies', () => {
  const few = sources.slice(0, 6);
  const fresh = few.map(parseEntry);
  /** Fills a cache, damages its pack, and checks that every damaged entry is parsed again and stored. */
  const withCache = async (damage: (pack: Buffer) => Buffer, damaged: number) => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-damage-'));
    const parseMany = async (misses: SourceFile[]) => misses.map(parseEntry);
    try {
      expect(parseSources(few, own)).toEqual(fresh);
      const [pack] = packsIn(own);
      writeFileSync(pack!, damage(readFileSync(pack!)));
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
  /** A copy of `pack` with byte `at` flipped. */
  const flip = (pack: Buffer, at: number) => {
    const copy = Buffer.from(pack);
    copy[at] = copy[at]! ^ 0xff;
    return copy;
  };

  test.each<[string, (pack: Buffer) => Buffer, number]>([
    ['garbage', () => Buffer.from('not a pack at all'), 6],
    ['an empty pack', () => Buffer.alloc(0), 6],
    ['a pack cut short inside its last record', (pack) => pack.subarray(0, -100), 1],
    ['a pack cut inside the second header', (pack) => pack.subarray(0, recordsOf(pack)[1]!.at + 40), 5],
    ['a damaged byte in the first payload', (pack) => flip(pack, HEADER_BYTES + 10), 1],
    // Readers stop at a header they cannot trust: what follows it is not read as records.
    [
      'a damaged length in the third header',
      (pack) => flip(pack, recordsOf(pack)[2]!.at + HEADER_BYTES - 5),
      4,
    ],
    [
      "two entries swapped between texts (their headers name each other's keys)",
      (pack) => {
        const [a, b] = recordsOf(pack);
        const copy = Buffer.from(pack);
        // Each header ends with `<key> <sum> <length>\n`: 64 + 1 + 64 + 1 + 8 + 1 bytes.
        const keyAt = (at: number) => at + HEADER_BYTES - 139;
        pack.copy(copy, keyAt(a!.at), keyAt(b!.at), keyAt(b!.at) + 64);
        pack.copy(copy, keyAt(b!.at), keyAt(a!.at), keyAt(a!.at) + 64);
        return copy;
      },
      2,
    ],
  ])('ignores and rebuilds %s', async (_name, damage, damaged) => {
    await withCache(damage, damaged);
  });

  test('reads only headers of its own parser, with sound fields', () => {
    const payload = new Uint8Array([1, 2, 3, 4]);
    const key = sourceKey(few[0]!);
    const header = recordHeader('0123456789abcdef', key, payload);
    expect(header).toHaveLength(HEADER_BYTES);
    expect(readHeader(header, '0123456789abcdef')).toMatchObject({ key, length: 4 });
    expect(readHeader(header, 'fedcba9876543210')).toBeUndefined();
    expect(readHeader(header.subarray(0, -1), '0123456789abcdef')).toBeUndefined();
    expect(
      readHeader(Buffer.from(header.toString().replace(key, 'x'.repeat(64))), '0123456789abcdef'),
    ).toBeUndefined();
  });

  test('two runs at once leave a cache a third run can trust', async () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-twice-'));
    const child = () =>
      new Promise<number | null>((done) => {
        const p = spawn(process.execPath, [CHILD, 'run', own, '60'], { stdio: 'inherit' });
        p.on('exit', (code) => done(code));
      });
    expect(await Promise.all([child(), child()])).toEqual([0, 0]);
    expect(packsIn(own)).toHaveLength(2); // one each
    const all = corpus(60);
    expect(parseSources(all, own)).toEqual(all.map(parseEntry));
    expect(await cachedOf(all, own)).toBe(all.length);
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
    expect(packsIn(own)).toHaveLength(1); // two whole records, then half of the third
    const all = corpus(20);
    expect(await cachedOf(all, own)).toBe(2);
    expect(parseSources(all, own)).toEqual(all.map(parseEntry));
    expect(await cachedOf(all, own)).toBe(all.length);
    rmSync(own, { recursive: true, force: true });
  });

  test(`merges more than ${MAX_PACKS} packs into one, dropping only what the run proved unused`, async () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-merge-'));
    const texts = sources.filter((s) => s.text !== undefined).slice(0, 4 * (MAX_PACKS + 1));
    const packOf = (k: number) => texts.slice(4 * k, 4 * k + 4);
    for (let k = 0; k <= MAX_PACKS; k++) storeAsParseProcess(packOf(k), own);
    expect(packsIn(own)).toHaveLength(MAX_PACKS + 1);
    // This run reads two entries of the first pack: the other two of that pack are the old texts
    // of files it no longer has. The other packs it did not read from may be another folder's.
    expect(parseSources(packOf(0).slice(0, 2), own)).toEqual(packOf(0).slice(0, 2).map(parseEntry));
    expect(packsIn(own)).toHaveLength(1);
    expect(await cachedOf(texts, own)).toBe(texts.length - 2);
    rmSync(own, { recursive: true, force: true });
  });

  test('removes packs no run used for a week, and keeps those in use', async () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-old-'));
    const [a, b, c] = [sources.slice(0, 3), sources.slice(3, 6), sources.slice(6, 9)];
    storeAsParseProcess(a, own);
    storeAsParseProcess(b, own);
    const weekAgo = (Date.now() - 8 * 24 * 3600_000) / 1000;
    for (const pack of packsIn(own)) utimesSync(pack, weekAgo, weekAgo);
    parseSources([...b, ...c], own); // reads b's pack (now in use), stores c in a new one
    expect(packsIn(own)).toHaveLength(2);
    expect(await cachedOf(a, own)).toBe(0);
    expect(await cachedOf([...b, ...c], own)).toBe(6);
    rmSync(own, { recursive: true, force: true });
  });

  test('removes the folders of parser versions unused for a week, and nothing else', () => {
    const own = mkdtempSync(join(tmpdir(), 'playbook-cache-tidy-'));
    const current = join(own, 'parse-0123456789abcdef');
    const old = join(own, 'parse-fedcba9876543210');
    const recentOther = join(own, 'parse-aaaaaaaaaaaaaaaa');
    const admin = join(own, 'admin');
    const now = Date.now();
    const ago = (path: string, ms: number) => utimesSync(path, (now - ms) / 1000, (now - ms) / 1000);
    const HOUR = 3600_000;
    for (const dir of [current, old, recentOther, admin]) mkdirSync(dir, { recursive: true });
    const pack = join(current, 'x.pack');
    writeFileSync(pack, 'x');
    ago(pack, 30 * 24 * HOUR);
    ago(old, 8 * 24 * HOUR);
    ago(admin, 8 * 24 * HOUR);
    ago(recentOther, 24 * HOUR);
    tidyCache(own, current, now);
    expect(filesIn(own)).toEqual([join('parse-0123456789abcdef', 'x.pack')]);
    expect(readdirSync(own).sort()).toEqual(['admin', 'parse-0123456789abcdef', 'parse-aaaaaaaaaaaaaaaa']);
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
    expect(filesIn(own).filter((f) => f.endsWith('.pack'))).toHaveLength(1);
    expect(lint().stdout).toBe(first.stdout);
    rmSync(own, { recursive: true, force: true });
  });
});
