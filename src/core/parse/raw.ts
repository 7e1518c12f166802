/** Reading frontmatter as YAML gave it (before the schema), where any value may have any type. */

/** A YAML mapping: a plain object, not null and not a list. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value at a key path through nested mappings, or undefined when any step is not a mapping. */
export function valueAt(raw: unknown, path: readonly string[]): unknown {
  let value = raw;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/** A path of keys and list indexes into frontmatter: `['firmographics', 'employees', 'min']`. */
export type KeyPath = (string | number)[];

/** A key path as readers write it: `firmographics.employees`, `scoring.rules[2]`, `pains[0]`. */
export function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}
