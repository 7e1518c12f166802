import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TRIMMED_CODE_POINTS } from './compile.ts';
import { DIALECTS, type Dialect, numberLiteral, SQL_DIALECTS } from './dialects.ts';

describe('string literals', () => {
  test.each([
    // value, duckdb, postgres, snowflake, bigquery
    {
      value: 'E-commerce',
      duckdb: "'E-commerce'",
      postgres: "'E-commerce'",
      snowflake: "'E-commerce'",
      bigquery: "'E-commerce'",
    },
    {
      value: "O'Brien",
      duckdb: "'O''Brien'",
      postgres: "'O''Brien'",
      snowflake: "'O''Brien'",
      bigquery: "'O\\'Brien'",
    },
    {
      value: 'C:\\data',
      duckdb: "'C:\\data'",
      postgres: "E'C:\\\\data'",
      snowflake: "'C:\\\\data'",
      bigquery: "'C:\\\\data'",
    },
    { value: "\\'", duckdb: "'\\'''", postgres: "E'\\\\'''", snowflake: "'\\\\'''", bigquery: "'\\\\\\''" },
    {
      value: 'a -- b; c',
      duckdb: "'a -- b; c'",
      postgres: "'a -- b; c'",
      snowflake: "'a -- b; c'",
      bigquery: "'a -- b; c'",
    },
    {
      value: 'two\nlines\t\u0001',
      duckdb: "E'two\\nlines\\t\\x01'",
      postgres: "E'two\\nlines\\t\\x01'",
      snowflake: "'two\\nlines\\t\\x01'",
      bigquery: "'two\\nlines\\t\\x01'",
    },
    {
      value: '{{ run() }}',
      duckdb: "('{' || '{ run() }}')",
      postgres: "('{' || '{ run() }}')",
      snowflake: "('{' || '{ run() }}')",
      bigquery: "('{' || '{ run() }}')",
    },
    {
      value: 'a{%b{#c',
      duckdb: "('a{' || '%b{' || '#c')",
      postgres: "('a{' || '%b{' || '#c')",
      snowflake: "('a{' || '%b{' || '#c')",
      bigquery: "('a{' || '%b{' || '#c')",
    },
    {
      value: 'café ✓',
      duckdb: "'café ✓'",
      postgres: "'café ✓'",
      snowflake: "'café ✓'",
      bigquery: "'café ✓'",
    },
  ])('$value', (c) => {
    for (const dialect of ['duckdb', 'postgres', 'snowflake', 'bigquery'] as Dialect[]) {
      expect(SQL_DIALECTS[dialect].string(c.value), dialect).toBe(c[dialect]);
    }
  });
});

describe('identifiers', () => {
  test.each([
    { name: 'name', duckdb: '"name"', postgres: '"name"', snowflake: '"NAME"', bigquery: '`name`' },
    { name: 'CrmId', duckdb: '"CrmId"', postgres: '"CrmId"', snowflake: '"CrmId"', bigquery: '`CrmId`' },
    { name: 'crm id', duckdb: '"crm id"', postgres: '"crm id"', snowflake: '"crm id"', bigquery: '`crm id`' },
    { name: 'a"b`c', duckdb: '"a""b`c"', postgres: '"a""b`c"', snowflake: '"a""b`c"', bigquery: '`a"b\\`c`' },
  ])('$name', (c) => {
    for (const dialect of ['duckdb', 'postgres', 'snowflake', 'bigquery'] as Dialect[]) {
      expect(SQL_DIALECTS[dialect].identifier(c.name), dialect).toBe(c[dialect]);
    }
  });
});

describe('numberLiteral', () => {
  test.each([
    { value: 200, sql: '200' },
    { value: -4.5, sql: '-4.5' },
    { value: 0.1, sql: '0.1' },
    { value: 1e21, sql: '1e21' },
    { value: 1e-7, sql: '1e-7' },
  ])('$value → $sql', ({ value, sql }) => {
    expect(numberLiteral(value)).toBe(sql);
  });

  test('refuses what SQL cannot hold', () => {
    expect(() => numberLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

test('the trimmed characters are exactly those JavaScript trim() removes', () => {
  const trimmed: number[] = [];
  for (let code = 0; code <= 0xffff; code += 1)
    if (String.fromCharCode(code).trim() === '') trimmed.push(code);
  expect(TRIMMED_CODE_POINTS).toEqual(trimmed);
});

/**
 * Reads a literal expression the way the dialect's lexer does: quoted parts joined by `||`; `''` is a
 * quote except in BigQuery; backslash escapes in Snowflake, BigQuery and E'…' strings. Throws where
 * the lexer would stop early or see a line break.
 */
function readLiteral(sql: string, dialect: Dialect): string {
  const expr = sql.startsWith('(') ? sql.slice(1, -1) : sql;
  let i = 0;
  let out = '';
  while (i < expr.length) {
    let escapes = dialect === 'snowflake' || dialect === 'bigquery';
    if (expr[i] === 'E' && (dialect === 'duckdb' || dialect === 'postgres')) {
      escapes = true;
      i += 1;
    }
    if (expr[i] !== "'") throw new Error(`expected a quote at ${i} in ${sql}`);
    i += 1;
    for (;;) {
      const c = expr[i++];
      if (c === undefined) throw new Error(`unterminated literal ${sql}`);
      if (c === '\n' || c === '\r') throw new Error(`line break inside ${sql}`);
      if (c === "'") {
        if (expr[i] === "'" && dialect !== 'bigquery') {
          out += "'";
          i += 1;
          continue;
        }
        break;
      }
      if (c === '\\' && escapes) {
        const next = expr[i++];
        if (next === 'x') {
          out += String.fromCharCode(Number.parseInt(expr.slice(i, i + 2), 16));
          i += 2;
        } else out += ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next ?? ''] ?? next;
        continue;
      }
      out += c;
    }
    if (i < expr.length) {
      if (expr.slice(i, i + 4) !== ' || ') throw new Error(`text after a literal at ${i} in ${sql}`);
      i += 4;
    }
  }
  return out;
}

const tricky = fc.constantFrom(
  "'",
  '\\',
  '"',
  '`',
  '-',
  ';',
  '/',
  '*',
  '\n',
  '\r',
  '\t',
  '{',
  '%',
  '#',
  '}',
  '$',
  'E',
  'x',
  '\u0001',
  '\u007f',
  ' ',
  'é',
  '✓',
  '\u2028',
);
const text = fc
  .string({
    unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
    maxLength: 30,
  })
  .filter((v) => !v.includes('\0'));

test.each(DIALECTS.map((d) => [d]))(
  '%s: any text reads back from its literal, on one line, with no Jinja tag',
  (dialect) => {
    fc.assert(
      fc.property(text, (value) => {
        const sql = SQL_DIALECTS[dialect].string(value);
        expect(readLiteral(sql, dialect)).toBe(value);
        expect(sql).not.toMatch(/\{[{%#]/);
      }),
      { seed: 42, numRuns: 2000 },
    );
  },
);
