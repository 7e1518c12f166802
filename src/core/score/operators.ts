/**
 * The score operators, in one table. For each operator: the attribute type it fits, how it holds in
 * JavaScript (the `score` command and the /fit page, through score.ts) and how it is written in SQL
 * for each dialect (`score --sql`, through sql/compile.ts). A new operator is one entry here and its
 * schema in src/schema/criterion.ts.
 *
 * Both forms see the same cleaned values: text trimmed and lowercased, blank text unknown, `tech`
 * a list of trimmed, lowercased, non-blank values. In SQL an unknown attribute is null, so every
 * condition below is null (never a match) when the account lacks the attribute.
 */
import type { AttributeType, Operator, Rule } from '../../schema/criterion.ts';
import type { Dialect } from './sql/dialects.ts';

/** How text compares: trimmed and case-insensitive (DESIGN §8.15). */
export const norm = (value: string) => value.trim().toLowerCase();

type StringValues = readonly string[];

/**
 * One operator. `Value` is the account's value, `Operand` the rule's. `sql` receives the cleaned
 * column and the operand already written as SQL literals (text normalised with `norm`, escaped).
 */
interface OperatorDefinition<Value, Operand, SqlOperand> {
  type: AttributeType;
  holds: (value: Value, operand: Operand) => boolean;
  sql: Record<Dialect, (column: string, operand: SqlOperand) => string>;
}

/** The same SQL in every dialect. */
const everywhere = <T>(form: (column: string, operand: T) => string): Record<Dialect, typeof form> => ({
  duckdb: form,
  postgres: form,
  snowflake: form,
  bigquery: form,
});

/** Values separated by commas; a value the compiler put on a line of its own keeps its line break. */
const list = (values: readonly string[]) =>
  values.map((v, i) => (i === 0 || v.startsWith('\n') ? v : ` ${v}`)).join(',');

const inValues: OperatorDefinition<string, StringValues, StringValues> = {
  type: 'string',
  holds: (value, values) => {
    const v = norm(value);
    return values.some((x) => norm(x) === v);
  },
  sql: everywhere((column, values) => `${column} in (${list(values)})`),
};

const notInValues: OperatorDefinition<string, StringValues, StringValues> = {
  type: 'string',
  holds: (value, values) => !inValues.holds(value, values),
  sql: everywhere((column, values) => `${column} not in (${list(values)})`),
};

const between: OperatorDefinition<number, readonly [number, number], readonly [string, string]> = {
  type: 'number',
  holds: (value, [min, max]) => value >= min && value <= max,
  sql: everywhere((column, [min, max]) => `${column} between ${min} and ${max}`),
};

const min: OperatorDefinition<number, number, string> = {
  type: 'number',
  holds: (value, bound) => value >= bound,
  sql: everywhere((column, bound) => `${column} >= ${bound}`),
};

const max: OperatorDefinition<number, number, string> = {
  type: 'number',
  holds: (value, bound) => value <= bound,
  sql: everywhere((column, bound) => `${column} <= ${bound}`),
};

const lowered = (value: readonly string[]) => new Set(value.map(norm));

const includesAny: OperatorDefinition<readonly string[], StringValues, StringValues> = {
  type: 'list',
  holds: (value, values) => {
    const have = lowered(value);
    return values.some((x) => have.has(norm(x)));
  },
  sql: {
    duckdb: (column, values) => `list_has_any(${column}, [${list(values)}])`,
    postgres: (column, values) => `${column} && array[${list(values)}]`,
    snowflake: (column, values) => `arrays_overlap(${column}, array_construct(${list(values)}))`,
    bigquery: (column, values) =>
      `exists (select 1 from unnest([${list(values)}]) as wanted where wanted in unnest(${column}))`,
  },
};

const includesAll: OperatorDefinition<readonly string[], StringValues, StringValues> = {
  type: 'list',
  holds: (value, values) => {
    const have = lowered(value);
    return values.every((x) => have.has(norm(x)));
  },
  sql: {
    duckdb: (column, values) => `list_has_all(${column}, [${list(values)}])`,
    postgres: (column, values) => `${column} @> array[${list(values)}]`,
    snowflake: (column, values) =>
      `array_size(array_except(array_construct(${list(values)}), ${column})) = 0`,
    bigquery: (column, values) =>
      `not exists (select 1 from unnest([${list(values)}]) as wanted where wanted not in unnest(${column}))`,
  },
};

/** Every operator, in the order a rule's operator is looked up. */
export const OPERATOR_TABLE = {
  in: inValues,
  not_in: notInValues,
  between,
  min,
  max,
  includes_any: includesAny,
  includes_all: includesAll,
} as const satisfies Record<Operator, unknown>;

const LOOKUP_ORDER = Object.keys(OPERATOR_TABLE) as Operator[];

/** The rule's operator: the first one set, in table order (the schema allows exactly one). */
export function operatorOf(rule: Rule): Operator | undefined {
  return LOOKUP_ORDER.find((op) => rule[op] !== undefined);
}

/**
 * Whether a rule holds for a known value; undefined when the value's type does not fit the
 * operator (so the rule is unknown).
 */
export function holds(rule: Rule, value: string | number | readonly string[]): boolean | undefined {
  const op = operatorOf(rule);
  if (op === undefined) return undefined;
  switch (OPERATOR_TABLE[op].type) {
    case 'string':
      if (typeof value !== 'string') return undefined;
      return (OPERATOR_TABLE[op] as typeof inValues).holds(value, rule[op] as StringValues);
    case 'number':
      if (typeof value !== 'number') return undefined;
      return (OPERATOR_TABLE[op] as OperatorDefinition<number, unknown, unknown>).holds(value, rule[op]);
    case 'list':
      if (!Array.isArray(value)) return undefined;
      return (OPERATOR_TABLE[op] as typeof includesAny).holds(value, rule[op] as StringValues);
  }
}
