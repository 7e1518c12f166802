/**
 * remark's settings, read by the remark extension for VS Code (unifiedjs.vscode-remark): the frontmatter of
 * every content file is checked as you type against the JSON Schema of its type, which `npm run schemas`
 * (or `npm run build`) writes from src/schema into dist/schemas/. The draft 07 copies are used because the
 * plugin validates with draft 07 only. A schema sees one file: references between files, orphaned personas
 * and DMU coverage are `npm run lint`'s job.
 *
 * The folders follow the default `content_path: content`; a playbook elsewhere changes the globs (and
 * `files.associations` in .vscode/settings.json) to match.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

const SCHEMAS = 'dist/schemas/draft-07';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      [
        'error',
        {
          schemas: {
            [`${SCHEMAS}/icp.schema.json`]: ['content/icps/**/*.mdx'],
            [`${SCHEMAS}/persona.schema.json`]: ['content/personas/**/*.mdx'],
            [`${SCHEMAS}/term.schema.json`]: ['content/glossary/**/*.mdx'],
            [`${SCHEMAS}/guide.schema.json`]: ['content/guides/**/*.mdx'],
          },
        },
      ],
    ],
  ],
};
