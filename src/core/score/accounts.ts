/**
 * Accounts from CSV text: a header row, a `name` column, attribute columns named as in the ICP
 * rules (DESIGN §2.2, §3, §8.15). Pure: takes text, returns rows and problems.
 *
 * csv-parse does the RFC 4180 work (quoted fields, commas and line breaks inside quotes, doubled
 * quotes, CRLF, a UTF-8 BOM): it is small, well kept, and has a synchronous API that reports
 * malformed records without stopping, so one bad row never hides the others.
 */
import { type CsvError, parse } from 'csv-parse/sync';
import { ATTRIBUTES, type Attribute, NUMBER_ATTRIBUTES, STRING_ATTRIBUTES } from '../../schema/criterion.ts';
import { nearest } from '../graph/suggest.ts';
import type { Account } from './score.ts';

/** Deal outcomes a backtest compares verdicts with. */
export const OUTCOMES = ['won', 'lost', 'churned'] as const;
export type DealOutcome = (typeof OUTCOMES)[number];

/**
 * One parsed data row. `row` is the row number a spreadsheet shows: the header is row 1, blank
 * lines count, a quoted value spanning lines stays in one row.
 */
export interface AccountRow {
  row: number;
  account: Account;
  /** Set when parsing with `outcomes: true`. */
  outcome?: DealOutcome;
}

/** A problem with the file, a row or a cell. Rows with an error are left out of `rows`. */
export interface CsvProblem {
  severity: 'error' | 'warning';
  /** Spreadsheet row number (header = 1); absent for a problem with the whole file. */
  row?: number;
  /** 1-based column number. */
  column?: number;
  /** The column's header name. */
  columnName?: string;
  message: string;
}

export interface ParsedAccounts {
  rows: AccountRow[];
  problems: CsvProblem[];
  /** The recognised column names, in file order. */
  columns: string[];
  /** True when the file as a whole is unusable (not CSV, empty, no usable header): no row was read. */
  fatal: boolean;
}

export interface ParseAccountsOptions {
  /** Require an `outcome` column (won, lost, churned) for a backtest. */
  outcomes?: boolean;
}

const NUMBERS = new Set<string>(NUMBER_ATTRIBUTES);
const STRINGS = new Set<string>(STRING_ATTRIBUTES);
const ATTRIBUTE_SET = new Set<string>(ATTRIBUTES);
/** Plain decimals: optional sign, digits, optional fraction. No `%`, no thousands separators, no exponent. */
const DECIMAL = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** Where a problem sits, as people read it: `row 4, column 3 (employees)`. */
export function describeLocation(problem: Pick<CsvProblem, 'row' | 'column' | 'columnName'>): string {
  const parts: string[] = [];
  if (problem.row !== undefined) parts.push(`row ${problem.row}`);
  if (problem.column !== undefined)
    parts.push(`column ${problem.column}${problem.columnName ? ` (${problem.columnName})` : ''}`);
  return parts.join(', ');
}

/** Parses accounts CSV text. Never throws: everything wrong becomes a problem. */
export function parseAccounts(text: string, options: ParseAccountsOptions = {}): ParsedAccounts {
  const problems: CsvProblem[] = [];
  const records: { row: number; cells: string[] }[] = [];
  let row = 0;
  try {
    parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_record: (record: string[]) => {
        row += 1;
        records.push({ row, cells: record });
        return record;
      },
      on_skip: (error: CsvError | undefined) => {
        row += 1;
        problems.push({ severity: 'error', row, message: `this row is not valid CSV: ${csvReason(error)}` });
        return undefined;
      },
    });
  } catch (error) {
    problems.push({
      severity: 'error',
      message: `the file is not valid CSV: ${csvReason(error as CsvError)}`,
    });
    return { rows: [], problems, columns: [], fatal: true };
  }

  const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
  while (records.length > 0 && isBlank(records[0]!.cells)) records.shift();
  if (problems.length > 0 && (records.length === 0 || problems[0]!.row! < records[0]!.row)) {
    problems[0]!.message = problems[0]!.message.replace(
      'this row is not valid CSV',
      'the header row is not valid CSV',
    );
    return { rows: [], problems, columns: [], fatal: true };
  }
  const header = records.shift();
  if (!header) {
    problems.push({
      severity: 'error',
      message: 'the file is empty: it needs a header row such as "name,industry,employees".',
    });
    return { rows: [], problems, columns: [], fatal: true };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const known = new Set<string>(['name', ...ATTRIBUTES, ...(options.outcomes ? ['outcome'] : [])]);
  const columns: string[] = [];
  const headerProblems: CsvProblem[] = [];
  const byName = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') return;
    if (known.has(name)) {
      if (byName.has(name)) {
        headerProblems.push({
          severity: 'error',
          row: header.row,
          column: index + 1,
          columnName: name,
          message: `the column "${name}" appears twice (columns ${byName.get(name)! + 1} and ${index + 1}); keep one.`,
        });
        return;
      }
      byName.set(name, index);
      columns.push(name);
    } else if (!(name === 'outcome' && !options.outcomes)) {
      const guess = nearest(name, known);
      headerProblems.push({
        severity: 'warning',
        row: header.row,
        column: index + 1,
        columnName: header.cells[index]!.trim(),
        message: `the column "${header.cells[index]!.trim()}" is not an account attribute, so it is ignored.${guess ? ` Did you mean "${guess}"?` : ''} Known columns: ${[...known].join(', ')}.`,
      });
    }
  });
  problems.push(...headerProblems);
  if (headerProblems.some((p) => p.severity === 'error')) return { rows: [], problems, columns, fatal: true };
  if (!byName.has('name')) {
    problems.push({
      severity: 'error',
      row: header.row,
      message: `the header row has no "name" column; add one that labels each account (found: ${names.filter(Boolean).join(', ') || 'nothing'}).`,
    });
    return { rows: [], problems, columns, fatal: true };
  }
  if (options.outcomes && !byName.has('outcome')) {
    problems.push({
      severity: 'error',
      row: header.row,
      message: `a backtest needs an "outcome" column holding ${OUTCOMES.join(', ')} for each deal.`,
    });
    return { rows: [], problems, columns, fatal: true };
  }

  const rows: AccountRow[] = [];
  for (const record of records) {
    if (isBlank(record.cells)) continue;
    const rowProblems: CsvProblem[] = [];
    const bad = (column: string, message: string) => {
      const index = byName.get(column)!;
      rowProblems.push({
        severity: 'error',
        row: record.row,
        column: index + 1,
        columnName: column,
        message,
      });
    };
    if (record.cells.length > header.cells.length) {
      problems.push({
        severity: 'error',
        row: record.row,
        message: `this row has ${record.cells.length} cells but the header has ${header.cells.length}; a value with a comma needs double quotes, such as "Acme, Inc."`,
      });
      continue;
    }
    const cell = (column: string) => {
      const index = byName.get(column);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const account: Account = { name: cell('name') };
    if (account.name === '') bad('name', 'the name is empty; every account needs a name.');
    for (const attribute of columns) {
      const value = cell(attribute);
      if (value === '' || !ATTRIBUTE_SET.has(attribute)) continue;
      const parsed = parseCell(attribute as Attribute, value);
      if (typeof parsed === 'object' && 'error' in parsed) bad(attribute, parsed.error);
      else (account as unknown as Record<string, unknown>)[attribute] = parsed;
    }
    let outcome: DealOutcome | undefined;
    if (options.outcomes) {
      const value = cell('outcome').toLowerCase();
      if ((OUTCOMES as readonly string[]).includes(value)) outcome = value as DealOutcome;
      else
        bad(
          'outcome',
          value === ''
            ? `the outcome is empty; write one of ${OUTCOMES.join(', ')}.`
            : `${JSON.stringify(cell('outcome'))} is not an outcome; write one of ${OUTCOMES.join(', ')}.`,
        );
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else rows.push(outcome ? { row: record.row, account, outcome } : { row: record.row, account });
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { rows, problems, columns, fatal: false };
}

function parseCell(attribute: Attribute, value: string): string | number | string[] | { error: string } {
  if (STRINGS.has(attribute)) return value;
  if (NUMBERS.has(attribute)) {
    if (!DECIMAL.test(value)) {
      const hint = /[%]/.test(value)
        ? ' Leave out the % sign (write 35 for 35%).'
        : /\d[,_ ]\d/.test(value)
          ? ` Leave out thousands separators (write ${value.replace(/[,_ ]/g, '')}).`
          : '';
      return {
        error: `${JSON.stringify(value)} is not a number; ${attribute} takes a plain decimal such as ${attribute === 'growth_rate' ? '35' : '1200'}.${hint}`,
      };
    }
    const number = Number(value);
    if (attribute === 'employees' && !Number.isInteger(number))
      return { error: `${JSON.stringify(value)} is not a whole number of employees.` };
    if (attribute !== 'growth_rate' && number < 0)
      return { error: `${JSON.stringify(value)} is negative; ${attribute} cannot be below 0.` };
    return number;
  }
  const list = value
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
  return list.length > 0
    ? [...new Set(list)]
    : {
        error: `${JSON.stringify(value)} lists no technology; separate values with ";", such as "Shopify Plus; Klaviyo".`,
      };
}

function csvReason(error: CsvError | undefined): string {
  if (!error) return 'it could not be read';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed; end it with a double quote (").';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a double quote inside a quoted value must be doubled ("") and a quoted value must end at a comma or the end of the line.';
    default:
      return `${error.message.replace(/\s+at line \d+.*$/, '')}.`;
  }
}
