/**
 * Code editors (DESIGN §9): the project's VS Code settings and .remarkrc.mjs point the remark extension
 * at the editor schemas the build writes, one per content folder; remark with
 * remark-lint-frontmatter-schema, run here as the extension runs it, accepts every example file and
 * reports a bad enum value or an unknown key at its line.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCHEMA_TYPES } from '../src/core/export/json-schema.ts';
import { SCHEMA_DIRS, writeEditorSchemas } from '../src/loader/admin.ts';
import { ENTRY_TYPES, TYPE_FOLDERS } from '../src/schema/index.ts';
import { ROOT } from './helpers/cli.ts';

interface RemarkConfig {
  plugins: [unknown, [string, { schemas: Record<string, string[]> }]?][];
}

const remarkrc = (await import(join(ROOT, '.remarkrc.mjs'))).default as RemarkConfig;
const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8'));
const extensions = JSON.parse(readFileSync(join(ROOT, '.vscode', 'extensions.json'), 'utf8'));
const schemaOption = remarkrc.plugins[1]![1]![1]!.schemas;

/** A scratch project: the example content, the schemas as the build writes them into dist/, a remark config. */
let project: string;
let written: string[];
beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'playbook-editor-'));
  written = (await writeEditorSchemas(join(project, 'dist'), {})).map((p) => join('dist', p));
  cpSync(join(ROOT, 'content'), join(project, 'content'), { recursive: true });
  // The plugin resolves schema paths from the folder of the nearest remark configuration.
  writeFileSync(join(project, '.remarkrc.json'), '{}\n');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A compiler that writes nothing: only the messages matter, as in the editor. */
function noOutput(this: import('unified').Processor) {
  this.compiler = () => '';
}

/** What remark, configured by .remarkrc.mjs, says about one file of the scratch project. */
async function check(path: string, text?: string) {
  const file = join(project, path);
  if (text !== undefined) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  const result = await unified()
    .use(remarkParse)
    .use({ plugins: remarkrc.plugins as never })
    .use(noOutput)
    .process({ path: file, value: readFileSync(file, 'utf8') });
  return result.messages.map((m) => ({ line: m.line, reason: m.reason, fatal: m.fatal, rule: m.ruleId }));
}

describe('VS Code settings', () => {
  test('recommend the remark extension (MDX frontmatter) and the YAML extension (playbook.yaml)', () => {
    expect(extensions.recommendations).toEqual(
      expect.arrayContaining(['unifiedjs.vscode-remark', 'redhat.vscode-yaml']),
    );
  });

  test('open content MDX as Markdown, which is what the remark extension reads', () => {
    expect(settings['files.associations']).toEqual({ '**/content/**/*.mdx': 'markdown' });
    expect(settings['remark.requireConfig']).toBe(true);
  });

  test('give playbook.yaml the schema the build writes', () => {
    const [[schema, files]] = Object.entries(settings['yaml.schemas'] as Record<string, string[]>) as [
      [string, string[]],
    ];
    expect(files).toEqual(['content/playbook.yaml']);
    expect(written).toContain(join(schema.replace(/^\.\//, '')));
    expect(schema).toBe(`./dist/${SCHEMA_DIRS['draft-7']}/playbook.schema.json`);
  });
});

describe('.remarkrc.mjs', () => {
  test('maps every content folder to the schema of its type, and nothing else', () => {
    expect(Object.entries(schemaOption)).toEqual(
      ENTRY_TYPES.map((type) => [
        `dist/${SCHEMA_DIRS['draft-7']}/${type}.schema.json`,
        [`content/${TYPE_FOLDERS[type]}/**/*.mdx`],
      ]),
    );
  });

  test('names only schema files that the build writes', () => {
    expect(SCHEMA_TYPES).toEqual([...ENTRY_TYPES, 'playbook']);
    for (const schema of Object.keys(schemaOption)) expect(written).toContain(schema);
    expect(readdirSync(join(project, 'dist', SCHEMA_DIRS['draft-7'])).sort()).toEqual(
      SCHEMA_TYPES.map((t) => `${t}.schema.json`).sort(),
    );
  });

  test('the draft 07 copies say so, and the published schemas stay 2020-12', () => {
    const draft7 = JSON.parse(
      readFileSync(join(project, 'dist', SCHEMA_DIRS['draft-7'], 'icp.schema.json'), 'utf8'),
    );
    const published = JSON.parse(readFileSync(join(project, 'dist', 'schemas', 'icp.schema.json'), 'utf8'));
    expect(draft7.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(draft7.properties.status.description).toBe(published.properties.status.description);
  });
});

describe('remark-lint-frontmatter-schema with these settings', () => {
  test('accepts every example file, ICP ranges included', async () => {
    const files = readdirSync(join(project, 'content'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => join('content', f));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) expect(await check(file), file).toEqual([]);
  });

  test('reports a bad enum value at its line, with the allowed values', async () => {
    const persona = readFileSync(join(ROOT, 'content', 'personas', 'cfo-henrik.mdx'), 'utf8');
    const bad = persona.replace(/^seniority: .*$/m, 'seniority: wizard');
    expect(bad).not.toBe(persona);
    const line = bad.split('\n').indexOf('seniority: wizard') + 1;
    expect(await check('content/personas/bad-seniority.mdx', bad)).toEqual([
      {
        line,
        reason: expect.stringMatching(
          /^Must be equal to one of the allowed values: `ic`, `manager`, `director`/,
        ),
        fatal: true,
        rule: 'frontmatter-schema',
      },
    ]);
  });

  test('reports an unknown key, and leaves a file outside the content folders alone', async () => {
    const term = '---\nterm: TAM\nshort: Total addressable market.\ncolour: blue\n---\n\nBody.\n';
    const messages = await check('content/glossary/tam-copy.mdx', term);
    expect(messages).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^Must NOT have additional properties/) }),
    ]);
    expect(await check('docs/notes.mdx', term)).toEqual([]);
  });
});
