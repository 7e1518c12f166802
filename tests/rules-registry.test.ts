import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../src/core/lint/rules/index.ts';
import { RULE_IDS } from '../src/schema/index.ts';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const rules = RULES.map((r) => [r.id, r] as const);

describe('the rule registry', () => {
  test('holds every rule id of the configuration schema, once, in the same order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  test.each(rules)('%s lives in a file named after it and has a test beside it', (id) => {
    const source = join(root, 'src/core/lint/rules', `${id}.ts`);
    expect(existsSync(source)).toBe(true);
    expect(readFileSync(source, 'utf8')).toContain(`id: '${id}'`);
    const testFile = join(root, 'src/core/lint/rules', `${id}.test.ts`);
    expect(existsSync(testFile), `${id}.test.ts is missing`).toBe(true);
    const testText = readFileSync(testFile, 'utf8');
    expect(testText).toMatch(/test\.each|it\.each/);
    expect(testText).toContain(`./${id}.ts`);
  });

  test.each(rules)('%s stays small: its module has at most 60 lines', (id) => {
    const lines = readFileSync(join(root, 'src/core/lint/rules', `${id}.ts`), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.length, 'move the checking code into a module of src/core/lint').toBeLessThanOrEqual(60);
  });

  test.each(rules)('%s has a description, docs, messages and hints', (_id, rule) => {
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.docs.length).toBeGreaterThan(40);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    for (const template of Object.values(rule.messages)) expect(template.trim()).not.toBe('');
    expect(['error', 'warning']).toContain(rule.severity);
  });

  test.each(rules)('%s is documented in the README with its default severity', (id, rule) => {
    const heading = new RegExp(`^### \`${id}\`\\s*\\(${rule.severity}\\)`, 'm');
    expect(readme).toMatch(heading);
  });
});

test('the README rule reference is generated from the current rule modules', async () => {
  const { updateReadme } = await import('../src/core/lint/format/rules-doc.ts');
  expect(updateReadme(readme, RULES), 'run npm run docs').toBe(readme);
});
