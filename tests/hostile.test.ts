/**
 * Hostile input through the whole linter (§12): a file too complex to parse gets one finding, the
 * rest of it and every other file are linted as usual; ordinary content is never cut short.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../bench/corpus/generate.ts';
import { CORNERS, cornerFile } from '../bench/hostile/corners.ts';
import { lintSources } from '../src/core/lint/engine.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import { configSchema } from '../src/schema/index.ts';
import { cleanPlaybook, sources, TODAY } from './helpers/playbook.ts';
import { ROOT } from './site-build.ts';

const config = configSchema.parse({});
const lint = (files: Record<string, string>) => lintSources(sources(files), { config, today: TODAY });
const TOO_COMPLEX = /too complex to parse/;

describe('a file too complex to parse', () => {
  const base = lint({ ...cleanPlaybook(), 'guides/fine.mdx': '---\ntitle: Fine\n---\nTODO: write it.\n' });

  test('its body is cut short: one mdx-syntax error; its frontmatter rules and the other files as usual', () => {
    const hostile = `---\ntitle: TODO\n---\nIntro.\n\n${'*a'.repeat(20_000)}\n\nTODO\n`;
    const { diagnostics, summary } = lint({
      ...cleanPlaybook(),
      'guides/fine.mdx': '---\ntitle: Fine\n---\nTODO: write it.\n',
      'guides/hostile.mdx': hostile,
    });
    const mine = diagnostics.filter((d) => d.file === 'content/guides/hostile.mdx');
    expect(mine.map(({ rule, line, severity }) => ({ rule, line, severity }))).toEqual([
      { rule: 'placeholder-text', line: 2, severity: 'warning' },
      { rule: 'mdx-syntax', line: 6, severity: 'error' },
    ]);
    expect(mine[1]!.message).toMatch(TOO_COMPLEX);
    expect(mine[1]!.hint).toMatch(/Split long paragraphs/);
    expect(diagnostics.filter((d) => d.file !== 'content/guides/hostile.mdx')).toEqual(base.diagnostics);
    expect(summary.errors).toBe(base.summary.errors + 1);
  });

  test('its frontmatter is cut short: one yaml-syntax error; its body rules as usual', () => {
    const yaml = Array.from({ length: 8000 }, (_, i) => `k${i}: v`).join('\n');
    const { diagnostics } = lint({ ...cleanPlaybook(), 'guides/hostile.mdx': `---\n${yaml}\n---\nTODO\n` });
    const mine = diagnostics.filter((d) => d.file === 'content/guides/hostile.mdx');
    expect(mine.map(({ rule, line }) => ({ rule, line }))).toEqual([
      { rule: 'yaml-syntax', line: 2 },
      { rule: 'placeholder-text', line: 8003 },
    ]);
    expect(mine[0]!.message).toMatch(/The frontmatter is too complex to parse/);
  });

  test.each(CORNERS.map((c) => [c.name, c] as const))(
    '%s at 100 kB: well-formed findings, no crash',
    (_name, corner) => {
      const text = cornerFile(corner, 100_000);
      const { diagnostics } = lint({ ...cleanPlaybook(), 'guides/hostile.mdx': text });
      for (const d of diagnostics) {
        expect(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1).toBe(
          true,
        );
        expect(d.message.length).toBeGreaterThan(0);
      }
    },
  );
});

describe('ordinary content is never cut short', () => {
  test('the example playbook', () => {
    for (const folder of ['icps', 'personas', 'glossary', 'guides']) {
      for (const name of readdirSync(join(ROOT, 'content', folder))) {
        const text = readFileSync(join(ROOT, 'content', folder, name), 'utf8');
        const entry = parseEntry({ type: 'guide', id: 'x', file: name, path: `guides/${name}`, text });
        expect(
          entry.problems.filter((p) => TOO_COMPLEX.test(p.message)),
          name,
        ).toEqual([]);
      }
    }
  });

  test('a generated corpus of 300 files', () => {
    for (const [path, text] of generateCorpus({ files: 300, seed: 11 })) {
      if (!path.endsWith('.mdx')) continue;
      const entry = parseEntry({ type: 'guide', id: 'x', file: path, path, text });
      expect(
        entry.problems.filter((p) => TOO_COMPLEX.test(p.message)),
        path,
      ).toEqual([]);
    }
  });
});
