import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateReadme } from '../src/core/lint/format/rules-doc.ts';
import { RULES } from '../src/core/lint/rules/index.ts';

// Regenerates the lint rule reference in README.md from the rule modules.
const path = join(import.meta.dirname, '..', 'README.md');
const before = readFileSync(path, 'utf8');
const after = updateReadme(before, RULES);
if (process.argv.includes('--check')) {
  if (before !== after) {
    process.stderr.write('README.md rule reference is out of date: run npm run docs\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(path, after);
  process.stdout.write(`README.md: documented ${RULES.length} rules\n`);
}
