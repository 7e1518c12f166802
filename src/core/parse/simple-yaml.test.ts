import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../../bench/corpus/generate.ts';
import { keyPositions, parseEntry } from './entry.ts';
import { parseYamlDocument, splitFrontmatter } from './frontmatter.ts';
import { simpleYaml } from './simple-yaml.ts';

/** The fast path either declines or gives exactly what the `yaml` package gives, without errors. */
function agrees(yaml: string): 'fast' | 'declined' {
  const fast = simpleYaml(yaml);
  if (fast === undefined) return 'declined';
  const slow = parseYamlDocument(yaml, 2);
  expect(slow.problems, yaml).toEqual([]);
  expect(fast, yaml).toStrictEqual(slow.data);
  return 'fast';
}

const frontmatterOf = (text: string) => {
  const split = splitFrontmatter(text);
  return 'rule' in split ? undefined : split.yaml;
};

describe('simpleYaml', () => {
  test('reads every frontmatter block of the example playbook and of a generated one, as the yaml package does', () => {
    const root = resolve(import.meta.dirname, '../../../content');
    const texts = ['icps', 'personas', 'glossary', 'guides'].flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => readFileSync(join(root, folder, f), 'utf8')),
    );
    texts.push(...generateCorpus({ files: 120, seed: 3 }).values());
    const blocks = texts.map(frontmatterOf).filter((y): y is string => y !== undefined);
    expect(blocks.length).toBeGreaterThan(150);
    expect(blocks.map(agrees).filter((way) => way === 'fast').length).toBe(blocks.length);
  });

  test.each([
    'k: 0b11',
    'k: [+.5]',
    'k:\n  - -.5e-2',
    'null: 1',
    '~: 1',
    'k: "a\\\nb"',
    'k:\n  - "multi\n  line"',
    '>2\n   x: 1',
    '[a, b]: 1',
    '{a: 1}: 1',
    'k: &a 1\nj: *a',
    'k: !!str 1',
    '__proto__: 1',
    '<<: {a: 1}',
    'k:\tv',
    'k: a # comment',
    'k: v\nk: w',
    'k: |\n  text',
  ])('leaves a block where the parsers part ways, or that fails, to the yaml package: %j', (yaml) => {
    expect(simpleYaml(yaml)).toBeUndefined();
  });

  test('agrees with the yaml package on 10,000 generated blocks of tricky lines', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const scalars = [
      'plain text',
      'Nordics, major metros',
      'a: b',
      'a:b',
      'x # y',
      'x#y',
      '12:30',
      '1:20:30',
      '2026-10-12',
      '0o17',
      '0x1F',
      '017',
      '1_000',
      '1e3',
      '1.5',
      '1.',
      '-5',
      '+1',
      '.5',
      '-0',
      '9007199254740993',
      'true',
      'True',
      'yes',
      'no',
      'on',
      'null',
      'Null',
      '~',
      '.inf',
      '"quoted, with # and : inside"',
      "'it''s'",
      '""',
      "''",
      '[a, b]',
      '[ a , "b, c" , ]',
      '[]',
      '[a, [b]]',
      '{ min: 1, max: 2 }',
      '{ a: [x, y], b: "z" }',
      '{}',
      '{a:1}',
      '{ a: 1, a: 2 }',
      'R&D and P&L',
      'a [b] {c}',
      "don't",
      'émoji 🚀 and ünïcode',
      '@handle',
      '`tick`',
      '%percent',
      '!bang',
      '*star',
      '&amp',
      '? q',
      '- dash',
      '|',
      '>',
    ];
    const keys = ['name', 'a', 'b', 'tags', 'k-1', '_x', 'true', 'yes', 'y', 'n', '1', 'on'];
    const line = (indent: string): string => {
      const roll = next();
      if (roll < 0.35) return `${indent}${pick(keys)}: ${pick(scalars)}`;
      if (roll < 0.5) return `${indent}${pick(keys)}:`;
      if (roll < 0.7) return `${indent}- ${pick(scalars)}`;
      if (roll < 0.8) return `${indent}- ${pick(keys)}: ${pick(scalars)}`;
      if (roll < 0.85) return `${indent}${pick(scalars)}`;
      if (roll < 0.9) return `${indent}# ${pick(scalars)}`;
      if (roll < 0.95) return '';
      return `${indent}-`;
    };
    /** A well-formed mapping: keys with scalars, nested lists and maps, and continued plain lines. */
    const block = (): string => {
      const lines: string[] = [];
      for (let j = 0, n = 1 + Math.floor(next() * 5); j < n; j++) {
        const key = `${pick(keys)}${j}`;
        const roll = next();
        if (roll < 0.4) lines.push(`${key}: ${pick(scalars)}`);
        else if (roll < 0.6)
          lines.push(`${key}:`, ...Array.from({ length: 1 + j }, () => `  - ${pick(scalars)}`));
        else if (roll < 0.8)
          lines.push(`${key}:`, `  ${pick(keys)}: ${pick(scalars)}`, `  ${pick(keys)}x: ${pick(scalars)}`);
        else if (roll < 0.9) lines.push(`${key}: ${pick(scalars)}`, `  ${pick(scalars)}`);
        else
          lines.push(
            `${key}:`,
            `  - ${pick(keys)}: ${pick(scalars)}`,
            `    ${pick(keys)}x: ${pick(scalars)}`,
          );
      }
      return lines.join('\n');
    };
    const counts = { fast: 0, declined: 0 };
    for (let i = 0; i < 10_000; i++) {
      if (i % 2) counts[agrees(block())]++;
      else {
        const lines: string[] = [];
        const n = 1 + Math.floor(next() * 6);
        for (let j = 0; j < n; j++) lines.push(line(' '.repeat(pick([0, 0, 0, 2, 2, 4, 1, 3]))));
        counts[agrees(lines.join('\n'))]++;
      }
    }
    // The generator must reach the fast path often, or this test would prove nothing.
    expect(counts.fast).toBeGreaterThan(1000);
  });
});

describe('simpleYaml on hostile lines', () => {
  const spaces = ' '.repeat(100_000);
  test.each([
    ['spaces inside a plain value', `k: a${spaces}: x`],
    ['spaces before a trailing colon', `k: a${spaces}b:`],
    ['an unclosed list with spaces', `k: [a${spaces}x`],
    ["spaces around an unclosed list's commas", `k: [a${spaces},${spaces}b${spaces}x`],
    ['an unclosed map with spaces', `k: { a: b${spaces}x`],
    ['an unclosed list of 30,000 items', `k: [${'a, '.repeat(30_000)}`],
    ['dashes and spaces', `-${spaces}-${spaces}x:`],
    ['quote pairs', `k: '${"''".repeat(50_000)}`],
    ['colons', `k: a${':a'.repeat(50_000)}: `],
  ])('%s (100,000 characters and more) in linear time', (_name, yaml) => {
    // A pattern that backtracks takes minutes here (27 s for one of them at 5,000 characters).
    const started = performance.now();
    simpleYaml(yaml);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('keyPositions', () => {
  test('works out the positions the fast path skipped, equal to a full parse', () => {
    const [path, text] = [...generateCorpus({ files: 8, seed: 5 })].find(([p]) => p.startsWith('personas/'))!;
    const entry = parseEntry({ type: 'persona', id: 'p', file: path, path, text });
    expect(entry.positions).toBeUndefined();
    const yaml = frontmatterOf(text)!;
    expect(keyPositions(entry)).toEqual(parseYamlDocument(yaml, 2).positions);
    expect(keyPositions(entry).get('role')).toEqual({ line: 3, column: 1 });
  });

  test('a schema finding in a fast-path file points at the key', () => {
    const text = '---\nname: Ann\nrole: CFO\nseniority: wizard\n---\nBody.\n';
    const entry = parseEntry({ type: 'persona', id: 'ann', file: 'ann.mdx', path: 'personas/ann.mdx', text });
    const problem = entry.problems.find((p) => p.message.includes('"seniority"'));
    expect(problem).toMatchObject({ rule: 'schema', line: 4, column: 1 });
  });
});
