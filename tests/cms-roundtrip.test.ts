/**
 * Saving through the browser editor keeps every value (DESIGN §9): every example file goes through the
 * CMS's own serialisation — read as Decap reads a `format: frontmatter` file, written as it writes one,
 * keys in the order of the generated form — and the result parses to the same frontmatter and body.
 *
 * Decap's formatter (decap-cms-core `src/formats/frontmatter.ts` and `src/formats/yaml.ts`) ships only
 * inside its browser bundle, so it cannot run here; below is the same sequence with the `yaml` package:
 * gray-matter's split and join around `yaml.parseDocument(...).toJSON()` on the way in, and on the way
 * out `createNode(data)`, the map's items sorted by the form's field order, `Document.toString()`. Decap
 * pins `yaml` 1.x, whose output differs from 2.x in layout only (line folding, quoting style), never in
 * the values read back. The browser test (admin-browser.test.ts) saves a file through the real CMS too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Document, isMap, parseDocument } from 'yaml';
import { cmsConfig } from '../src/core/export/cms-config.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import { splitFrontmatter } from '../src/core/parse/frontmatter.ts';
import { configSchema, ENTRY_TYPES, type EntryType, TYPE_FOLDERS } from '../src/schema/index.ts';

const CONTENT = join(import.meta.dirname, '..', 'content');
const generated = cmsConfig({ config: configSchema.parse({ repo_url: 'https://github.com/acme/playbook' }) });
if (!generated.ok) throw new Error(generated.reason);
const config = generated.config;

/** Decap reading a file: gray-matter's split, the YAML as JSON, `body` only when it is not blank. */
function decapFromFile(text: string): Record<string, unknown> {
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, '') === '---');
  const yaml = lines.slice(1, close).join('\n');
  const content = lines.slice(close + 1).join('\n');
  const doc = parseDocument(yaml);
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  const data = doc.toJSON() as Record<string, unknown>;
  return { ...data, ...(content.trim() && { body: content }) };
}

/** Decap writing a file: the fields in form order, then gray-matter's join, no added final newline. */
function decapToFile(data: Record<string, unknown>, sortedKeys: string[]): string {
  const { body = '', ...meta } = data as { body?: string };
  const doc = new Document();
  const contents = doc.createNode(meta);
  const rank = (key: unknown) => {
    const i = sortedKeys.indexOf(String(key));
    return i === -1 ? sortedKeys.length : i;
  };
  if (isMap(contents))
    contents.items.sort(
      (a, b) => rank((a.key as { value?: unknown })?.value) - rank((b.key as { value?: unknown })?.value),
    );
  doc.contents = contents;
  const newline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  const file = `---\n${newline(doc.toString().trim())}---\n${newline(body)}`;
  return !body.endsWith('\n') && file.endsWith('\n') ? file.slice(0, -1) : file;
}

const files = ENTRY_TYPES.flatMap((type) =>
  readdirSync(join(CONTENT, TYPE_FOLDERS[type]))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => [type, f] as [EntryType, string]),
);

function entryOf(type: EntryType, name: string, text: string) {
  const id = name.replace(/\.mdx$/, '');
  return parseEntry({
    type,
    id,
    file: `${TYPE_FOLDERS[type]}/${name}`,
    path: `${TYPE_FOLDERS[type]}/${name}`,
    text,
  });
}

describe('saving through the CMS', () => {
  test('covers every example file', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  test.each(files)('%s/%s keeps every value and its body', (type, name) => {
    const text = readFileSync(join(CONTENT, TYPE_FOLDERS[type], name), 'utf8');
    const before = entryOf(type, name, text);
    expect(before.problems).toEqual([]);
    const collection = config.collections.find((c) => c.name === TYPE_FOLDERS[type])!;
    const loaded = decapFromFile(text);
    const { body: _body, ...frontmatter } = loaded;
    // Decap reads the same values the linter does…
    expect(frontmatter).toEqual(before.raw);
    const saved = decapToFile(
      loaded,
      collection.fields.map((f) => f.name),
    );
    const after = entryOf(type, name, saved);
    // …and what it writes parses to them again: frontmatter as written, as validated, and the body.
    expect(after.problems).toEqual([]);
    expect(after.raw).toEqual(before.raw);
    expect(after.data).toEqual(before.data);
    const bodyOf = (t: string) => {
      const split = splitFrontmatter(t);
      return 'body' in split ? split.body : undefined;
    };
    expect(bodyOf(saved)).toBe(bodyOf(text));
  });
});
