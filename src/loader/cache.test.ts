import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate.ts';
import { parseEntry } from '../core/parse/entry.ts';
import type { SourceFile } from '../core/types.ts';
import { parseCacheDir, parseSources, parseSourcesWith } from './cache.ts';

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
