import { stringify } from 'yaml';
import { lintSources } from '../../src/core/lint/engine.ts';
import type { LintDiagnostic, RuleModule } from '../../src/core/lint/rule.ts';
import type { Severity, SourceFile } from '../../src/core/types.ts';
import { type ConfigInput, configSchema, type EntryType, TYPE_FOLDERS } from '../../src/schema/index.ts';

export const TODAY = '2026-11-22';

const FOLDER_TYPES = Object.fromEntries(Object.entries(TYPE_FOLDERS).map(([t, f]) => [f, t as EntryType]));

/** Source files from a `{ 'personas/x.mdx': text }` map, as the loader would hand them over. */
export function sources(files: Record<string, string>): SourceFile[] {
  return Object.entries(files).map(([path, text]) => {
    const [folder, name] = path.split('/') as [string, string];
    const type = FOLDER_TYPES[folder];
    if (!type) throw new Error(`fixture path ${path} is not in a content folder`);
    return { type, id: name.replace(/\.mdx$/, ''), file: `content/${path}`, path, text };
  });
}

/** A file with the given frontmatter (as an object, stringified to YAML) and body. */
export function mdx(frontmatter: Record<string, unknown>, body = ''): string {
  return `---\n${stringify(frontmatter)}---\n${body}`;
}

/** A valid ICP's frontmatter; pass overrides (a key set to undefined is removed). */
export function icp(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return clean({
    name: 'Mid-market e-commerce',
    summary: 'Online retailers with 200–1,500 staff that outgrew spreadsheets.',
    owners: ['@acme/revops'],
    last_reviewed: '2026-10-01',
    firmographics: {
      industries: ['E-commerce'],
      regions: ['North America'],
      employees: { min: 200, max: 1500 },
    },
    pains: ['Month-end reporting takes a week'],
    must_haves: [
      { label: '200–1,500 employees', field: 'employees', between: [200, 1500] },
      { label: 'E-commerce', field: 'industry', in: ['E-commerce'] },
      'Has a data team of at least two people',
    ],
    deal_breakers: [
      { label: 'Public sector', field: 'industry', in: ['Government'] },
      'Mandates on-premise deployment',
    ],
    ...overrides,
  });
}

/** A valid persona's frontmatter belonging to ICP `icpId`; pass overrides. */
export function persona(
  icpId = 'midmarket',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return clean({
    name: 'Analytics Alex',
    role: 'VP of Analytics',
    seniority: 'vp',
    dmu_roles: ['economic-buyer'],
    icps: [icpId],
    owners: ['@acme/marketing'],
    last_reviewed: '2026-10-01',
    goals: ['Trustworthy numbers every Monday'],
    pains: ['Three tools disagree on revenue'],
    evidence: { interviews: 6 },
    ...overrides,
  });
}

/** A valid glossary term; pass overrides. */
export function term(
  name = 'Total addressable market',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return clean({ term: name, short: `${name}: a short definition.`, ...overrides });
}

function clean(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * A small playbook that lints clean: one ICP with two personas (economic buyer and champion).
 * Tests add or replace files to provoke one rule.
 */
export function cleanPlaybook(): Record<string, string> {
  return {
    'icps/midmarket.mdx': mdx(icp(), 'Who we sell to.\n'),
    'personas/analytics-alex.mdx': mdx(persona('midmarket'), 'Alex owns the numbers.\n'),
    'personas/finance-fiona.mdx': mdx(
      persona('midmarket', {
        name: 'Finance Fiona',
        role: 'CFO',
        seniority: 'c-level',
        dmu_roles: ['champion'],
      }),
      'Fiona signs.\n',
    ),
  };
}

/** The clean playbook with its ICP's frontmatter changed by `overrides`. */
export function withIcp(overrides: Record<string, unknown>): Record<string, string> {
  return { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp(overrides)) };
}

/** The clean playbook with its first persona's frontmatter changed by `overrides`. */
export function withPersona(overrides: Record<string, unknown>): Record<string, string> {
  return { ...cleanPlaybook(), 'personas/analytics-alex.mdx': mdx(persona('midmarket', overrides)) };
}

export interface RunOptions {
  config?: ConfigInput;
  today?: string;
}

/** Lints `files` with one rule (or all when omitted) and returns the diagnostics. */
export function run(
  files: Record<string, string>,
  rule?: RuleModule,
  options: RunOptions = {},
): LintDiagnostic[] {
  const config = configSchema.parse(options.config ?? {});
  const rules = rule ? [rule] : undefined;
  return lintSources(sources(files), { config, today: options.today ?? TODAY, rules }).diagnostics;
}

/** What a rule test asserts about a finding: where it is, its rule and severity, and its message id. */
export type Finding = Pick<LintDiagnostic, 'file' | 'line' | 'column' | 'rule' | 'severity' | 'messageId'>;

/** The findings of `run()`, without the message and hint text (messages.test.ts pins those). */
export function findings(files: Record<string, string>, rule?: RuleModule, options?: RunOptions): Finding[] {
  return run(files, rule, options).map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    rule: d.rule,
    severity: d.severity,
    messageId: d.messageId,
  }));
}

/** The finding a test expects: `rule` reports `messageId` at `line`:`column` of `path` (`icps/x.mdx`). */
export function finding(
  rule: RuleModule,
  path: string,
  messageId: string,
  line: number,
  column: number,
  severity: Severity = rule.severity,
): Finding {
  return { file: `content/${path}`, line, column, rule: rule.id, severity, messageId };
}
