/** The layout rules of docs/ARCHITECTURE.md, checked against the code. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sourceFiles(dir: string, pattern = /\.(ts|astro|mjs)$/): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f) && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
/** Module specifiers a file imports, statically or with `import()`. */
const importsOf = (text: string) =>
  [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

describe('the layout', () => {
  test.each(sourceFiles('src/core').map((f) => [f]))('%s is pure: no node:, fs, process or Astro', (file) => {
    const text = read(file);
    const forbidden = importsOf(text).filter((s) => /^(node:|fs$|path$|child_process$|astro)/.test(s));
    expect(forbidden).toEqual([]);
    expect(text).not.toMatch(/\bprocess\.(env|argv|stdout|stderr|exit|cwd)/);
  });

  test.each(sourceFiles('src/schema').map((f) => [f]))(
    '%s imports only zod and other schema files',
    (file) => {
      expect(importsOf(read(file)).filter((s) => s !== 'zod' && !s.startsWith('./'))).toEqual([]);
    },
  );

  test.each(sourceFiles('scripts').map((f) => [f]))('%s is a thin shell of at most 60 lines', (file) => {
    expect(read(file).trimEnd().split('\n').length).toBeLessThanOrEqual(60);
  });

  test('only src/astro imports Astro among the TypeScript modules', () => {
    const files = ['src', 'scripts'].flatMap((d) => sourceFiles(d, /\.ts$/));
    const users = files.filter((f) =>
      importsOf(read(f)).some((s) => s === 'astro' || s.startsWith('astro/')),
    );
    expect(users.map((f) => (relative('src/astro', f).startsWith('..') ? f : 'src/astro'))).toEqual(
      users.map(() => 'src/astro'),
    );
  });

  test.each(['src/site', 'src/scripts', 'public/search.js'])('%s no longer exists', (path) => {
    expect(existsSync(join(ROOT, path))).toBe(false);
  });
});
