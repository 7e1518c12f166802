import type { Root } from 'mdast';
import type { EntryType } from '../schema/index.ts';

export type Severity = 'error' | 'warning';

/** One finding, as plain data. `line` and `column` are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

/** A content file as the loader hands it over: identity and decoded text, or why it has none. */
export interface SourceFile {
  type: EntryType;
  /** File name without `.mdx`. */
  id: string;
  /** Path shown in diagnostics (relative to the working directory). */
  file: string;
  /** Path relative to the content folder, with `/` separators: `personas/cfo-henrik.mdx`. */
  path: string;
  /** Decoded UTF-8 text without a BOM; undefined when the file could not be read as text. */
  text?: string;
  /** Why the file has no text (binary, invalid UTF-8, unreadable). */
  readError?: string;
}

/** A problem found while parsing a file; the rules named here turn them into diagnostics. */
export interface ParseProblem {
  rule: 'yaml-syntax' | 'schema' | 'mdx-syntax';
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** A `[[type:id]]` or `[[id]]` cross-link found in a body. */
export interface CrossLink {
  kind?: EntryType;
  id: string;
  raw: string;
  line: number;
  column: number;
}

/** A Markdown link or image found in a body. */
export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

export interface Body {
  /** The body text after the frontmatter block. */
  text: string;
  /** 1-based line of the file where the body starts. */
  line: number;
  /** The MDX syntax tree, positions relative to the file; undefined when the body does not parse. */
  tree?: Root;
  crossLinks: CrossLink[];
  links: BodyLink[];
}
