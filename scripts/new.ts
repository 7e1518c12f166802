import type { ScaffoldType } from '../src/core/change/scaffold.ts';
import { slugify } from '../src/core/words.ts';
import { command, resolveToday, UsageError } from '../src/loader/cli.ts';
import { createEntry } from '../src/loader/scaffold.ts';
import { ownerSchema } from '../src/schema/index.ts';

const USAGE = `Usage: npm run new -- icp|persona|term "Name" [--icp ID] [--owner @team] [--content DIR]

Creates content/<type folder>/<id>.mdx with every required field, the id derived from the name.
A persona needs --icp with the id of the ICP it belongs to.
Exit codes: 0 created, 1 the file exists already, 2 bad usage.`;

const TYPES: ScaffoldType[] = ['icp', 'persona', 'term'];
const options = {
  icp: { type: 'string' },
  owner: { type: 'string' },
  content: { type: 'string' },
  today: { type: 'string' },
} as const;

await command({ usage: USAGE, options, positionals: true }, ({ values, positionals }) => {
  const [type, name, extra] = positionals as [
    ScaffoldType | undefined,
    string | undefined,
    string | undefined,
  ];
  if (!type || !TYPES.includes(type))
    throw new UsageError(
      `The first argument must be one of ${TYPES.join(', ')}${type ? `, got "${type}"` : ''}.`,
    );
  if (!name || !slugify(name))
    throw new UsageError(`Give the ${type}'s name in quotes, e.g. npm run new -- ${type} "Analytics Alex".`);
  if (extra !== undefined)
    throw new UsageError(`Unexpected argument "${extra}". Put a name with spaces in quotes.`);
  if (values.owner !== undefined && !ownerSchema.safeParse(values.owner).success) {
    throw new UsageError(
      `--owner must be a GitHub user or team such as @jane or @acme/revops, got "${values.owner}".`,
    );
  }
  const today = resolveToday(values.today);
  return createEntry({ type, name, today, icp: values.icp, owner: values.owner, content: values.content });
});
