import { buildSite } from '../src/loader/build.ts';
import { command, resolveToday } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run build -- [--content DIR] [--today YYYY-MM-DD] [--out DIR]

Lints the playbook (any error stops the build), renders the site with Astro and indexes it with Pagefind.
--out (or PLAYBOOK_OUT_DIR) sets the output folder; the default is dist/.
PLAYBOOK_PARSE_THREADS=N parses files the parse cache lacks in N processes (default 2 where there are two cores).`;

const options = { content: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' } } as const;

await command({ usage: USAGE, options }, ({ values }) =>
  buildSite({
    content: values.content,
    today: resolveToday(values.today),
    out: values.out,
    argv: process.argv.slice(1),
  }),
);
