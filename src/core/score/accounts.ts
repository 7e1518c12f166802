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

/**
 * The options csv-parse reads an accounts file with, in the sync API and in the streaming API
 * alike: RFC 4180, a BOM skipped, any line ending, rows of any length (checked here), blank lines
 * kept so that row numbers are those a spreadsheet shows, and a malformed row skipped, not fatal.
 */
export const CSV_OPTIONS = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  skip_empty_lines: false,
  skip_records_with_error: true,
};

/** Parses accounts CSV text. Never throws: everything wrong becomes a problem. */
export function parseAccounts(text: string, options: ParseAccountsOptions = {}): ParsedAccounts {
  const problems: CsvProblem[] = [];
  const events: ({ row: number; cells: string[] } | { row: number; error: CsvError | undefined })[] = [];
  let row = 0;
  try {
    parse(text, {
      ...CSV_OPTIONS,
      on_record: (record: string[]) => {
        row += 1;
        events.push({ row, cells: record });
        return record;
      },
      on_skip: (error: CsvError | undefined) => {
        row += 1;
        events.push({ row, error });
        return undefined;
      },
    });
  } catch (error) {
    for (const e of events) if ('error' in e) problems.push(skipProblem(e.row, e.error));
    problems.push(fileProblem(error as CsvError));
    problems.sort(byPlace);
    return { rows: [], problems, columns: [], fatal: true };
  }
  const rows: AccountRow[] = [];
  const reader = createAccountReader({ ...options, onProblem: (problem) => problems.push(problem) });
  for (const e of events) {
    if ('error' in e) reader.skip(e.row, e.error);
    else {
      const accountRow = reader.record(e.row, e.cells);
      if (accountRow) rows.push(accountRow);
    }
  }
  reader.end();
  if (!reader.fatal) problems.sort(byPlace);
  return { rows: reader.fatal ? [] : rows, problems, columns: reader.columns, fatal: reader.fatal };
}

const byPlace = (a: CsvProblem, b: CsvProblem) =>
  (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** A row csv-parse could not read. */
const skipProblem = (row: number, error: CsvError | undefined): CsvProblem => ({
  severity: 'error',
  row,
  message: `this row is not valid CSV: ${csvReason(error)}`,
});

/** The whole file could not be read as CSV. */
export const fileProblem = (error: CsvError): CsvProblem => ({
  severity: 'error',
  message: `the file is not valid CSV: ${csvReason(error)}`,
});

/**
 * Reads accounts one CSV record at a time, in file order, so a file of any size can be scored as
 * it streams. Problems go to `onProblem` as soon as they are known, in row order (and column order
 * within a row). A row with an error gives no account. The file is `fatal` when its header cannot
 * be used: then no row is read, later malformed rows are still reported, and what is wrong with
 * the header comes last, at `end()`.
 */
export interface AccountReader {
  /** A record csv-parse read, with its row number; returns the account it holds, if any. */
  record(row: number, cells: string[]): AccountRow | undefined;
  /** A row csv-parse skipped as malformed. */
  skip(row: number, error: CsvError | undefined): void;
  /** The end of the file. */
  end(): void;
  readonly fatal: boolean;
  /** The recognised column names, in file order. */
  readonly columns: string[];
}

export function createAccountReader(
  options: ParseAccountsOptions & { onProblem: (problem: CsvProblem) => void },
): AccountReader {
  const { onProblem } = options;
  const known = new Set<string>(['name', ...ATTRIBUTES, ...(options.outcomes ? ['outcome'] : [])]);
  const columns: string[] = [];
  const byName = new Map<string, number>();
  let header: { row: number; cells: string[] } | undefined;
  let state: 'header' | 'rows' | 'fatal' = 'header';
  const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const emit = (list: CsvProblem[]) => {
    for (const problem of list) onProblem(problem);
  };
  /** What makes the header unusable, reported at the end, after the malformed rows. */
  let headerProblems: CsvProblem[] = [];

  function readHeader(row: number, cells: string[]) {
    header = { row, cells };
    const names = cells.map((c) => c.trim().toLowerCase());
    const problems: CsvProblem[] = [];
    names.forEach((name, index) => {
      if (name === '') return;
      if (known.has(name)) {
        if (byName.has(name)) {
          problems.push({
            severity: 'error',
            row,
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
        problems.push({
          severity: 'warning',
          row,
          column: index + 1,
          columnName: cells[index]!.trim(),
          message: `the column "${cells[index]!.trim()}" is not an account attribute, so it is ignored.${guess ? ` Did you mean "${guess}"?` : ''} Known columns: ${[...known].join(', ')}.`,
        });
      }
    });
    state = 'rows';
    if (problems.some((p) => p.severity === 'error')) state = 'fatal';
    else if (!byName.has('name')) {
      problems.push({
        severity: 'error',
        row,
        message: `the header row has no "name" column; add one that labels each account (found: ${names.filter(Boolean).join(', ') || 'nothing'}).`,
      });
      state = 'fatal';
    } else if (options.outcomes && !byName.has('outcome')) {
      problems.push({
        severity: 'error',
        row,
        message: `a backtest needs an "outcome" column holding ${OUTCOMES.join(', ')} for each deal.`,
      });
      state = 'fatal';
    }
    if (state === 'fatal') headerProblems = problems;
    else emit(problems);
  }

  function readRow(row: number, cells: string[], head: { cells: string[] }): AccountRow | undefined {
    if (cells.length > head.cells.length) {
      onProblem({
        severity: 'error',
        row,
        message: `this row has ${cells.length} cells but the header has ${head.cells.length}; a value with a comma needs double quotes, such as "Acme, Inc."`,
      });
      return undefined;
    }
    const problems: CsvProblem[] = [];
    const bad = (column: string, message: string) => {
      const index = byName.get(column)!;
      problems.push({ severity: 'error', row, column: index + 1, columnName: column, message });
    };
    const cell = (column: string) => {
      const index = byName.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
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
    if (problems.length > 0) {
      emit(problems.sort(byPlace));
      return undefined;
    }
    return outcome ? { row, account, outcome } : { row, account };
  }

  return {
    get fatal() {
      return state === 'fatal';
    },
    columns,
    record(row, cells) {
      if (state === 'fatal' || isBlank(cells)) return undefined;
      if (state === 'header' || !header) {
        readHeader(row, cells);
        return undefined;
      }
      return readRow(row, cells, header);
    },
    skip(row, error) {
      const problem = skipProblem(row, error);
      if (state === 'header') {
        // A malformed row before the header: the header cannot be trusted, so nothing is read.
        problem.message = problem.message.replace(
          'this row is not valid CSV',
          'the header row is not valid CSV',
        );
        state = 'fatal';
      }
      onProblem(problem);
    },
    end() {
      emit(headerProblems);
      headerProblems = [];
      if (state !== 'header') return;
      state = 'fatal';
      onProblem({
        severity: 'error',
        message: 'the file is empty: it needs a header row such as "name,industry,employees".',
      });
    },
  };
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
