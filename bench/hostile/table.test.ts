import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/core/parse/frontmatter.ts';
import { CORNERS, cornerFile, cornerSlug } from './corners.ts';
import { type CornerFigure, cornerTable, describeCorner } from './table.ts';

describe('cornerSlug', () => {
  test('gives every corner a distinct file name of lowercase letters, digits and dashes', () => {
    const slugs = CORNERS.map(cornerSlug);
    expect(new Set(slugs).size).toBe(CORNERS.length);
    for (const slug of slugs) expect(slug).toMatch(/^\d\d-[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(cornerSlug(CORNERS[1]!)).toBe('02-emphasis-run-a');
  });
});

describe('cornerFile', () => {
  test.each(CORNERS.map((c) => [c.name, c] as const))(
    '%s keeps its title, quoted, apart from the corner',
    (_, c) => {
      const split = splitFrontmatter(cornerFile(c, 2000, `Hostile: ${c.name}`));
      expect('rule' in split).toBe(false);
      if ('rule' in split) return;
      expect(split.yaml.split('\n')[0]).toBe(`title: ${JSON.stringify(`Hostile: ${c.name}`)}`);
    },
  );
});

const figure: CornerFigure = {
  name: 'emphasis run *a',
  kind: 'body',
  sizes: [
    { target: 10_000, bytes: 10_020, lintMs: 1200, cutShort: false, beforeMs: 800 },
    { target: 100_000, bytes: 100_020, lintMs: 1300, cutShort: true, beforeMs: null },
    { target: 1_000_000, bytes: 1_000_020, lintMs: 2100, cutShort: true },
  ],
};

describe('cornerTable', () => {
  test('shows lint with the bound at each size, "cut" when cut short, then the parsers alone', () => {
    const table = cornerTable({
      sizes: [10_000, 100_000, 1_000_000],
      beforeMaxBytes: 100_000,
      corners: [figure],
    });
    expect(table).toEqual([
      '| corner | lint, 10 kB | lint, 100 kB | lint, 1 MB | parsers alone, no bound, 10 kB | parsers alone, no bound, 100 kB |',
      '|---|---|---|---|---|---|',
      '| emphasis run \\*a | 1.2 s | 1.3 s, cut | 2.1 s, cut | 0.8 s | > 30.0 s |',
    ]);
  });

  test('marks frontmatter corners and escapes Markdown in names', () => {
    const yaml: CornerFigure = { name: 'YAML flow [[ | x', kind: 'frontmatter', sizes: [] };
    const [, , line] = cornerTable({ sizes: [10_000], beforeMaxBytes: 0, corners: [yaml] });
    expect(line).toBe('| YAML flow \\[\\[ \\| x (frontmatter) | |');
  });
});

describe('describeCorner', () => {
  test('says the times, from which size the file is cut short, and the parsers alone', () => {
    expect(describeCorner(figure)).toBe(
      'lint 1.2 s / 1.3 s / 2.1 s (cut short from 100 kB); parsers alone 0.8 s / > 30.0 s',
    );
  });
});
