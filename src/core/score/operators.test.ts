import { describe, expect, test } from 'vitest';
import { OPERATOR_NAMES, OPERATORS, type Rule } from '../../schema/criterion.ts';
import { holds, OPERATOR_TABLE, operatorOf } from './operators.ts';
import { DIALECTS } from './sql/dialects.ts';

describe('the operator table', () => {
  test('has every operator of the schema, for the attribute type the schema gives it', () => {
    expect(Object.keys(OPERATOR_TABLE)).toEqual(OPERATOR_NAMES);
    for (const op of OPERATOR_NAMES) expect(OPERATOR_TABLE[op].type, op).toBe(OPERATORS[op]);
  });

  test('has an SQL form for every dialect', () => {
    for (const op of OPERATOR_NAMES)
      expect(Object.keys(OPERATOR_TABLE[op].sql).sort(), op).toEqual([...DIALECTS].sort());
  });

  test.each([
    { rule: { field: 'industry', in: ['Fintech'] }, value: 42 },
    { rule: { field: 'employees', min: 1 }, value: '42' },
    { rule: { field: 'tech', includes_any: ['dbt'] }, value: 'dbt' },
  ] as { rule: Omit<Rule, 'label'>; value: string | number }[])(
    'a value of the wrong type is unknown: $rule',
    ({ rule, value }) => {
      expect(holds({ label: 'r', ...rule } as Rule, value)).toBeUndefined();
    },
  );

  test('a rule without an operator has none', () => {
    expect(operatorOf({ label: 'r', field: 'industry' } as Rule)).toBeUndefined();
  });
});
