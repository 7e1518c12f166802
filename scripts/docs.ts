import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateReadme } from '../src/core/lint/format/rules-doc.ts';
import { RULES } from '../src/core/lint/rules/index.ts';
import { command, EXIT_FINDINGS, EXIT_OK, say, warn } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run docs -- [--check]

Regenerates the lint rule reference in README.md from the rule modules.
  --check   change nothing; exit 1 when the reference is out of date.`;

await command({ usage: USAGE, options: { check: { type: 'boolean', default: false } } }, ({ values }) => {
  const path = join(import.meta.dirname, '..', 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = updateReadme(before, RULES);
  if (values.check) {
    if (before === after) return EXIT_OK;
    warn('README.md rule reference is out of date: run npm run docs');
    return EXIT_FINDINGS;
  }
  writeFileSync(path, after);
  say(`README.md: documented ${RULES.length} rules`);
  return EXIT_OK;
});
