import { stringify } from 'yaml';
import { TYPE_FOLDERS } from '../../schema/index.ts';
import { slugify } from '../words.ts';

export type ScaffoldType = 'icp' | 'persona' | 'term';

export { slugify };

export interface ScaffoldOptions {
  type: ScaffoldType;
  name: string;
  /** Today, `YYYY-MM-DD`: the scaffold's `last_reviewed`. */
  today: string;
  /** ICP id, required for a persona. */
  icp?: string;
  /** Owner handle; defaults to a placeholder that lint flags until it is replaced. */
  owner?: string;
}

export interface Scaffold {
  id: string;
  /** Path relative to the content folder. */
  path: string;
  text: string;
}

/**
 * A new file that passes the schema. Its example values are marked TODO, so `placeholder-text`
 * keeps warning until the author replaces them.
 */
export function scaffold(options: ScaffoldOptions): Scaffold {
  const id = slugify(options.name);
  const owner = options.owner ?? '@TODO-owner';
  const name = options.name.trim();
  let frontmatter: Record<string, unknown>;
  let body: string;
  if (options.type === 'icp') {
    frontmatter = {
      name,
      summary: 'TODO: one sentence: which companies, what problem, why now.',
      status: 'draft',
      owners: [owner],
      last_reviewed: options.today,
      firmographics: {
        industries: ['TODO industry'],
        regions: ['TODO region'],
        employees: { min: 50, max: 1000 },
      },
      pains: ['TODO: a company-level problem the product solves'],
      must_haves: [
        { label: '50–1,000 employees', field: 'employees', between: [50, 1000] },
        'TODO: second must-have',
        'TODO: third must-have',
      ],
      deal_breakers: ['TODO: first deal-breaker', 'TODO: second deal-breaker'],
    };
    body = `## Why this ICP\n\nTODO: why these accounts buy, and how to spot them.\n`;
  } else if (options.type === 'persona') {
    frontmatter = {
      name,
      role: 'TODO job title',
      seniority: 'manager',
      status: 'draft',
      dmu_roles: ['champion'],
      icps: [options.icp],
      owners: [owner],
      last_reviewed: options.today,
      goals: ['TODO: what they want to achieve'],
      pains: ['TODO: what gets in their way'],
      evidence: { interviews: 0 },
    };
    body = `## A day in the life\n\nTODO: what their week looks like, and how to engage them.\n`;
  } else {
    frontmatter = { term: name, short: 'TODO: a one-sentence definition shown as a tooltip.' };
    body = `TODO: the full definition, with an example.\n`;
  }
  return {
    id,
    path: `${TYPE_FOLDERS[options.type]}/${id}.mdx`,
    text: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}`,
  };
}
