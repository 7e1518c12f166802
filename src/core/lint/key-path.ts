/** A path of keys and list indexes into frontmatter: `['firmographics', 'employees', 'min']`. */
export type KeyPath = (string | number)[];

/** A key path as readers write it: `firmographics.employees`, `scoring.rules[2]`, `pains[0]`. */
export function dotted(path: readonly (string | number)[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}
