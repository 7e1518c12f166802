/**
 * How much parsing work one file may ask for (§12), and what a file that asks for more is told.
 *
 * The Markdown and YAML parsers are fast on ordinary text but super-linear in a few corners (long
 * runs of emphasis markers or brackets in one paragraph, deep nesting of quotes, lists, elements
 * and expressions, thousands of keys in one YAML mapping). A pre-scan of the text (prescan-body.ts,
 * prescan-yaml.ts) measures those corners in one linear pass, before anything is parsed, and a file
 * over a limit is not parsed but reported. The decision depends only on the text, so every machine
 * gives the same findings, and the parse cache may keep them.
 *
 * A body is judged by an estimate of the parser's time on it: linear terms (bytes, lines, markup
 * characters) plus, per paragraph, `coefficient × n²` for the quadratic corners (n = marker groups,
 * brackets or lines in the paragraph, cells in a table row). The coefficients were measured on the
 * 2-core CI machine while it was busy (bench/hostile/corners.ts makes the inputs); the estimate may
 * use the §12 allowance of the file (1 s + 1 s per 100 kB), and one paragraph's quadratic corner
 * 0.75 s. Nesting is bounded by plain limits: the parsers and the code that walks their trees
 * recurse once per level, and a stack overflow would depend on the machine.
 */
import type { Position } from '../types.ts';
import { thousands } from '../words.ts';

/**
 * Estimated ms per byte, per non-blank line, per markup character (groups of `*`, `_`, `~` and
 * backticks, brackets, `\\`, `&`, `<`) and per table cell (`|`) of a body.
 */
export const BYTE_MS = 2e-3;
export const LINE_MS = 0.1;
export const MARKER_MS = 0.025;
export const PIPE_MS = 0.06;
/** Estimated ms per (emphasis or strikethrough marker group in one paragraph)². */
export const ATTENTION_MS = 1.5e-5;
/** Estimated ms per (square bracket in one paragraph)². */
export const BRACKET_MS = 3e-5;
/** Estimated ms per (line of one paragraph, list or table)². */
export const PARAGRAPH_LINE_MS = 2e-7;
/** Estimated ms per (table cell in one line)². */
export const ROW_CELL_MS = 8e-7;
/** Estimated ms per (YAML key-value separator in the frontmatter)². */
export const YAML_KEY_MS = 2e-5;

/** The §12 allowance of a file: 1 s plus 1 s per 100 kB, in ms. */
export const allowance = (bytes: number) => 1000 + bytes / 100;

/**
 * What the parse of a body may take: its allowance. The coefficients above were measured on a busy
 * machine and overestimate a quiet one, which leaves room for linting and rendering.
 */
export const bodyBudget = (bytes: number) => allowance(bytes);

/**
 * What one paragraph's quadratic corner may take, whatever the file's size: the parser's time
 * grows faster than the square of the count in one paragraph at large counts, so a long file does
 * not earn its paragraphs a larger share.
 */
export const PARAGRAPH_BUDGET_MS = 750;

/** The part of the allowance the quadratic corners of a frontmatter may take. */
export const quadraticBudget = (bytes: number) => 0.5 * allowance(bytes);

interface Counted {
  /** Sum over paragraphs of the count squared. */
  squares: number;
  /** The largest count in one paragraph. */
  most: number;
}

/**
 * The estimated parse time of a body with measures `m`, in ms, by kind of work: of the whole body
 * (`whole`), and of its worst paragraph for each quadratic corner (`paragraph`).
 */
export function bodyCost(m: {
  bytes: number;
  lines: number;
  markers: number;
  pipes: number;
  attention: Counted;
  brackets: Counted;
  paragraphLines: Counted;
  rowCells: Counted;
}) {
  const per = {
    attention: ATTENTION_MS,
    brackets: BRACKET_MS,
    paragraphLines: PARAGRAPH_LINE_MS,
    rowCells: ROW_CELL_MS,
  };
  return {
    whole: {
      linear: BYTE_MS * m.bytes + LINE_MS * m.lines + MARKER_MS * m.markers + PIPE_MS * m.pipes,
      attention: per.attention * m.attention.squares,
      brackets: per.brackets * m.brackets.squares,
      paragraphLines: per.paragraphLines * m.paragraphLines.squares,
      rowCells: per.rowCells * m.rowCells.squares,
    },
    paragraph: {
      attention: per.attention * m.attention.most ** 2,
      brackets: per.brackets * m.brackets.most ** 2,
      paragraphLines: per.paragraphLines * m.paragraphLines.most ** 2,
      rowCells: per.rowCells * m.rowCells.most ** 2,
    },
  };
}

/** Block quotes and list items opened on one line (`> > - 1. text`). */
export const MAX_LINE_CONTAINERS = 32;
/** Columns of indentation before a list item's marker (nested lists). */
export const MAX_LIST_INDENT = 128;
/**
 * Elements (`<div>`, components) open inside each other. Every `<name` counts, in inline code too,
 * so the limit leaves room for elements only mentioned; rendering overflows its stack near 4,000.
 */
export const MAX_ELEMENT_DEPTH = 256;
/** Braces, brackets and parentheses open inside an expression or import/export. */
export const MAX_EXPRESSION_DEPTH = 32;
/** Link and footnote definitions (`[label]: url`, `[^note]: text`) in one body. */
export const MAX_DEFINITIONS = 2000;
/** Nesting of YAML mappings and lists, by indentation and brackets together. */
export const MAX_YAML_DEPTH = 64;

/** What the pre-scan found too complex: where, what, and how to simplify it. */
export interface TooComplex extends Position {
  message: string;
  hint: string;
}

/** 16000 → "16,000". */
export const n = thousands;
