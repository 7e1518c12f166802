/**
 * The pre-scan of an MDX body (§12): one pass over the text, before the parser sees it, that
 * measures the corners where the parser does super-linear work (limits.ts says which and how much)
 * and returns what is too complex, or undefined.
 *
 * It reads lines the way the parser would only where that is safe: the content of a fenced code
 * block is skipped (code is full of `*`, `_` and brackets) only when the fence starts a line at its
 * first column outside any tag or expression, where the parser is sure to see a fence too. Anywhere
 * else it counts more than the parser would, never less, so the estimate stays an upper bound.
 */
import {
  bodyBudget,
  bodyCost,
  MAX_DEFINITIONS,
  MAX_ELEMENT_DEPTH,
  MAX_EXPRESSION_DEPTH,
  MAX_LINE_CONTAINERS,
  MAX_LIST_INDENT,
  n,
  PARAGRAPH_BUDGET_MS,
  type TooComplex,
} from './limits.ts';

/** Elements HTML writes without a closing tag: they open nothing (MDX reports them as unclosed). */
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const isSpace = (c: number) => c === SPACE || c === TAB || c === CR;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** ASCII punctuation: what a backslash escapes. */
const isPunctuation = (c: number) =>
  (c >= 0x21 && c <= 0x2f) ||
  (c >= 0x3a && c <= 0x40) ||
  (c >= 0x5b && c <= 0x60) ||
  (c >= 0x7b && c <= 0x7e);
const isNameChar = (c: number) =>
  isLetter(c) || isDigit(c) || c === 0x2e || c === 0x5f || c === 0x3a || c === 0x2d;

/** `[label]:` or `[^note]:` at the start of a line: a definition. */
const DEFINITION = /^ {0,3}\[(?:\\.|[^\\\]])+\]:/;
const ESM = /^(?:import|export)\b/;

/** What the pre-scan measured in a body (outside fenced code, except `lines` and `bytes`). */
export interface BodyMeasures {
  bytes: number;
  /** Lines that are not blank. */
  lines: number;
  /** Markup characters: groups of `*`, `_`, `~` and backticks, brackets, `\\`, `&` and `<`. */
  markers: number;
  /** Table cell separators (`|`). */
  pipes: number;
  /** Per paragraph (lines between blank lines), squared and summed, with the paragraph that has the most. */
  attention: Quadratic;
  brackets: Quadratic;
  paragraphLines: Quadratic;
  /** Per line: its table cells (`|`). */
  rowCells: Quadratic;
}

export interface Quadratic {
  /** The sum over paragraphs of the count squared. */
  squares: number;
  /** The largest count in one paragraph, and the line where that paragraph starts. */
  most: number;
  line: number;
}

const quadratic = (): Quadratic => ({ squares: 0, most: 0, line: 0 });
const add = (q: Quadratic, count: number, line: number) => {
  q.squares += count * count;
  if (count > q.most) Object.assign(q, { most: count, line });
};

const tooComplex = (line: number, column: number, what: string, hint: string): TooComplex => ({
  line,
  column,
  message: `The body is too complex to parse: ${what}. Nothing else in the body was checked.`,
  hint,
});

/** Measures `text`, a body starting at line `startLine` of its file; undefined when it may be parsed. */
export function scanBody(text: string, startLine: number): TooComplex | undefined {
  const measured = measureBody(text, startLine);
  return 'message' in measured ? measured : judgeBody(measured);
}

/** The measures of a body, or the first nesting in it that is too deep. */
export function measureBody(text: string, startLine: number): BodyMeasures | TooComplex {
  const m: BodyMeasures = {
    bytes: text.length,
    lines: 0,
    markers: 0,
    pipes: 0,
    attention: quadratic(),
    brackets: quadratic(),
    paragraphLines: quadratic(),
    rowCells: quadratic(),
  };
  let fence: { char: number; length: number } | undefined;
  // The paragraph being read: its first line (0: none), its lines, groups of *_~, brackets.
  let paragraph = 0;
  let lines = 0;
  let runs = 0;
  let brackets = 0;
  let esm = false;
  let definitions = 0;
  // Tags: 0 none, 1 an opening tag, 2 a closing tag; the quote that is open inside it.
  let tag = 0;
  let tagCounted = false;
  let quote = 0;
  let lastInTag = 0;
  let elements = 0;
  let braces = 0;
  let expression = 0;

  const endParagraph = () => {
    if (paragraph === 0) return;
    add(m.attention, runs, paragraph);
    add(m.brackets, brackets, paragraph);
    add(m.paragraphLines, lines, paragraph);
    paragraph = 0;
  };

  let line = startLine;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const from = start;
    start = end + 1;

    let first = from;
    while (first < end && isSpace(text.charCodeAt(first))) first++;
    if (first < end) m.lines++;

    if (fence) {
      let i = from;
      while (i < end && i - from < 3 && text.charCodeAt(i) === SPACE) i++;
      const runFrom = i;
      while (i < end && text.charCodeAt(i) === fence.char) i++;
      const run = i - runFrom;
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      if (run >= fence.length && i === end) fence = undefined;
      continue;
    }

    if (first === end) {
      endParagraph();
      esm = false;
      if (braces === 0) expression = 0;
      continue;
    }

    const c0 = text.charCodeAt(from);
    if ((c0 === 0x60 || c0 === 0x7e) && braces === 0 && tag === 0) {
      let run = 0;
      while (text.charCodeAt(from + run) === c0) run++;
      if (run >= 3 && (c0 === 0x7e || !hasBacktick(text, from + run, end))) {
        endParagraph();
        fence = { char: c0, length: run };
        continue;
      }
    }

    if (paragraph === 0) {
      paragraph = line;
      lines = runs = brackets = 0;
      esm = ESM.test(text.slice(from, Math.min(end, from + 7)));
    }
    lines++;
    if (text.charCodeAt(first) === 0x5b && first - from <= 3 && DEFINITION.test(text.slice(from, end))) {
      if (++definitions > MAX_DEFINITIONS)
        return tooComplex(
          line,
          1,
          `it has more than ${n(MAX_DEFINITIONS)} link and footnote definitions ("[label]: …" lines)`,
          'Write links inline as [text](https://…), or split the page into several pages.',
        );
    }

    // Block quotes and list items opened at the start of the line.
    let i = from;
    let containers = 0;
    for (;;) {
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      let marker = 0;
      if (c === 0x3e) marker = 1;
      else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isEnd(text, i + 1, end)) marker = 1;
      else if (isDigit(c)) {
        let k = i;
        while (k < end && k - i < 9 && isDigit(text.charCodeAt(k))) k++;
        const d = text.charCodeAt(k);
        if ((d === 0x2e || d === 0x29) && isEnd(text, k + 1, end)) marker = k + 1 - i;
      }
      if (!marker) break;
      if (c !== 0x3e && containers === 0 && indentWidth(text, from, i) > MAX_LIST_INDENT)
        return tooComplex(
          line,
          i - from + 1,
          `the list item at line ${line} is indented by ${n(indentWidth(text, from, i))} columns, more than ${MAX_LIST_INDENT}`,
          'Nest lists a few levels deep at most, each level indented by 2 to 4 spaces under its parent.',
        );
      i += marker;
      if (++containers > MAX_LINE_CONTAINERS)
        return tooComplex(
          line,
          i - from,
          `line ${line} opens more than ${MAX_LINE_CONTAINERS} block quotes and list items (">", "-", "*", "+", "1.") at its start`,
          'Use fewer levels of quotes and lists: restructure the text with headings and short lists.',
        );
    }

    let pipes = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c && i + 1 < end && isPunctuation(text.charCodeAt(i + 1)) && quote === 0) {
        m.markers++;
        i++;
        continue;
      }
      // Inside a tag: quotes, and the ">" or "/>" that ends it. Its characters are counted below
      // all the same (an attribute's text costs little; counting it keeps the estimate an upper bound).
      if (tag !== 0 && braces === 0) {
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e) {
          if (tag === 1 && lastInTag === 0x2f && tagCounted) elements = Math.max(0, elements - 1);
          tag = 0;
          continue;
        } else if (!isSpace(c)) lastInTag = c;
      }
      switch (c) {
        case 0x7b: // {
        case 0x28: // (
        case 0x5b: // [
          if (c === 0x7b) braces++;
          if (c === 0x5b) {
            brackets++;
            m.markers++;
          }
          if (c === 0x7b || braces > 0 || esm) {
            if (++expression > MAX_EXPRESSION_DEPTH)
              return tooComplex(
                line,
                i - from + 1,
                `braces, brackets and parentheses are nested more than ${MAX_EXPRESSION_DEPTH} deep in an expression or import/export at line ${line}`,
                'Expressions ({…}), import and export are not allowed in content: write \\{ for a literal brace.',
              );
          }
          break;
        case 0x7d: // }
        case 0x29: // )
        case 0x5d: // ]
          if (c === 0x7d && braces > 0) braces--;
          if (c === 0x5d) {
            brackets++;
            m.markers++;
          }
          if (expression > 0 && (c === 0x7d || braces > 0 || esm)) expression--;
          break;
        case 0x2a: // *
        case 0x5f: // _
        case 0x7e: // ~
        case 0x60: // `
          while (i + 1 < end && text.charCodeAt(i + 1) === c) i++;
          if (c !== 0x60) runs++;
          m.markers++;
          break;
        case 0x7c: // |
          pipes++;
          break;
        case 0x26: // &
          m.markers++;
          break;
        case 0x3c: {
          // <: every element opened counts, wherever it is (in code or an expression too: an upper
          // bound); a closing tag or "/>" counts down only where it surely closes one.
          m.markers++;
          const next = text.charCodeAt(i + 1);
          const free = quote === 0 && braces === 0;
          if (isLetter(next)) {
            let k = i + 1;
            while (k < end && isNameChar(text.charCodeAt(k))) k++;
            const counted = !VOID.has(text.slice(i + 1, k).toLowerCase());
            if (counted) elements++;
            if (free) [tag, tagCounted, lastInTag] = [1, counted, 0];
            i = k - 1;
          } else if (next === 0x2f && free) {
            tag = 2;
            elements = Math.max(0, elements - 1);
            i++;
          } else if (next === 0x3e) {
            elements++;
            i++;
          }
          if (elements > MAX_ELEMENT_DEPTH)
            return tooComplex(
              line,
              i - from + 1,
              `the element at line ${line} is nested more than ${MAX_ELEMENT_DEPTH} deep in other elements`,
              'Close every tag you open (write <br /> for a line break), and nest elements less deeply.',
            );
          break;
        }
      }
    }
    m.pipes += pipes;
    add(m.rowCells, pipes, line);
  }
  endParagraph();
  return m;
}

/** Whether the body's estimated parse time fits its allowance; if not, what to say about it. */
export function judgeBody(m: BodyMeasures): TooComplex | undefined {
  const { whole, paragraph } = bodyCost(m);
  const total = Object.values(whole).reduce((a, b) => a + b, 0);
  const worst = largestOf(paragraph);
  const largest =
    paragraph[worst] > PARAGRAPH_BUDGET_MS
      ? worst
      : total > bodyBudget(m.bytes)
        ? largestOf(whole)
        : undefined;
  if (!largest) return undefined;
  const split = 'Split long paragraphs with blank lines';
  switch (largest) {
    case 'attention':
      return tooComplex(
        m.attention.line,
        1,
        `the paragraph at line ${m.attention.line} has ${n(m.attention.most)} groups of emphasis and strikethrough markers ("*", "_", "~"), more than the parser can pair up in reasonable time`,
        `${split}, remove stray *, _ and ~, or escape the ones meant literally as \\*, \\_ and \\~.`,
      );
    case 'brackets':
      return tooComplex(
        m.brackets.line,
        1,
        `the paragraph at line ${m.brackets.line} has ${n(m.brackets.most)} square brackets ("[", "]"), more than the parser can pair up in reasonable time`,
        `${split}, or escape brackets meant literally as \\[ and \\].`,
      );
    case 'rowCells':
      return tooComplex(
        m.rowCells.line,
        1,
        `the table row at line ${m.rowCells.line} has ${n(m.rowCells.most)} cells, more than the parser can read in reasonable time`,
        'Split the table into several tables with fewer columns.',
      );
    case 'paragraphLines':
      return tooComplex(
        m.paragraphLines.line,
        1,
        `the paragraph, list or table at line ${m.paragraphLines.line} runs over ${n(m.paragraphLines.most)} lines without a blank line, more than the parser can read in reasonable time`,
        `${split}, lists and tables.`,
      );
    default:
      return tooComplex(
        1,
        1,
        `its ${n(m.lines)} lines and ${n(m.markers)} markup characters are more than the parser can read in reasonable time for ${n(Math.ceil(m.bytes / 1000))} kB of text`,
        'Split the page into several pages, and keep its markup simple: paragraphs of prose rather than thousands of one-word lines, headings or table cells.',
      );
  }
}

/** Columns of the whitespace between `from` and `to` (a tab advances to the next multiple of 4). */
function indentWidth(text: string, from: number, to: number): number {
  let width = 0;
  for (let i = from; i < to; i++) width = text.charCodeAt(i) === TAB ? width + 4 - (width % 4) : width + 1;
  return width;
}

/** The key of the largest value. */
function largestOf<K extends string>(values: Record<K, number>): K {
  const keys = Object.keys(values) as K[];
  return keys.reduce((a, b) => (values[b] > values[a] ? b : a), keys[0]!);
}

/** Whether `at` is the end of the line or a space: what follows a list marker. */
const isEnd = (text: string, at: number, end: number) => at >= end || isSpace(text.charCodeAt(at));

function hasBacktick(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x60) return true;
  return false;
}
