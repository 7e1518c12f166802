/**
 * What `npm run fuzz` feeds the tool, and what must hold whatever it is fed: content files (any
 * frontmatter, any body, hostile markup included), playbook.yaml, accounts CSVs and the two sides
 * of a diff. Each target's cases are plain JSON (strings and records), so a failing case can be
 * saved as a fixture and replayed. A check throws when an invariant fails.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { diffPlaybooks, formatDiffJson, formatDiffMarkdown } from '../../src/core/change/diff.ts';
import { lintSources, MAX_FINDINGS_PER_RULE } from '../../src/core/lint/engine.ts';
import type { LintDiagnostic } from '../../src/core/lint/rule.ts';
import { createRenderer } from '../../src/core/render/render.ts';
import { parseAccounts } from '../../src/core/score/accounts.ts';
import { formatScoresCsv, formatScoresJson, formatScoresTable } from '../../src/core/score/format.ts';
import { scoreAccounts } from '../../src/core/score/score.ts';
import { selectIcps } from '../../src/core/score/select.ts';
import { ConfigError, loadConfig } from '../../src/loader/index.ts';
import { ATTRIBUTES } from '../../src/schema/criterion.ts';
import { type Config, configSchema, RULE_IDS } from '../../src/schema/index.ts';
import { cleanPlaybook, icp, mdx, persona, sources, TODAY, term } from '../helpers/playbook.ts';

export interface Target<T> {
  name: string;
  /** Share of the cases this target gets. */
  weight: number;
  arbitrary: fc.Arbitrary<T>;
  /** Throws when an invariant does not hold for `value`. */
  check(value: T): void;
}

const fail = (what: string): never => {
  throw new Error(what);
};

const config = configSchema.parse({});
const baseFiles = cleanPlaybook();
const FOLDERS = ['icps', 'personas', 'glossary', 'guides'] as const;
const RULES = new Set<string>(RULE_IDS);

/** Every diagnostic is well formed, and no rule reports more than 20 + 1 findings on one file. */
function checkDiagnostics(diagnostics: readonly LintDiagnostic[]) {
  const perRule = new Map<string, number>();
  for (const d of diagnostics) {
    if (!(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1))
      fail(`bad position ${d.line}:${d.column} in ${JSON.stringify(d)}`);
    if (!RULES.has(d.rule)) fail(`unknown rule ${d.rule}`);
    if (d.severity !== 'error' && d.severity !== 'warning') fail(`bad severity ${d.severity}`);
    if (typeof d.message !== 'string' || d.message.trim() === '' || /\bundefined\b|\[object /.test(d.message))
      fail(`bad message ${JSON.stringify(d.message)}`);
    const key = `${d.file}\0${d.rule}`;
    const count = (perRule.get(key) ?? 0) + 1;
    perRule.set(key, count);
    if (count > MAX_FINDINGS_PER_RULE + 1)
      fail(`more than ${MAX_FINDINGS_PER_RULE + 1} findings of ${d.rule}`);
  }
}

/** Lints `files` (and renders every body, as the build would); checks the findings; returns the run. */
function lintAndRender(files: Record<string, string>, withConfig: Config = config) {
  const result = lintSources(sources(files), { config: withConfig, today: TODAY });
  checkDiagnostics(result.diagnostics);
  const renderer = createRenderer(result.graph, withConfig);
  for (const entry of result.graph.entries) renderer.render(entry.body.tree);
  return result;
}

// ---- building blocks -------------------------------------------------------------------------

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 3000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-02-30', '2026-01-01', '2099-01-01', 'active', 'Active', 'economic-buyer', 'TODO'),
  fc.constantFrom('@acme/team', '[[persona:x]]', 'midmarket', 'E-commerce', 'employees', '1e3', '0x10'),
);
const yamlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
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
        'accounts',
        'x',
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** Markup pieces, pathological ones included, some repeated many times. */
const piece = fc.oneof(
  fc.constantFrom(
    '<',
    '>',
    '{',
    '}',
    '[[',
    ']]',
    '<div>',
    '</div>',
    '<Foo />',
    '<br>',
    '<script>',
    'import x from "y"\n',
    'export const a = 1\n',
    '[a](javascript:alert(1))',
    '`code`',
    '```\n',
    '~~~\n',
    '\n',
    '\n\n',
    '# ',
    '> ',
    '- ',
    '1. ',
    '    ',
    '| a | b |\n|---|---|\n',
    '&lt;',
    '&#',
    '\\',
    '*',
    '_',
    '~',
    '[^1]',
    '[^1]: note\n',
    '[a]: /x\n',
    'www.example.com',
    'a@b.co',
    'TODO',
    '[[term:tam]]',
    '[[persona:',
    '\r\n',
    '\uFEFF',
  ),
  fc.string({ maxLength: 10 }),
);
const repeated = fc
  .tuple(
    fc.constantFrom('*a', '~a', 'a]', '[a', '> ', '- ', '<div>', '{(', 'a\n', '| a ', '_b_'),
    fc.integer({ min: 1, max: 400 }),
  )
  .map(([unit, times]) => unit.repeat(times));
const body = fc
  .array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: repeated }), { maxLength: 30 })
  .map((parts) => parts.join(''));

const frontmatter = fc.oneof(
  // A valid file of the folder's type with one field replaced by anything.
  fc.record({ kind: fc.constant('one-field'), key: fc.string({ maxLength: 3 }), value: yamlValue }),
  // Fields with arbitrary keys and values.
  fc.record({
    kind: fc.constant('fields'),
    fields: fc.dictionary(fc.string({ maxLength: 12 }), yamlValue, { maxKeys: 8 }),
  }),
  // Arbitrary YAML-ish text.
  fc.record({
    kind: fc.constant('text'),
    text: fc
      .array(
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom(': ', '- ', '\n', '  ', '[', '{', '&a ', '*a', '"', "'", '#', '|\n', '? '),
        ),
        { maxLength: 20 },
      )
      .map((p) => p.join('')),
  }),
);

const VALID: Record<(typeof FOLDERS)[number], () => Record<string, unknown>> = {
  icps: () => icp(),
  personas: () => persona('midmarket'),
  glossary: () => term(),
  guides: () => ({ title: 'Fuzz' }),
};

// ---- targets -----------------------------------------------------------------------------------

export interface ContentCase {
  path: string;
  text: string;
}

const content: Target<ContentCase> = {
  name: 'content files',
  weight: 4,
  arbitrary: fc
    .oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...FOLDERS), frontmatter, body) },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom(...FOLDERS),
          fc.constant(undefined),
          fc.string({ unit: 'binary', maxLength: 300 }),
        ),
      },
    )
    .map(([folder, fm, text]) => {
      const path = `${folder}/fuzz.mdx`;
      if (!fm) return { path, text };
      if (fm.kind === 'text') return { path, text: `---\n${fm.text}\n---\n${text}` };
      const data = fm.kind === 'fields' ? fm.fields : { ...VALID[folder](), [fm.key || 'name']: fm.value };
      return { path, text: mdx(data, text) };
    }),
  check: ({ path, text }) => {
    lintAndRender({ ...baseFiles, [path]: text });
  },
};

const CONFIG_KEYS = [
  'title',
  'description',
  'site_url',
  'repo_url',
  'repo_branch',
  'content_path',
  'currency',
  'review_every_days',
  'lint',
  'mdx',
  'outputs',
  'x',
];
const LINT_KEYS = [
  'rules',
  'min_must_haves',
  'min_deal_breakers',
  'min_interviews',
  'required_dmu_roles',
  'personas_per_icp',
  'stale_error_factor',
  'x',
];

let configDir: string | undefined;

/** Removes what the targets left on disk (the folder playbook.yaml cases are written to). */
export function disposeTargets(): void {
  if (configDir) rmSync(configDir, { recursive: true, force: true });
  configDir = undefined;
}

const playbookYaml: Target<{ text: string }> = {
  name: 'playbook.yaml',
  weight: 2,
  arbitrary: fc
    .oneof(
      fc
        .dictionary(
          fc.constantFrom(...CONFIG_KEYS),
          fc.oneof(
            yamlValue,
            fc.dictionary(fc.constantFrom(...LINT_KEYS, 'icp', 'persona', 'components', 'api'), yamlValue, {
              maxKeys: 4,
            }),
          ),
          { maxKeys: 5 },
        )
        .map((o) => stringify(o)),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
    )
    .map((text) => ({ text })),
  check: ({ text }) => {
    configDir ??= mkdtempSync(join(tmpdir(), 'playbook-fuzz-config-'));
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'playbook.yaml'), text);
    let loaded: Config;
    try {
      loaded = loadConfig(configDir).config;
    } catch (error) {
      if (error instanceof ConfigError && error.message.trim() !== '' && !/\n\s+at /.test(error.message))
        return;
      throw error;
    }
    lintAndRender(baseFiles, loaded);
  },
};

/** Column names a header may hold: the scorer's own, the backtest's `outcome`, unknown and blank. */
const HEADERS = ['name', ...ATTRIBUTES, 'outcome', 'x', ''];
const cell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -10, max: 100_000 }).map(String),
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    '"a,b"',
    '1,5',
    '12%',
    '1e3',
    'NaN',
    'E-commerce',
    'fintech',
    'EU',
    'a;b',
    '\n',
    '\r\n',
    '\uFEFF',
  ),
);
const csv: Target<{ text: string }> = {
  name: 'accounts CSVs',
  weight: 2,
  arbitrary: fc
    .oneof(
      fc
        .tuple(
          fc.array(fc.constantFrom(...HEADERS), { maxLength: 8 }),
          fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 }),
        )
        .map(([header, rows]) => [header, ...rows].map((r) => r.join(',')).join('\n')),
      fc.string({ maxLength: 200 }),
    )
    .map((text) => ({ text })),
  check: ({ text }) => {
    const parsed = parseAccounts(text);
    for (const p of parsed.problems) {
      if (p.row !== undefined && !(Number.isInteger(p.row) && p.row >= 1)) fail(`bad row ${p.row}`);
      if (p.column !== undefined && !(Number.isInteger(p.column) && p.column >= 1))
        fail(`bad column ${p.column}`);
      if (p.message.trim() === '') fail('empty message');
    }
    const selection = selectIcps(scoringGraph(), undefined);
    if (!('icps' in selection)) return;
    const scores = scoreAccounts(
      selection.icps,
      parsed.rows.map((r) => r.account),
    );
    for (const s of scores) {
      for (const r of s.results) {
        if (!(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100)) fail(`bad score ${r.score}`);
      }
    }
    formatScoresJson(scores);
    formatScoresCsv(scores);
    formatScoresTable(
      scores,
      selection.icps.map((i) => ({ id: i.id, threshold: i.data.scoring?.threshold ?? 100 })),
    );
  },
};

let graphForScoring: ReturnType<typeof lintSources>['graph'] | undefined;
const scoringGraph = () => {
  graphForScoring ??= lintSources(sources(baseFiles), { config, today: TODAY }).graph;
  return graphForScoring;
};

/** An edit of the clean playbook: a file removed, renamed, replaced or added. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('remove'), path: fc.constantFrom(...Object.keys(baseFiles)) }),
  fc.record({
    op: fc.constant('rename'),
    path: fc.constantFrom(...Object.keys(baseFiles)),
    to: fc.constantFrom('a', 'b', 'Bad Name', 'midmarket'),
  }),
  fc.record({
    op: fc.constant('set'),
    path: fc.constantFrom(...Object.keys(baseFiles), 'personas/new.mdx', 'icps/new.mdx'),
    content: content.arbitrary.map((c) => c.text),
  }),
);
interface Edit {
  op: 'remove' | 'rename' | 'set';
  path: string;
  to?: string;
  content?: string;
}
const applyEdits = (edits: readonly Edit[]) => {
  const files: Record<string, string> = { ...baseFiles };
  for (const e of edits) {
    const text = files[e.path];
    if (e.op === 'remove') delete files[e.path];
    else if (e.op === 'rename' && text !== undefined) {
      delete files[e.path];
      files[`${e.path.split('/')[0]}/${e.to}.mdx`] = text;
    } else if (e.op === 'set') files[e.path] = e.content ?? '';
  }
  return files;
};

const diff: Target<{ base: Record<string, string>; head: Record<string, string> }> = {
  name: 'diff inputs',
  weight: 2,
  arbitrary: fc
    .tuple(fc.array(edit, { maxLength: 3 }), fc.array(edit, { maxLength: 3 }))
    .map(([a, b]) => ({ base: applyEdits(a), head: applyEdits(b) })),
  check: ({ base, head }) => {
    const side = (files: Record<string, string>) => {
      const { graph, diagnostics } = lintAndRender(files);
      return { graph, diagnostics, config };
    };
    const result = diffPlaybooks(side(base), side(head));
    formatDiffJson(result);
    formatDiffMarkdown(result);
  },
};

export const TARGETS: Target<never>[] = [content, playbookYaml, csv, diff] as unknown as Target<never>[];
