/**
 * Pathological content files: for each super-linear corner of the parsers a file (as text) of about
 * the requested size in bytes. A body corner repeats a unit in a guide's body; a frontmatter corner
 * builds YAML. Used by the hostile-input measurements and tests; deterministic.
 */

export type CornerKind = 'body' | 'frontmatter';

export interface Corner {
  name: string;
  kind: CornerKind;
  /** The body (kind `body`) or the YAML between the fences (kind `frontmatter`) of about `bytes`. */
  make(bytes: number): string;
}

const repeat = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/** `open` nested `depth` times, each level on a line of its own when `lines`. */
const nest = (bytes: number, open: string, close = '', fill = 'a') => {
  const depth = Math.max(1, Math.floor(bytes / (open.length + close.length)));
  return `${open.repeat(depth)}${fill}${close.repeat(depth)}`;
};

const body = (name: string, make: (bytes: number) => string): Corner => ({ name, kind: 'body', make });
const yaml = (name: string, make: (bytes: number) => string): Corner => ({ name, kind: 'frontmatter', make });

export const CORNERS: Corner[] = [
  body('prose (control)', (n) =>
    repeat('The quick brown fox jumps over the lazy dog, again and again.\n\n', n),
  ),
  body('emphasis run *a', (n) => repeat('*a', n)),
  body('emphasis run _a', (n) => repeat('_a ', n)),
  body('strong run **a', (n) => repeat('**a', n)),
  body('mixed emphasis *a_**', (n) => repeat('*a_b**c__', n)),
  body('strikethrough run ~a', (n) => repeat('~a', n)),
  body('strikethrough run ~~a', (n) => repeat('~~a', n)),
  body('link brackets [a', (n) => repeat('[a', n)),
  body('link brackets [a](', (n) => repeat('[a](', n)),
  body('image brackets ![a', (n) => repeat('![a', n)),
  body('closing brackets a]', (n) => repeat('a]', n)),
  body('balanced brackets [[[a]]]', (n) => nest(n, '[', ']')),
  body('emphasis in many paragraphs', (n) => repeat(`${'*a'.repeat(500)}\n\n`, n)),
  body('brackets in many paragraphs', (n) => repeat(`${'a]'.repeat(500)}\n\n`, n)),
  body('nested emphasis *_*_', (n) => nest(n, '*_', '_*')),
  body('nested strong and links [**', (n) => nest(n, '[**', '**](a)')),
  body('link definitions', (n) => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < n; i++) {
      const line = `[a${i}]: /x\n[a${i}] `;
      lines.push(line);
      size += line.length;
    }
    return lines.join('\n');
  }),
  body('many definitions and references', (n) => {
    const count = Math.max(1, Math.floor(n / 24));
    const defs = Array.from({ length: count }, (_, i) => `[d${i}]: /x`).join('\n');
    const refs = Array.from({ length: count }, (_, i) => `[d${i}]`).join('\n\n');
    return `${defs}\n\n${refs}\n`;
  }),
  body('nested expression parentheses {(((', (n) => `{${nest(n, '(', ')', '1')}}\n`),
  body('nested expression braces {{{', (n) => nest(n, '{', '}', '')),
  body('code span backticks', (n) => {
    let out = '';
    for (let i = 1; out.length < n; i = (i % 40) + 1) out += `${'`'.repeat(i)}a`;
    return out;
  }),
  body('entity-like &a', (n) => repeat('&a', n)),
  body('autolink literals www.', (n) => repeat('www.a', n)),
  body('email literals a@', (n) => repeat('a@a.', n)),
  body('autolinks <a', (n) => repeat('<http:a', n)),
  body('nested lists', (n) => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < n; i++) {
      const line = `${'  '.repeat(i)}- a\n`;
      lines.push(line);
      size += line.length;
    }
    return lines.join('');
  }),
  body('nested quotes >', (n) => `${repeat('>', n)} a\n`),
  body('nested quote lines', (n) => {
    const lines: string[] = [];
    for (let i = 1, size = 0; size < n; i++) {
      const line = `${'> '.repeat(i)}a\n`;
      lines.push(line);
      size += line.length;
    }
    return lines.join('');
  }),
  body('list markers on one line', (n) => `${repeat('- ', n)}a\n`),
  body('nested JSX <div>', (n) => nest(n, '<div>', '</div>')),
  body('nested JSX lines', (n) => {
    const depth = Math.max(1, Math.floor(n / 12));
    return `${'<div>\n'.repeat(depth)}a\n${'</div>\n'.repeat(depth)}`;
  }),
  body('JSX attributes', (n) => `<div ${repeat('a="b" ', n)}/>\n`),
  body('wide table', (n) => {
    const cols = Math.max(1, Math.floor(Math.sqrt(n / 2) / 2));
    const row = `|${' a |'.repeat(cols)}\n`;
    return `${row}|${' - |'.repeat(cols)}\n${row.repeat(Math.max(1, Math.floor(n / row.length) - 2))}`;
  }),
  body('one-row table, many columns', (n) => {
    const cols = Math.max(1, Math.floor(n / 8));
    return `|${' a |'.repeat(cols)}\n|${' - |'.repeat(cols)}\n`;
  }),
  body('table with many rows', (n) => `| a | b |\n| - | - |\n${repeat('| c | d |\n', n)}`),
  body('table-like lines', (n) => repeat('a | b\n', n)),
  body('long line of words', (n) => `${repeat('word ', n)}\n`),
  body('long line without spaces', (n) => `${repeat('a', n)}\n`),
  body('cross-links [[a]]', (n) => repeat('[[a]] ', n)),
  body('footnote references [^a]', (n) => repeat('[^a]', n)),
  body('link references [a][b]', (n) => repeat('[a][b] ', n)),
  body('hard breaks', (n) => repeat('a  \n', n)),
  body('headings', (n) => repeat('# a\n', n)),
  body('one paragraph of many lines', (n) => repeat('a b\n', n)),
  body('many short list items', (n) => repeat('- a\n', n)),
  body('escapes \\*', (n) => repeat('\\*', n)),
  yaml('YAML flow nesting [[', (n) => `x: ${nest(n, '[', ']')}\n`),
  yaml('YAML flow maps {a:', (n) => `x: ${nest(n, '{a: ', '}', '1')}\n`),
  yaml('YAML block nesting', (n) => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < n; i++) {
      const line = `${' '.repeat(i)}a${i}:\n`;
      lines.push(line);
      size += line.length;
    }
    return `${lines.join('')}${' '.repeat(lines.length)}b: 1\n`;
  }),
  yaml('YAML aliases', (n) => {
    const half = Math.max(4, Math.floor(n / 2));
    return `a: &a [${repeat('x, ', half).slice(0, -2)}]\nb: [${repeat('*a, ', half).slice(0, -2)}]\n`;
  }),
  yaml('YAML many keys', (n) => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < n; i++) {
      const line = `k${i}: v\n`;
      lines.push(line);
      size += line.length;
    }
    return lines.join('');
  }),
  yaml('YAML long scalar', (n) => `x: ${repeat('word ', n)}\n`),
  yaml('YAML long quoted scalar', (n) => `x: "${repeat('\\"a', n)}"\n`),
  yaml('YAML spaces in an unclosed list', (n) => `x: [a${repeat(' ', n)}b\n`),
  yaml('YAML spaces before ": "', (n) => `x: a${repeat(' ', n)}: b\n`),
  yaml('YAML many anchors', (n) => repeat('- &a a\n', n)),
];

/** A guide file whose body or frontmatter holds `corner` at about `bytes`. */
export function cornerFile(corner: Corner, bytes: number, title = 'Hostile'): string {
  const head = `---\ntitle: ${JSON.stringify(title)}\n`;
  return corner.kind === 'body'
    ? `${head}---\n${corner.make(bytes)}`
    : `${head}${corner.make(bytes)}---\nBody.\n`;
}

/** A file name for a corner, unique among CORNERS: `02-emphasis-run-a`. */
export function cornerSlug(corner: Corner): string {
  const index = CORNERS.indexOf(corner);
  const words = corner.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return index === -1 ? words : `${String(index + 1).padStart(2, '0')}-${words}`;
}
