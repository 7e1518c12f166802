/** `npm run new`: writes a new ICP, persona or glossary term that passes the schema. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type ScaffoldType, scaffold } from '../core/change/scaffold.ts';
import { nearest } from '../core/graph/suggest.ts';
import { EXIT_FINDINGS, EXIT_OK, say, UsageError, warn } from './cli.ts';
import { loadPlaybook } from './index.ts';

export interface NewEntryOptions {
  type: ScaffoldType;
  name: string;
  today: string;
  icp?: string;
  owner?: string;
  content?: string;
}

/** Creates the file; exit 1 when it exists already (nothing is overwritten). */
export function createEntry(options: NewEntryOptions): number {
  const playbook = loadPlaybook({ content: options.content });
  const { type, icp } = options;
  if (type === 'persona') {
    if (!icp)
      throw new UsageError(
        'A persona belongs to an ICP: add --icp ID (the file name of an ICP in icps/, without .mdx).',
      );
    const icpIds = playbook.sources.filter((s) => s.type === 'icp').map((s) => s.id);
    if (!icpIds.includes(icp)) {
      const guess = nearest(icp, icpIds);
      const known = icpIds.join(', ') || 'none yet (create one with npm run new -- icp "Name")';
      throw new UsageError(
        `ICP "${icp}" does not exist.${guess ? ` Did you mean "${guess}"?` : ''} Known ICPs: ${known}.`,
      );
    }
  } else if (icp !== undefined) {
    throw new UsageError('--icp only applies to a persona.');
  }
  const file = scaffold({ type, name: options.name, today: options.today, icp, owner: options.owner });
  const target = join(playbook.dir, file.path);
  const shown = relative(process.cwd(), target);
  if (existsSync(target)) {
    warn(`${shown} already exists; nothing was written. Pick another name or edit the existing file.`);
    return EXIT_FINDINGS;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.text, { flag: 'wx' });
  say(`Created ${shown}\nFill in the TODO values, then run: npm run lint`);
  return EXIT_OK;
}
