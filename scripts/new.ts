import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { scaffold, slugify, type ScaffoldType } from '../src/core/change/scaffold.ts';
import { nearest } from '../src/core/graph/suggest.ts';
import { loadPlaybook, resolveToday } from '../src/loader/index.ts';
import { ownerSchema } from '../src/schema/index.ts';
import { EXIT_FINDINGS, EXIT_OK, isoDateOption, main, parse, UsageError } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run new -- icp|persona|term "Name" [--icp ID] [--owner @team] [--content DIR]

Creates content/<type folder>/<id>.mdx with every required field, the id derived from the name.
A persona needs --icp with the id of the ICP it belongs to.
Exit codes: 0 created, 1 the file exists already, 2 bad usage.`;

const TYPES: ScaffoldType[] = ['icp', 'persona', 'term'];

await main(USAGE, () => {
  const { values, positionals } = parse({
    icp: { type: 'string' },
    owner: { type: 'string' },
    content: { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const [type, name, extra] = positionals as [ScaffoldType | undefined, string | undefined, string | undefined];
  if (!type || !TYPES.includes(type)) throw new UsageError(`The first argument must be one of ${TYPES.join(', ')}${type ? `, got "${type}"` : ''}.`);
  if (!name || !slugify(name)) throw new UsageError(`Give the ${type}'s name in quotes, e.g. npm run new -- ${type} "Analytics Alex".`);
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}". Put a name with spaces in quotes.`);
  if (values.owner !== undefined && !ownerSchema.safeParse(values.owner).success) {
    throw new UsageError(`--owner must be a GitHub user or team such as @jane or @acme/revops, got "${values.owner}".`);
  }
  const playbook = loadPlaybook({ content: values.content });
  if (type === 'persona') {
    if (!values.icp) throw new UsageError('A persona belongs to an ICP: add --icp ID (the file name of an ICP in icps/, without .mdx).');
    const icpIds = playbook.sources.filter((s) => s.type === 'icp').map((s) => s.id);
    if (!icpIds.includes(values.icp)) {
      const guess = nearest(values.icp, icpIds);
      throw new UsageError(`ICP "${values.icp}" does not exist.${guess ? ` Did you mean "${guess}"?` : ''} Known ICPs: ${icpIds.join(', ') || 'none yet (create one with npm run new -- icp "Name")'}.`);
    }
  } else if (values.icp !== undefined) {
    throw new UsageError('--icp only applies to a persona.');
  }
  const today = isoDateOption(values.today, '--today') ?? resolveToday();
  const file = scaffold({ type, name, today, icp: values.icp, owner: values.owner });
  const target = join(playbook.dir, file.path);
  const shown = relative(process.cwd(), target);
  if (existsSync(target)) {
    process.stderr.write(`${shown} already exists; nothing was written. Pick another name or edit the existing file.\n`);
    return EXIT_FINDINGS;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.text, { flag: 'wx' });
  process.stdout.write(`Created ${shown}\nFill in the TODO values, then run: npm run lint\n`);
  return EXIT_OK;
});
