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
