import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { parseAccounts } from '../src/core/score/accounts.ts';
import { ACCOUNT_COLUMNS, accountChunks, writeAccounts } from './accounts.ts';
import { sameCounts } from './score.ts';

const csv = (count: number, seed: number) => [...accountChunks(count, seed)].join('');

describe('accountChunks', () => {
  const text = csv(2000, 1);
  const cells = parse(text, { relax_column_count: false }) as string[][];
  const rows = cells.slice(1);
  const column = (name: (typeof ACCOUNT_COLUMNS)[number]) =>
    rows.map((r) => r[ACCOUNT_COLUMNS.indexOf(name)]!);

  test('gives the same bytes for the same seed and other bytes for another', () => {
    expect(csv(2000, 1)).toBe(text);
    expect(csv(2000, 2)).not.toBe(text);
  });

  test('starts with the header the score command reads, then one line per account', () => {
    expect(cells[0]).toEqual([...ACCOUNT_COLUMNS]);
    expect(rows).toHaveLength(2000);
    expect(new Set(column('name')).size).toBe(2000);
  });

  test('is accepted whole by the CSV scorer: no problem, every row an account', () => {
    const parsed = parseAccounts(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(2000);
  });

  test('holds what an export holds: missing cells, odd case, padding, quoted names, messy tech lists', () => {
    const industries = column('industry');
    expect(industries.filter((v) => v === '').length).toBeGreaterThan(40);
    expect(industries.some((v) => v !== v.trim() && v.trim() !== '')).toBe(true);
    expect(industries.some((v) => v !== '' && v.trim() === '')).toBe(true);
    expect(industries.some((v) => v === v.toUpperCase() && /[A-Z]{3}/.test(v))).toBe(true);
    expect(column('employees').some((v) => v === '')).toBe(true);
    expect(column('employees').some((v) => v !== v.trim())).toBe(true);
    expect(column('growth_rate').some((v) => v.includes('.'))).toBe(true);
    expect(column('tech').some((v) => v.includes(';;') || v.includes(' ; '))).toBe(true);
    expect(text).toMatch(/^"[^"\n]*""Co\.""[^"\n]*",/m);
  });

  test('comes in chunks of at most 10,000 lines', () => {
    const chunks = [...accountChunks(25_000, 3)];
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([10_000, 10_000, 5001]);
  });
});

describe('writeAccounts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-accounts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes the generated text and says how many bytes', () => {
    const { file, bytes } = writeAccounts(dir, 300, 5);
    expect(file).toBe(join(dir, 'accounts-300-s5.csv'));
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(csv(300, 5));
    expect(bytes).toBe(Buffer.byteLength(written));
  });
});

describe('sameCounts', () => {
  const a = { rows: 6, verdicts: { excluded: 3, fit: 1, partial: 2 }, best: 1 };
  test.each([
    [
      'the same counts in another order',
      { rows: 6, verdicts: { partial: 2, fit: 1, excluded: 3 }, best: 1 },
      true,
    ],
    ['another verdict count', { rows: 6, verdicts: { excluded: 2, fit: 2, partial: 2 }, best: 1 }, false],
    [
      'a verdict one side lacks',
      { rows: 6, verdicts: { excluded: 3, partial: 2, other: 1 }, best: 1 },
      false,
    ],
    ['another best count', { ...a, best: 0 }, false],
    ['another row count', { ...a, rows: 7 }, false],
  ])('%s', (_, b, same) => {
    expect(sameCounts(a, b)).toBe(same);
    expect(sameCounts(b, a)).toBe(same);
  });
});
