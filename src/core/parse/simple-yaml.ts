/**
 * The fast path for frontmatter: most blocks are plain `key: value` lines, `- item` lines and
 * one-line `[a, b]` lists and `{ min: 1, max: 2 }` maps. For YAML made only of such lines, js-yaml reads the data about ten times
 * faster than the `yaml` package builds its document with positions (≈ 0.05 ms against ≈ 0.5 ms for
 * a persona; BENCHMARKS.md), and the positions of keys are only worked out when a finding needs one
 * (entry.ts, `keyPositions`).
 *
 * The subset is chosen so that both parsers give the same data: js-yaml's core schema and the
 * `yaml` package's differ on a few scalars (`0b11`, `+.5`, a `null` key), on escapes and line
 * breaks inside quotes, on block scalars with an indentation indicator, on anchors, aliases, tags and
 * on collections as keys; a line with any of these, a tab, a control character, a trailing comment
 * or `__proto__` leaves the whole block to the `yaml` package, and so does anything js-yaml rejects,
 * so errors are always the `yaml` package's. simple-yaml.test.ts checks the agreement on generated
 * blocks.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/** A key: letters, digits, `_` and `-`, not starting with `-`. */
const KEY = '[A-Za-z_][A-Za-z0-9_-]*';
/** What a plain scalar may not start with: a space, an indicator, a sign or a dot. */
const FIRST = String.raw`[^\s\-?:,[\]{}#&*!|>'"%@\x60+.]`;
/*
 * The patterns below run on untrusted text, so each is linear: every character can be taken in one
 * way only (the alternatives start with different characters), spaces only where something other
 * than a space follows, and lines are matched without their trailing spaces. simple-yaml.test.ts
 * times them on lines of 100,000 characters.
 */
/**
 * A plain scalar in block context: no `: `, no ` #` and no trailing `:` (it could then be a key or
 * a comment).
 */
const PLAIN = String.raw`${FIRST}(?:[^\s#:]|:(?=\S)|(?<=\S)#| +(?=[^\s#]))*`;
/** A plain scalar inside `[...]` or `{...}`: as PLAIN, without the flow indicators. */
const FLOW_PLAIN = String.raw`${FIRST}(?:[^\s#:,[\]{}]|:(?=[^\s,[\]{}])|(?<=\S)#| +(?=[^\s#:,[\]{}]))*`;
/** A quoted scalar on one line, without escapes. */
const QUOTED = String.raw`"[^"\\]*"|'(?:[^']|'')*'`;
const FLOW_ITEM = `(?:${QUOTED}|${FLOW_PLAIN})`;
/** `[a, b]`, and `[a, b, ]`: items never end with a space, so the spaces around commas are the commas'. */
const FLOW_SEQ = String.raw`\[ *(?:${FLOW_ITEM}(?: *, *${FLOW_ITEM})* *(?:, *)?)?\]`;
const FLOW_PAIR = `${KEY}: +(?:${FLOW_SEQ}|${FLOW_ITEM})`;
const FLOW_MAP = String.raw`\{ *(?:${FLOW_PAIR}(?: *, *${FLOW_PAIR})* *(?:, *)?)?\}`;
const VALUE = `(?:${QUOTED}|${FLOW_SEQ}|${FLOW_MAP}|${PLAIN})`;
/**
 * One line of the subset, trailing spaces removed: `key:`, `key: value`, `- value`, `- key: value`,
 * `-`, a comment or a blank, where a value is a plain or quoted scalar, `[a, b]` or `{ key: a }`.
 */
const LINE = new RegExp(`^(?: *(?:- +)*(?:${KEY}:(?: +${VALUE})?|-|${VALUE})?| *#.*)$`);
/** Keys that either parser reads in its own way. */
const ODD_KEY = /(?:^|[\s-])(?:~|null|Null|NULL|__proto__|<<) *:/m;
/** Tabs, control characters and the line breaks js-yaml alone knows (NEL, LS, PS), and BOMs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ODD_CHAR = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
/** Plain values js-yaml and `yaml` resolve differently: binary, and signed or dotted numbers. */
const ODD_NUMBER = /(?:^|[\s,[])(?:0b[01]|[-+]\.?\d|[-+]?\.(?:\d|inf|Inf|INF|nan|NaN|NAN))/;

/**
 * The data of `yaml` when it lies in the subset both parsers read alike and js-yaml reads it as a
 * mapping; undefined when the `yaml` package must parse it.
 */
export function simpleYaml(yaml: string): Record<string, unknown> | undefined {
  if (ODD_CHAR.test(yaml) || ODD_KEY.test(yaml) || ODD_NUMBER.test(yaml)) return undefined;
  for (const line of yaml.split('\n')) if (!LINE.test(line.trimEnd())) return undefined;
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}
