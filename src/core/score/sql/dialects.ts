/**
 * What differs between the SQL dialects the score query is written in: string literals and their
 * escapes, quoted identifiers, type names, trimming, regular expressions, splitting `tech` into a
 * list and integer division. The operators' own SQL forms are in ../operators.ts.
 */

export const DIALECTS = ['duckdb', 'postgres', 'snowflake', 'bigquery'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface SqlDialect {
  name: Dialect;
  /** A string literal that holds exactly `value` (the value holds no NUL character). */
  string(value: string): string;
  /** A column name written as a quoted identifier. */
  identifier(name: string): string;
  /** The floating-point type that numbers are compared in (JavaScript numbers are doubles). */
  double: string;
  /** The integer type of `score`. */
  integer: string;
  /** A string made of these Unicode code points: `open`, the terms joined by `separator`, `close`. */
  codePoints(codes: readonly number[]): { open: string; terms: string[]; separator: string; close: string };
  /** `text` with `chars` removed from both ends. */
  trim(text: string, chars: string): string;
  /** The function call that replaces every match of a pattern: its name and its arguments. */
  replaceAll(text: string, pattern: string, replacement: string): { name: string; args: string[] };
  /** `text` split on ";" into the dialect's list type. */
  split(text: string): string;
  /** Integer division of non-negative integers, rounding down (`divisor` is a function call). */
  divide(dividend: string, divisor: string): string;
}

/** ASCII control characters, written as escapes in every dialect so a literal stays on one line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeControl = (c: string) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Splits text where dbt's Jinja would start a tag (`{{`, `{%`, `{#`), so a value from content
 * can never become a template expression when the query runs as a dbt model.
 */
function jinjaSafe(value: string, literal: (part: string) => string): string {
  const parts = value.split(/(?<=\{)(?=[{%#])/);
  return parts.length === 1 ? literal(value) : `(${parts.map(literal).join(' || ')})`;
}

/**
 * DuckDB: a standard string ('' for a quote, backslashes literal); with a control character, an
 * escape string E'…' (backslashes doubled, \n \r \t \xhh).
 */
function duckdbString(value: string): string {
  if (!CONTROL.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''").replace(CONTROL_ALL, escapeControl)}'`;
}

/**
 * Postgres: a standard string when the value has no backslash and no control character; otherwise an
 * escape string E'…', whose meaning does not depend on `standard_conforming_strings`.
 */
function postgresString(value: string): string {
  if (!CONTROL.test(value) && !value.includes('\\')) return `'${value.replaceAll("'", "''")}'`;
  return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''").replace(CONTROL_ALL, escapeControl)}'`;
}

/** Snowflake: backslash is always an escape in '…', so it is doubled; a quote is doubled. */
function snowflakeString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''").replace(CONTROL_ALL, escapeControl)}'`;
}

/** BigQuery: backslash is always an escape in '…' and a quote is written \'. */
function bigqueryString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replace(CONTROL_ALL, escapeControl)}'`;
}

const doubleQuoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const chr = (codes: readonly number[]) => ({
  open: '',
  terms: codes.map((c) => `chr(${c})`),
  separator: ' || ',
  close: '',
});
const regexpReplaceGlobal = (text: string, pattern: string, replacement: string) => ({
  name: 'regexp_replace',
  args: [text, pattern, replacement, "'g'"],
});
const regexpReplace = (text: string, pattern: string, replacement: string) => ({
  name: 'regexp_replace',
  args: [text, pattern, replacement],
});

export const SQL_DIALECTS: Record<Dialect, SqlDialect> = {
  duckdb: {
    name: 'duckdb',
    string: (value) => jinjaSafe(value, duckdbString),
    identifier: doubleQuoted,
    double: 'double',
    integer: 'integer',
    codePoints: chr,
    trim: (text, chars) => `trim(${text}, ${chars})`,
    replaceAll: regexpReplaceGlobal,
    split: (text) => `string_split(${text}, ';')`,
    divide: (a, b) => `(${a}) // ${b}`,
  },
  postgres: {
    name: 'postgres',
    string: (value) => jinjaSafe(value, postgresString),
    identifier: doubleQuoted,
    double: 'double precision',
    integer: 'integer',
    codePoints: chr,
    trim: (text, chars) => `btrim(${text}, ${chars})`,
    replaceAll: regexpReplaceGlobal,
    split: (text) => `string_to_array(${text}, ';')`,
    divide: (a, b) => `(${a}) / ${b}`,
  },
  snowflake: {
    name: 'snowflake',
    string: (value) => jinjaSafe(value, snowflakeString),
    // Unquoted names are stored in upper case; a plain lower-case key means that column, as the
    // attribute columns (written unquoted) do. Any other key is quoted exactly as given.
    identifier: (name) => doubleQuoted(/^[a-z_][a-z0-9_$]*$/.test(name) ? name.toUpperCase() : name),
    double: 'double',
    integer: 'integer',
    codePoints: chr,
    trim: (text, chars) => `trim(${text}, ${chars})`,
    replaceAll: regexpReplace,
    split: (text) => `split(${text}, ';')`,
    divide: (a, b) => `floor((${a}) / ${b})`,
  },
  bigquery: {
    name: 'bigquery',
    string: (value) => jinjaSafe(value, bigqueryString),
    identifier: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
    double: 'float64',
    integer: 'int64',
    codePoints: (codes) => ({
      open: 'code_points_to_string([',
      terms: codes.map(String),
      separator: ', ',
      close: '])',
    }),
    trim: (text, chars) => `trim(${text}, ${chars})`,
    replaceAll: regexpReplace,
    split: (text) => `split(${text}, ';')`,
    divide: (a, b) => `div(${a}, ${b})`,
  },
};

/** A number as an SQL literal: plain decimals, or an exponent without "+" (`1e21`, `1e-7`). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as an SQL number`);
  return String(value).replace('e+', 'e');
}
