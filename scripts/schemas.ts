import { resolve } from 'node:path';
import { writeEditorSchemas } from '../src/loader/admin.ts';
import { command, EXIT_OK, say } from '../src/loader/cli.ts';

const USAGE = `Usage: npm run schemas -- [--out DIR]

Writes the JSON Schemas of ICP, persona, glossary term, guide and playbook.yaml that code editors
validate frontmatter against, without building the site: DIR/schemas/<type>.schema.json (draft
2020-12) and DIR/schemas/draft-07/<type>.schema.json. \`npm run build\` writes the same files.
  --out DIR   the output folder (default: PLAYBOOK_OUT_DIR, else dist)`;

await command({ usage: USAGE, options: { out: { type: 'string' } } }, async ({ values }) => {
  const out = resolve(values.out || process.env.PLAYBOOK_OUT_DIR || 'dist');
  const written = await writeEditorSchemas(out);
  say(`Wrote ${written.length} editor schemas to ${out}/schemas.`);
  return EXIT_OK;
});
