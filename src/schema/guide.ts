import { z } from 'zod';
import { textSchema } from './common.ts';

/** Guide frontmatter: `content/guides/<id>.mdx`. */
export const guideSchema = z.strictObject({
  /** Page title. @example "How to use the playbook" */
  title: textSchema,
  /** One-line description. @example "Find the right ICP and persona in a minute." */
  description: textSchema.optional(),
  /** Sort order in lists (lower first). @example 1 */
  order: z.number().int().optional(),
});

export type GuideInput = z.input<typeof guideSchema>;
export type Guide = z.output<typeof guideSchema>;
