/**
 * The pre-scan of a frontmatter block (§12): one pass over the YAML before it is parsed. The YAML
 * parser checks that keys are unique in time quadratic in the keys of a mapping, and it, the
 * position walk and the schema recurse once per level of nesting; so the scan bounds the
 * `key: value` pairs and the nesting (by indentation, `- ` items on one line, and brackets). It
 * counts every `: ` and every bracket, in strings too: an upper bound, never less than the parser.
 */
import { MAX_YAML_DEPTH, n, quadraticBudget, type TooComplex, YAML_KEY_MS } from './limits.ts';

const SPACE = 0x20;
const isBlank = (c: number) => c === SPACE || c === 0x09 || c === 0x0d || Number.isNaN(c);

/**
 * Measures the YAML of a frontmatter block that starts at line `firstLine` (or of another YAML file,
 * named by `subject` in the message); undefined when it may be parsed.
 */
export function scanYaml(
  yaml: string,
  firstLine: number,
  subject = 'The frontmatter',
): TooComplex | undefined {
  const tooComplex = (line: number, column: number, what: string, hint: string): TooComplex => ({
    line,
    column,
    message: `${subject} is too complex to parse: ${what}. It was not checked further.`,
    hint,
  });
  const maxKeys = Math.floor(Math.sqrt(quadraticBudget(yaml.length) / YAML_KEY_MS));
  const indents: number[] = [];
  let flow = 0;
  let keys = 0;
  let line = firstLine;
  for (let start = 0; start <= yaml.length; line++) {
    const newline = yaml.indexOf('\n', start);
    const end = newline === -1 ? yaml.length : newline;
    const from = start;
    start = end + 1;
    let i = from;
    while (i < end && yaml.charCodeAt(i) === SPACE) i++;
    if (i === end || yaml.charCodeAt(i) === 0x23) continue; // blank or a comment
    const indent = i - from;
    while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
    if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
    let depth = indents.length;
    // `- - item`, `? key`, `: value`: each opens one more level on the same line.
    for (;;) {
      const c = yaml.charCodeAt(i);
      if ((c === 0x2d || c === 0x3f || c === 0x3a) && isBlank(yaml.charCodeAt(i + 1)) && i < end) {
        depth++;
        i++;
        while (i < end && yaml.charCodeAt(i) === SPACE) i++;
      } else break;
    }
    for (; i < end; i++) {
      const c = yaml.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) flow++;
      else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
      else if (
        c === 0x3a &&
        (i + 1 === end || isBlank(yaml.charCodeAt(i + 1)) || yaml.charCodeAt(i + 1) === 0x2c)
      )
        keys++;
      if (depth + flow > MAX_YAML_DEPTH)
        return tooComplex(
          line,
          i - from + 1,
          `its lists and fields are nested more than ${MAX_YAML_DEPTH} levels deep at line ${line}`,
          'Frontmatter fields are nested a few levels at most: check the indentation and the brackets.',
        );
    }
    if (depth + flow > MAX_YAML_DEPTH)
      return tooComplex(
        line,
        1,
        `its lists and fields are nested more than ${MAX_YAML_DEPTH} levels deep at line ${line}`,
        'Frontmatter fields are nested a few levels at most: check the indentation and the brackets.',
      );
  }
  if (keys > maxKeys)
    return tooComplex(
      firstLine,
      1,
      `it has ${n(keys)} "key: value" pairs, more than the ${n(maxKeys)} the parser can check in reasonable time`,
      'The frontmatter holds the fields of one page: move long text into the body, or split the page.',
    );
  return undefined;
}
