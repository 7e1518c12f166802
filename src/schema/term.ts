import { z } from 'zod';
import { idSchema, stringList, textSchema } from './common.ts';

/** Glossary term frontmatter: `content/glossary/<id>.mdx`. The body is the full definition. */
export const termSchema = z.strictObject({
  /** The term. @example "Serviceable addressable market" */
  term: textSchema,
  /** Abbreviation, matched case-sensitively in text. @example "SAM" */
  abbr: textSchema.optional(),
  /** Other names. @example ["serviceable market"] */
  aliases: stringList().optional(),
  /** Tooltip text, ≤ 200 characters. @example "The part of the TAM your product can serve." */
  short: textSchema.max(200),
  /** Related glossary ids. @example ["tam", "som"] */
  related: z.array(idSchema).optional(),
});

export type TermInput = z.input<typeof termSchema>;
export type Term = z.output<typeof termSchema>;
