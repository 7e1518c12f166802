/**
 * ICP rules compiled to one SQL query (DESIGN §10): the same rules, semantics and results as the CSV
 * scorer (score.ts), run where the accounts live. Each operator's SQL form comes from the operator
 * table (../operators.ts); what differs between engines comes from ./dialects.ts.
 *
 * The query is a chain of CTEs, each named after what it computes:
 *   whitespace        the characters trimming removes (those of JavaScript's String.prototype.trim)
 *   accounts_trimmed  text trimmed and lowercased, blank as null, numbers as doubles
 *   accounts_clean    `tech` as a list of values (null when it names none)
 *   rule_matches      per account and ICP: must-haves, deal-breakers, matched scoring weight
 *   scores            the score, exactly as Math.round computes it
 *   verdicts          fit, partial or excluded
 *   best_fits         the account's best fit
 *
 * Safety: every text that comes from content (rule values, ICP ids) is written as an escaped
 * string literal; comments hold only ICP ids reduced to safe characters and the version line.
 * `table` is inserted as given (it may be a dbt `{{ ref('…') }}`), `key` is a quoted identifier.
 */
import type { Attribute, Criterion, Rule } from '../../../schema/criterion.ts';
import { NUMBER_ATTRIBUTES, STRING_ATTRIBUTES } from '../../../schema/criterion.ts';
import { norm, OPERATOR_TABLE, operatorOf } from '../operators.ts';
import type { ScorableIcp } from '../score.ts';
import { type Dialect, numberLiteral, SQL_DIALECTS, type SqlDialect } from './dialects.ts';

export interface CompileOptions {
  dialect: Dialect;
  /** The accounts table, inserted as given. @default "accounts" */
  table?: string;
  /** The column that identifies an account, unique per row. @default "name" */
  key?: string;
  /** Where the rules came from, for the header comment (reduced to safe characters). */
  version?: string;
}

/** The code points JavaScript's `trim()` removes: ASCII whitespace, NBSP, Unicode spaces, BOM. */
export const TRIMMED_CODE_POINTS = [
  9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232,
  8233, 8239, 8287, 12288, 65279,
] as const;

/** Lines are wrapped before this width. */
const WIDTH = 100;
/** A rule's condition longer than this puts each value on a line of its own. */
const MAX_CONDITION = 80;

/** Text for a comment: only characters that cannot end a comment or start a statement. */
export const commentSafe = (text: string) => text.replace(/[^A-Za-z0-9 ._:,()-]/g, '?');

const isRule = (c: Criterion): c is Rule => typeof c === 'object' && c !== null;

/** Compiles the ICPs to one query returning `account, icp, verdict, score, is_best`. */
export function compileSql(icps: readonly ScorableIcp[], options: CompileOptions): string {
  if (icps.length === 0) throw new RangeError('compileSql needs at least one ICP');
  const d = SQL_DIALECTS[options.dialect];
  const table = options.table ?? 'accounts';
  const key = options.key ?? 'name';
  const order = [...icps.map((i) => i.id)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ids = icps.map((i) => commentSafe(i.id)).join(', ');
  const header = [
    `-- ICP fit scores: one row per account and ICP, compiled from the playbook by npm run score -- --sql ${d.name}.`,
    `-- Playbook version: ${commentSafe(options.version ?? 'unknown')}`,
    ...wrapWords(`-- ICPs: ${ids || 'none'}`, '--   '),
    '-- Columns: account (the key column), icp, verdict (fit, partial or excluded), score (0 to 100),',
    "-- is_best (true for the account's best fit: its highest-scoring fit, a tie going to the first ICP id).",
    '-- Text matches trimmed and case-insensitively; null or blank values are unknown and never match.',
    '-- Edit the ICP files and compile again rather than editing this query.',
  ];
  const ctes = [
    whitespaceCte(d),
    accountsTrimmedCte(d, table, key),
    accountsCleanCte(d),
    ruleMatchesCte(d, icps, order),
    scoresCte(d),
    verdictsCte(),
    bestFitsCte(),
  ];
  const final = ['select account, icp, verdict, score, is_best', 'from best_fits'];
  return [...header, 'with', '', ctes.join(',\n\n'), '', ...final].join('\n');
}

function cte(name: string, comment: string[], body: string[]): string {
  return [
    `${name} as (`,
    ...comment.map((c) => `  -- ${c}`),
    ...body.map((l) => (l ? `  ${l}` : l)),
    ')',
  ].join('\n');
}

function whitespaceCte(d: SqlDialect): string {
  const { open, terms, separator, close } = d.codePoints(TRIMMED_CODE_POINTS);
  const join = separator.trim();
  const groups = wrap(terms, separator, open ? 6 : 4);
  const lines = open
    ? [
        `  ${open}`,
        ...groups.map((g, i) => `    ${g.join(separator)}${i === groups.length - 1 ? '' : join}`),
        `  ${close} as chars`,
      ]
    : groups.map(
        (g, i) =>
          `  ${i === 0 ? '' : `${join} `}${g.join(separator)}${i === groups.length - 1 ? ' as chars' : ''}`,
      );
  return cte(
    'whitespace',
    ['The characters trimmed from text: the whitespace that JavaScript trim() removes.'],
    ['select', ...lines],
  );
}

function accountsTrimmedCte(d: SqlDialect, table: string, key: string): string {
  const column = (name: string) => `accounts_source.${name}`;
  const text = (name: string) => `nullif(lower(${d.trim(column(name), 'whitespace.chars')}), '') as ${name}`;
  const number = (name: string) => `cast(${column(name)} as ${d.double}) as ${name}`;
  const separators = `'[' || whitespace.chars || ']*;[' || whitespace.chars || ']*'`;
  const tech = d.replaceAll(`lower(${d.trim(column('tech'), 'whitespace.chars')})`, separators, "';'");
  return cte(
    'accounts_trimmed',
    [
      'One row per account: text trimmed and lowercased, blank text as null (unknown), numbers as',
      'doubles, tech without the whitespace around its ";" separators.',
    ],
    [
      'select',
      `  ${column(d.identifier(key))} as account,`,
      ...STRING_ATTRIBUTES.map((a) => `  ${text(a)},`),
      ...NUMBER_ATTRIBUTES.map((a) => `  ${number(a)},`),
      `  ${tech.name}(`,
      ...tech.args.map((arg, i) => `    ${arg}${i === tech.args.length - 1 ? '' : ','}`),
      '  ) as tech',
      `from ${table} as accounts_source`,
      'cross join whitespace',
    ],
  );
}

function accountsCleanCte(d: SqlDialect): string {
  const columns = ['account', ...STRING_ATTRIBUTES, ...NUMBER_ATTRIBUTES];
  return cte(
    'accounts_clean',
    ['The values the rules compare: tech split on ";" into a list, null when it names no value.'],
    [
      'select',
      ...wrap(columns, ', ', 2).map((g) => `  ${g.join(', ')},`),
      `  case when replace(tech, ';', '') <> '' then ${d.split('tech')} end as tech`,
      'from accounts_trimmed',
    ],
  );
}

function ruleMatchesCte(d: SqlDialect, icps: readonly ScorableIcp[], order: readonly string[]): string {
  const branches = icps.map((icp) => icpBranch(d, icp, order.indexOf(icp.id)));
  return cte(
    'rule_matches',
    [
      'Per account and ICP: whether every must-have matches, whether a deal-breaker matches, and the',
      'weight of the scoring rules that match. A rule on an unknown (null) value never matches.',
    ],
    branches.flatMap((b, i) => (i === 0 ? ['', ...b] : ['', 'union all', '', ...b])),
  );
}

function icpBranch(d: SqlDialect, icp: ScorableIcp, order: number): string[] {
  const mustHaves = icp.data.must_haves.filter(isRule).map((r) => condition(d, r));
  const dealBreakers = icp.data.deal_breakers.filter(isRule).map((r) => condition(d, r));
  const scoring = icp.data.scoring;
  const lines = [
    `-- ICP ${commentSafe(icp.id)}`,
    'select',
    '  account,',
    `  ${d.string(icp.id)} as icp,`,
    `  ${order} as icp_order,`,
    `  ${numberLiteral(scoring ? scoring.threshold : 100)} as threshold,`,
    ...combine(mustHaves, 'and', 'true', 'must_haves_match'),
    ...combine(dealBreakers, 'or', 'false', 'deal_breaker_matches'),
  ];
  if (!scoring) {
    lines.push('  -- No scoring rules: the score is 100 when every must-have matches, else 0.');
    lines.push('  0 as matched_weight,', '  0 as total_weight');
  } else {
    const weights = scoring.rules.map((r) => `(case when ${condition(d, r)} then ${r.weight} else 0 end)`);
    lines.push(
      ...weights.map(
        (w, i) => `  ${i === 0 ? '' : '+ '}${w}${i === weights.length - 1 ? ' as matched_weight,' : ''}`,
      ),
    );
    lines.push(`  ${scoring.rules.reduce((sum, r) => sum + r.weight, 0)} as total_weight`);
  }
  lines.push('from accounts_clean');
  return lines;
}

/** Conditions joined by `and` / `or`, null (unknown) counting as no match; `empty` without any. */
function combine(conditions: string[], join: 'and' | 'or', empty: string, name: string): string[] {
  if (conditions.length === 0) return [`  ${empty} as ${name},`];
  const body = conditions.map((c, i) => `    ${i === 0 ? '' : `${join} `}(${c})`);
  return [
    '  coalesce(',
    ...body.map((l, i) => (i === body.length - 1 ? `${l},` : l)),
    '    false',
    `  ) as ${name},`,
  ];
}

/**
 * One rule as an SQL condition on the cleaned column: true when it matches, false or null otherwise.
 * A condition longer than `maxLength` puts each value on a line of its own.
 */
export function condition(d: SqlDialect, rule: Rule, maxLength = MAX_CONDITION): string {
  const op = operatorOf(rule);
  if (op === undefined) return 'false';
  const column = rule.field satisfies Attribute;
  const forms = OPERATOR_TABLE[op].sql[d.name] as (column: string, operand: unknown) => string;
  switch (op) {
    case 'between': {
      const [min, max] = rule.between!;
      return forms(column, [numberLiteral(min), numberLiteral(max)]);
    }
    case 'min':
    case 'max':
      return forms(column, numberLiteral(rule[op]!));
    default: {
      const values = rule[op]!;
      // A value with a NUL character can be in no account (SQL text cannot hold one): it never matches.
      const usable = [...new Set(values.map(norm))].filter((v) => !v.includes('\0'));
      if (usable.length === 0 || (op === 'includes_all' && usable.length < new Set(values.map(norm)).size)) {
        return op === 'not_in' ? `${column} is not null` : 'false';
      }
      const literals = usable.map((v) => d.string(v));
      const line = forms(column, literals);
      return line.length <= maxLength
        ? line
        : forms(
            column,
            literals.map((l) => `\n        ${l}`),
          );
    }
  }
}

function scoresCte(d: SqlDialect): string {
  const score = d.divide('200 * matched_weight + total_weight', 'nullif(2 * total_weight, 0)');
  return cte(
    'scores',
    [
      'A matched deal-breaker scores 0. Otherwise 100 x matched weight / total weight, rounded half up',
      'as Math.round does, in exact integers: (200 x matched + total) div (2 x total). Without scoring',
      'rules (total weight 0), 100 when every must-have matches, else 0.',
    ],
    [
      'select',
      '  account, icp, icp_order, threshold, must_haves_match, deal_breaker_matches,',
      '  cast(',
      '    case',
      '      when deal_breaker_matches then 0',
      '      when total_weight = 0 then case when must_haves_match then 100 else 0 end',
      `      else ${score}`,
      '    end',
      `    as ${d.integer}`,
      '  ) as score',
      'from rule_matches',
    ],
  );
}

function verdictsCte(): string {
  return cte(
    'verdicts',
    ['Excluded by a deal-breaker; a fit when every must-have matches and the score reaches the threshold.'],
    [
      'select',
      '  account, icp, icp_order, score,',
      '  case',
      "    when deal_breaker_matches then 'excluded'",
      "    when must_haves_match and score >= threshold then 'fit'",
      "    else 'partial'",
      '  end as verdict',
      'from scores',
    ],
  );
}

function bestFitsCte(): string {
  return cte(
    'best_fits',
    ["The account's best fit: its highest-scoring fit, a tie going to the alphabetically first ICP id."],
    [
      'select',
      '  account, icp, verdict, score,',
      "  verdict = 'fit' and row_number() over (",
      '    partition by account',
      "    order by case when verdict = 'fit' then 0 else 1 end, score desc, icp_order",
      '  ) = 1 as is_best',
      'from verdicts',
    ],
  );
}

/** Terms in lines of at most WIDTH characters (with `indent` and `separator` between terms). */
function wrap(terms: readonly string[], separator: string, indent: number): string[][] {
  const lines: string[][] = [];
  let width = 0;
  for (const term of terms) {
    const last = lines[lines.length - 1];
    if (last && width + separator.length + term.length <= WIDTH) {
      last.push(term);
      width += separator.length + term.length;
    } else {
      lines.push([term]);
      width = indent + 4 + term.length;
    }
  }
  return lines;
}

/** A comment line wrapped at spaces. */
function wrapWords(text: string, continuation: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > WIDTH) {
      lines.push(line);
      line = `${continuation}${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}
