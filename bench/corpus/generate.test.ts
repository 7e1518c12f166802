import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { lintSources } from '../../src/core/lint/engine.ts';
import type { SourceFile } from '../../src/core/types.ts';
import { configSchema } from '../../src/schema/index.ts';
import { CORPUS_TODAY, corpusCounts, countWords, generateCorpus } from './generate.ts';

const TYPES: Record<string, SourceFile['type']> = { icps: 'icp', personas: 'persona', glossary: 'term' };

function sourcesOf(files: Map<string, string>): SourceFile[] {
  return [...files].flatMap(([path, text]) => {
    if (path === 'playbook.yaml') return [];
    const [folder, name] = path.split('/') as [string, string];
    return [{ type: TYPES[folder]!, id: name.replace(/\.mdx$/, ''), file: `content/${path}`, path, text }];
  });
}

const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5);

describe('generateCorpus', () => {
  const corpus = generateCorpus({ files: 200, seed: 7 });
  const sources = sourcesOf(corpus);

  test('lints with no errors and no warnings at 200 files', () => {
    const config = configSchema.parse(parse(corpus.get('playbook.yaml')!));
    const { diagnostics, summary } = lintSources(sources, { config, today: CORPUS_TODAY });
    expect(diagnostics).toEqual([]);
    expect(summary).toEqual({ files: 200, errors: 0, warnings: 0 });
  });

  test('gives the same bytes for the same seed', () => {
    const again = generateCorpus({ files: 200, seed: 7 });
    expect([...again]).toEqual([...corpus]);
  });

  test('gives different text for another seed', () => {
    const other = generateCorpus({ files: 200, seed: 8 });
    expect([...other.values()].join('')).not.toEqual([...corpus.values()].join(''));
  });

  test('holds about 72% personas, 18% ICPs and 10% glossary terms', () => {
    const count = (folder: string) => sources.filter((s) => s.path.startsWith(`${folder}/`)).length;
    expect({ icps: count('icps'), personas: count('personas'), terms: count('glossary') }).toEqual(
      corpusCounts(200),
    );
    expect(corpusCounts(200)).toEqual({ icps: 36, personas: 144, terms: 20 });
  });

  test('writes 400–600-word bodies with headings, a list, a table and cross-links', () => {
    for (const s of sources) {
      const body = bodyOf(s.text!);
      const words = countWords(body);
      expect(words, s.path).toBeGreaterThanOrEqual(400);
      expect(words, s.path).toBeLessThanOrEqual(600);
      expect(body, s.path).toMatch(/^## /m);
      expect(body, s.path).toMatch(/^(?:- |1\. )/m);
      expect(body, s.path).toMatch(/^\|---\|/m);
      expect(body, s.path).toMatch(/\[\[(?:persona|icp|term):[a-z0-9-]+\]\]/);
    }
  });

  test('keeps bodies free of expressions, tags and placeholders', () => {
    for (const s of sources) {
      const body = bodyOf(s.text!);
      expect(body, s.path).not.toMatch(/[{}<]/);
      expect(s.text, s.path).not.toMatch(/\b(?:TODO|TBD|N\/A|xxx)\b/i);
    }
  });

  test('names glossary terms in prose so the site can link them', () => {
    const terms = sources
      .filter((s) => s.type === 'term')
      .map((s) => (parse(s.text!.split('\n---\n')[0]!.slice(4)) as { term: string }).term.toLowerCase());
    const prose = sources.filter((s) => s.type === 'persona').map((s) => bodyOf(s.text!).toLowerCase());
    const mentioned = prose.filter((p) => terms.some((t) => p.includes(t))).length;
    expect(mentioned / prose.length).toBeGreaterThan(0.5);
  });

  test('rejects fewer than 4 files', () => {
    expect(() => generateCorpus({ files: 3 })).toThrow(RangeError);
  });

  test.each([4, 10, 57])('lints clean at %i files', (files) => {
    const small = generateCorpus({ files, seed: files });
    const config = configSchema.parse(parse(small.get('playbook.yaml')!));
    expect(lintSources(sourcesOf(small), { config, today: CORPUS_TODAY }).summary).toMatchObject({
      errors: 0,
      warnings: 0,
    });
  });
});
