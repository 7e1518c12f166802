import { describe, expect, test } from 'vitest';
import { describeLocation, parseAccounts } from './accounts.ts';

const errors = (text: string, outcomes = false) =>
  parseAccounts(text, { outcomes }).problems.filter((p) => p.severity === 'error');

describe('parseAccounts', () => {
  test('reads every attribute column into typed values', () => {
    const text =
      'name,industry,region,country,growth_stage,employees,annual_revenue,growth_rate,tech\nAcme,E-commerce,North America,United States,growth,420,85000000.5,-3.5,Shopify Plus;Klaviyo\n';
    expect(parseAccounts(text)).toEqual({
      rows: [
        {
          row: 2,
          account: {
            name: 'Acme',
            industry: 'E-commerce',
            region: 'North America',
            country: 'United States',
            growth_stage: 'growth',
            employees: 420,
            annual_revenue: 85000000.5,
            growth_rate: -3.5,
            tech: ['Shopify Plus', 'Klaviyo'],
          },
        },
      ],
      problems: [],
      columns: [
        'name',
        'industry',
        'region',
        'country',
        'growth_stage',
        'employees',
        'annual_revenue',
        'growth_rate',
        'tech',
      ],
      fatal: false,
    });
  });

  test.each([
    {
      name: 'quoted values with commas',
      text: 'name,industry\n"Acme, Inc.","Retail, online"\n',
      account: { name: 'Acme, Inc.', industry: 'Retail, online' },
    },
    {
      name: 'doubled quotes inside quotes',
      text: 'name,industry\n"The ""Best"" Shop",Retail\n',
      account: { name: 'The "Best" Shop', industry: 'Retail' },
    },
    {
      name: 'a line break inside quotes',
      text: 'name,industry\n"Two\nLines",Retail\n',
      account: { name: 'Two\nLines', industry: 'Retail' },
    },
    {
      name: 'CRLF line endings',
      text: 'name,employees\r\nAcme,12\r\n',
      account: { name: 'Acme', employees: 12 },
    },
    {
      name: 'a UTF-8 BOM before the header',
      text: '\uFEFFname,employees\nAcme,12\n',
      account: { name: 'Acme', employees: 12 },
    },
    {
      name: 'no newline at the end',
      text: 'name,employees\nAcme,12',
      account: { name: 'Acme', employees: 12 },
    },
    {
      name: 'header names in other case and with spaces',
      text: ' Name , Employees \nAcme,12\n',
      account: { name: 'Acme', employees: 12 },
    },
    {
      name: 'cells with spaces around them',
      text: 'name,industry,employees\n  Acme  ,  Retail , 12 \n',
      account: { name: 'Acme', industry: 'Retail', employees: 12 },
    },
    {
      name: 'empty cells as unknown',
      text: 'name,industry,employees,tech\nAcme,,,\n',
      account: { name: 'Acme' },
    },
    { name: 'a short row as unknown', text: 'name,industry,employees\nAcme\n', account: { name: 'Acme' } },
    {
      name: 'tech split on ";", trimmed, without empties or duplicates',
      text: 'name,tech\nAcme, Shopify Plus ; Klaviyo;;Shopify Plus ;\n',
      account: { name: 'Acme', tech: ['Shopify Plus', 'Klaviyo'] },
    },
    { name: 'one tech value', text: 'name,tech\nAcme,Stripe\n', account: { name: 'Acme', tech: ['Stripe'] } },
    {
      name: 'numbers with a sign, a fraction or a leading dot',
      text: 'name,growth_rate,annual_revenue\nAcme,+.5,12.25\n',
      account: { name: 'Acme', growth_rate: 0.5, annual_revenue: 12.25 },
    },
    {
      name: 'zero',
      text: 'name,employees,annual_revenue,growth_rate\nAcme,0,0,0\n',
      account: { name: 'Acme', employees: 0, annual_revenue: 0, growth_rate: 0 },
    },
  ])('reads $name', ({ text, account }) => {
    const parsed = parseAccounts(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.account)).toEqual([account]);
  });

  test('skips blank rows, numbering rows as a spreadsheet does', () => {
    const parsed = parseAccounts('name,employees\n\nA,1\n,\n  \n"B\nC",2\nD,3\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.account.name])).toEqual([
      [3, 'A'],
      [6, 'B\nC'],
      [7, 'D'],
    ]);
  });

  test('finds the header below blank lines', () => {
    expect(parseAccounts('\n\nname,employees\nA,1\n').rows).toEqual([
      { row: 4, account: { name: 'A', employees: 1 } },
    ]);
  });

  test('reads mixed line endings', () => {
    const parsed = parseAccounts('name,employees\r\nA,1\nB,2\rC,3\r\n');
    expect(parsed.rows.map((r) => r.account.name)).toEqual(['A', 'B', 'C']);
  });

  test.each([
    { name: 'a word in employees', cell: 'lots', column: 'employees', message: /"lots" is not a number/ },
    { name: 'a percent sign', cell: '35%', column: 'growth_rate', message: /Leave out the % sign/ },
    {
      name: 'a thousands separator',
      cell: '"1,200"',
      column: 'employees',
      message: /Leave out thousands separators \(write 1200\)/,
    },
    { name: 'an exponent', cell: '1e6', column: 'annual_revenue', message: /not a number/ },
    { name: 'a currency sign', cell: '$5000000', column: 'annual_revenue', message: /not a number/ },
    { name: 'a fraction of an employee', cell: '12.5', column: 'employees', message: /not a whole number/ },
    { name: 'negative revenue', cell: '-5', column: 'annual_revenue', message: /cannot be below 0/ },
    { name: 'tech with only separators', cell: ';;', column: 'tech', message: /lists no technology/ },
  ])('reports $name with its row and column, and keeps the other rows', ({ cell, column, message }) => {
    const text = `name,industry,${column}\nGood,Retail,\nBad,Retail,${cell}\nAlso good,Retail,\n`;
    const parsed = parseAccounts(text);
    expect(parsed.rows.map((r) => r.account.name)).toEqual(['Good', 'Also good']);
    expect(parsed.fatal).toBe(false);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ severity: 'error', row: 3, column: 3, columnName: column });
    expect(parsed.problems[0]!.message).toMatch(message);
  });

  test('reports every bad cell of a row, in column order', () => {
    const problems = errors('name,employees,growth_rate\n,many,fast\n');
    expect(problems.map((p) => [p.row, p.column, p.columnName])).toEqual([
      [2, 1, 'name'],
      [2, 2, 'employees'],
      [2, 3, 'growth_rate'],
    ]);
  });

  test('reports a row with more cells than the header', () => {
    const parsed = parseAccounts('name,employees\nAcme, Inc,12\nOk,3\n');
    expect(parsed.rows.map((r) => r.account.name)).toEqual(['Ok']);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        row: 2,
        message: expect.stringMatching(/3 cells but the header has 2/),
      }),
    ]);
  });

  test('reports malformed quoting on its row and reads the rows after it', () => {
    const parsed = parseAccounts('name,employees\n"Bad "quote",1\nOk,2\n');
    expect(parsed.rows.map((r) => [r.row, r.account.name])).toEqual([[3, 'Ok']]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ severity: 'error', row: 2, message: expect.stringMatching(/not valid CSV/) }),
    ]);
  });

  test('reports a quote that is never closed', () => {
    const parsed = parseAccounts('name,employees\nOk,1\n"Unclosed,2\n');
    expect(parsed.rows.map((r) => r.account.name)).toEqual(['Ok']);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ severity: 'error', row: 3, message: expect.stringMatching(/never closed/) }),
    ]);
  });

  test.each([
    { name: 'an empty file', text: '', message: /empty/ },
    { name: 'only a BOM and blank lines', text: '\uFEFF\n\n', message: /empty/ },
    {
      name: 'a header without a name column',
      text: 'company,employees\nAcme,12\n',
      message: /no "name" column/,
    },
    { name: 'a column named twice', text: 'name,employees,Employees\nAcme,1,2\n', message: /appears twice/ },
    {
      name: 'a header that is not valid CSV',
      text: '"name,employees\nAcme,12\n',
      message: /not valid CSV|never closed/,
    },
  ])('fails the whole file for $name', ({ text, message }) => {
    const parsed = parseAccounts(text);
    expect(parsed.fatal).toBe(true);
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems.some((p) => p.severity === 'error' && message.test(p.message))).toBe(true);
  });

  test('warns about an unknown column, with a suggestion, and ignores it', () => {
    const parsed = parseAccounts('name,employee,notes\nAcme,12,likes us\n');
    expect(parsed.rows.map((r) => r.account)).toEqual([{ name: 'Acme' }]);
    expect(parsed.problems.map((p) => [p.severity, p.row, p.column, p.columnName])).toEqual([
      ['warning', 1, 2, 'employee'],
      ['warning', 1, 3, 'notes'],
    ]);
    expect(parsed.problems[0]!.message).toMatch(/Did you mean "employees"\?/);
  });

  test('ignores an outcome column without a warning when not backtesting', () => {
    const parsed = parseAccounts('name,outcome\nAcme,won\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([{ row: 2, account: { name: 'Acme' } }]);
  });

  describe('with outcomes', () => {
    test('reads won, lost and churned in any case', () => {
      const parsed = parseAccounts('name,outcome\nA,won\nB, LOST \nC,Churned\n', { outcomes: true });
      expect(parsed.rows.map((r) => r.outcome)).toEqual(['won', 'lost', 'churned']);
    });

    test('requires the outcome column', () => {
      const parsed = parseAccounts('name,employees\nA,1\n', { outcomes: true });
      expect(parsed.fatal).toBe(true);
      expect(parsed.problems[0]!.message).toMatch(/needs an "outcome" column/);
    });

    test.each([
      { cell: '', message: /outcome is empty/ },
      { cell: 'pending', message: /"pending" is not an outcome/ },
    ])('reports the outcome "$cell" with its row and column', ({ cell, message }) => {
      const problems = errors(`name,employees,outcome\nA,1,won\nB,2,${cell}\n`, true);
      expect(problems).toEqual([
        expect.objectContaining({
          row: 3,
          column: 3,
          columnName: 'outcome',
          message: expect.stringMatching(message),
        }),
      ]);
    });
  });
});

describe('describeLocation', () => {
  test.each([
    { problem: { row: 4, column: 3, columnName: 'employees' }, text: 'row 4, column 3 (employees)' },
    { problem: { row: 4 }, text: 'row 4' },
    { problem: {}, text: '' },
  ])('writes $text', ({ problem, text }) => {
    expect(describeLocation(problem)).toBe(text);
  });
});
