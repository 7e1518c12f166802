import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import type { Construct, Extension } from 'micromark-util-types';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../../bench/corpus/generate.ts';
import { parseBody, parsers, parseTree, tableHeadLines } from './body.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const MARK = /https?:\/\/|www\.|@/i;

/** The body of an MDX file: what follows its frontmatter block. */
const bodyOf = (text: string) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

/** Every .mdx file under `dir`. */
const mdxUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

/** Bodies without any autolink literal mark, each built to hit a construct near one. */
const NEAR_MISSES = [
  'Email the team at sales (at) acme dot com, or see wwwhat we mean on the http page.',
  'HTTP, HTTPS and WWW in capitals; http:/one-slash; https:example; www-dash; ftp://files.example.com',
  'A word+with_plus-and.dots, then *emphasis*, ~~struck~~, `code` and a [link](/x) with a [^note].\n\n[^note]: A footnote.',
  '| Stage | Need |\n|---|---|\n| Evaluate | A www-ready plan |\n\n- [ ] task\n- [x] done',
  '<Callout kind="tip">Hello **there**, h.e.l.l.o and w.w.w</Callout>\n\n{1 + 1}\n\n    indented, not code in MDX',
  'Unicode: café, naïve, 東京, emoji 🚀, and a line ending in two spaces  \nnext line.',
  '',
];

/** A body with every kind of autolink literal, which the cheaper parser must not be given. */
const WITH_AUTOLINKS =
  'Visit www.example.com, https://example.com/path?q=1 or HTTP://EXAMPLE.ORG, and write to sales@example.com.';

const links = (tree: Root) => JSON.stringify(tree).match(/"type":"link"/g)?.length ?? 0;

describe('the parser without autolink literals', () => {
  const bodies = [
    ...NEAR_MISSES,
    ...mdxUnder(join(ROOT, 'content')).map(bodyOf),
    ...mdxUnder(join(ROOT, 'tests', 'fixtures')).map(bodyOf),
    ...[...generateCorpus({ files: 120, seed: 11 })].map(([, text]) => bodyOf(text)),
  ].filter((body) => !MARK.test(body));

  test('gives the same tree as the full parser for every body without a mark', () => {
    expect(bodies.length).toBeGreaterThan(150);
    for (const body of bodies) {
      let full: unknown;
      try {
        full = parsers.processor.parse(body);
      } catch (error) {
        expect(() => parsers.processorWithoutAutolinkLiterals.parse(body)).toThrow(
          String((error as Error).message),
        );
        continue;
      }
      expect(parsers.processorWithoutAutolinkLiterals.parse(body)).toEqual(full);
    }
  });

  test('is left out of its syntax and transforms, and only there', () => {
    const names = (processor: typeof parsers.processor) => {
      const [syntax] = processor.data('micromarkExtensions') as Extension[];
      return new Set(
        Object.values(syntax!.text ?? {})
          .flat()
          .map((c) => (c as Construct | undefined)?.name),
      );
    };
    const transforms = (processor: typeof parsers.processor) =>
      (processor.data('fromMarkdownExtensions') ?? []).flat(2).flatMap((e) => e.transforms ?? []).length;
    expect(names(parsers.processor)).toContain('emailAutolink');
    expect(names(parsers.processorWithoutAutolinkLiterals)).not.toContain('emailAutolink');
    expect(names(parsers.processorWithoutAutolinkLiterals)).not.toContain('wwwAutolink');
    expect(names(parsers.processorWithoutAutolinkLiterals)).not.toContain('protocolAutolink');
    expect(transforms(parsers.processor)).toBeGreaterThan(
      transforms(parsers.processorWithoutAutolinkLiterals),
    );
  });

  test('is never used for a body with an autolink literal: those still become links', () => {
    expect(links(parsers.processorWithoutAutolinkLiterals.parse(WITH_AUTOLINKS) as Root)).toBe(0);
    expect(links(parseTree(WITH_AUTOLINKS))).toBe(4);
    const { body } = parseBody(`Intro.\n\n${WITH_AUTOLINKS}\n`, 5);
    expect(body.links.map((l) => [l.url, l.line])).toEqual([
      ['http://www.example.com', 7],
      ['https://example.com/path?q=1', 7],
      ['HTTP://EXAMPLE.ORG', 7],
      ['mailto:sales@example.com', 7],
    ]);
  });
});

/** Tables, and lines that only look like them, wherever micromark can start or refuse one. */
const TABLE_CASES = [
  '| Stage | Need |\n|---|---|\n| First | A story |\nlazy row\n\nProse after.',
  'Stage | Need\n--- | ---\nFirst | A story',
  'abc\n:--\nrow',
  'abc\n--:\n\nabc\n---\n\nabc\n- item: one',
  'A paragraph line\n| a | b |\n| - | - |\n| 1 | 2 |',
  '> | a |\n> |---|\n> | 1 |\n\n- | a |\n  | - |\n  | 1 |',
  '| a |\r\n| - |\r\n| 1 |\r\n\r\ntext\r| b |\r| - |\r| 2 |',
  '| a | b |\n| - |\n\n| a |\n|-|-|\n\n|\n|-|',
  '| a |\n| - |\n| <Badge>x</Badge> | {1} |\n\n<Callout>\n| a |\n| - |\n| 1 |\n</Callout>',
  '    | a |\n    | - |\n\n   | a |\n   | - |',
  '| a \\| b |\n| - |\n| `c | d` |',
  '| a |\n| - |',
  '| a |\n| :-: |\n',
];

describe('the table construct, tried only on lines that can head a table', () => {
  const bodies = [
    ...TABLE_CASES,
    ...NEAR_MISSES,
    WITH_AUTOLINKS,
    ...mdxUnder(join(ROOT, 'content')).map(bodyOf),
    ...mdxUnder(join(ROOT, 'tests', 'fixtures')).map(bodyOf),
    ...[...generateCorpus({ files: 120, seed: 12 })].map(([, text]) => bodyOf(text)),
  ];

  test('gives the tree of remark with MDX and GFM for every body', () => {
    expect(bodies.length).toBeGreaterThan(200);
    let tables = 0;
    for (const body of bodies) {
      let reference: Root;
      try {
        reference = parsers.reference.parse(body) as Root;
      } catch (error) {
        expect(() => parseTree(body)).toThrow(String((error as Error).message));
        continue;
      }
      expect(parseTree(body)).toEqual(reference);
      tables += JSON.stringify(reference).match(/"type":"table"/g)?.length ?? 0;
    }
    expect(tables).toBeGreaterThan(100);
  });

  test.each([
    ['prose only', 'One line.\n\nTwo lines\nof prose.', []],
    ['a table', 'Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |', [3]],
    ['a colon-only delimiter row', 'abc\n:--', [1]],
    ['a thematic break is no delimiter row', 'abc\n---', []],
    ['CRLF and CR line endings', 'x\r\n| a |\r\n|-|\ry\r|-|', [2, 4]],
    ['the last line', 'a |\n- |', [1]],
  ])('%s: the lines that can head a table', (_, text, lines) => {
    const can = tableHeadLines(text);
    const count = text.split(/\r\n|\r|\n/).length;
    expect(Array.from({ length: count + 1 }, (_, i) => i).filter((line) => line > 0 && can(line))).toEqual(
      lines,
    );
  });

  test('gives the reference tree for generated text made of what tables are made of', () => {
    const piece = fc.constantFrom(
      '|',
      '-',
      ':',
      ' ',
      'a',
      'b c',
      '\\',
      '`',
      '>',
      '- ',
      '1. ',
      '    ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      '*',
      '[x]',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(parseTree(text)).toEqual(parsers.reference.parse(text));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  test('replaces the construct in both parsers, and not in the reference', () => {
    const table = (processor: typeof parsers.processor) => {
      const syntax = processor.data('micromarkExtensions') as Extension[];
      return syntax
        .flatMap((s) => [s.flow?.null ?? []].flat())
        .find((c) => (c as Construct | undefined)?.name === 'table') as Construct;
    };
    const stock = table(parsers.reference);
    expect(stock).toBeDefined();
    expect(table(parsers.processor).tokenize).not.toBe(stock.tokenize);
    expect(table(parsers.processorWithoutAutolinkLiterals).tokenize).not.toBe(stock.tokenize);
    expect(table(parsers.processor).resolveAll).toBe(stock.resolveAll);
  });
});
