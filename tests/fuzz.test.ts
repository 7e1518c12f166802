import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { lintSources } from '../src/core/lint/engine.ts';
import { configSchema } from '../src/schema/index.ts';
import { cleanPlaybook, icp, persona, sources, TODAY } from './helpers/playbook.ts';

const config = configSchema.parse({});
const base = sources(cleanPlaybook());

function lintWith(path: string, text: string) {
  const [extra] = sources({ [path]: text });
  return lintSources([...base, extra!], { config, today: TODAY });
}

function assertWellFormed(result: ReturnType<typeof lintWith>) {
  for (const d of result.diagnostics) {
    expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(d.severity);
  }
}

const folders = fc.constantFrom('icps', 'personas', 'glossary', 'guides');
const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      '2026-02-30',
      '2026-01-01',
      'active',
      'Active',
      'economic-buyer',
      '@acme/team',
      '[[persona:x]]',
      'TODO',
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'name',
        'min',
        'max',
        'field',
        'in',
        'between',
        'weight',
        'label',
        'tam',
        'sam',
        'som',
        'accounts',
        'x',
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

describe('the linter never crashes', () => {
  test('on arbitrary text in any content folder', () => {
    fc.assert(
      fc.property(folders, fc.string({ unit: 'binary', maxLength: 400 }), (folder, text) => {
        assertWellFormed(lintWith(`${folder}/fuzz.mdx`, text));
      }),
      { numRuns: 300 },
    );
  });

  test('on frontmatter with arbitrary keys and values', () => {
    fc.assert(
      fc.property(
        folders,
        fc.dictionary(fc.string({ maxLength: 12 }), yamlValue, { maxKeys: 8 }),
        (folder, data) => {
          assertWellFormed(lintWith(`${folder}/fuzz.mdx`, `---\n${stringify(data)}---\nBody\n`));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('on valid ICPs and personas with one field replaced by anything', () => {
    const keys = [...Object.keys(icp()), ...Object.keys(persona())];
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom(...keys), yamlValue, (isIcp, key, value) => {
        const data = isIcp ? icp({ [key]: value }) : persona('midmarket', { [key]: value });
        assertWellFormed(
          lintWith(isIcp ? 'icps/fuzz.mdx' : 'personas/fuzz.mdx', `---\n${stringify(data)}---\n`),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('on arbitrary MDX-ish bodies', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '{',
      '}',
      '[[',
      ']]',
      '<div>',
      '</div>',
      '<Foo />',
      '<script>',
      'import x from "y"',
      'export const a = 1',
      '[a](javascript:alert(1))',
      '`code`',
      '```\n',
      '\n',
      '# ',
      '| a | b |\n|---|---|\n',
      '&lt;',
      '\\',
      'term:tam',
      'persona:',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 10 })), { maxLength: 30 }), (parts) => {
        assertWellFormed(lintWith('guides/fuzz.mdx', `---\ntitle: Fuzz\n---\n${parts.join('')}`));
      }),
      { numRuns: 300 },
    );
  });
});
