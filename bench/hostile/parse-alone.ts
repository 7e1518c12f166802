/**
 * The parsers alone on one content file, with no pre-scan: what linting it cost before the bound
 * (DESIGN §12). `node bench/hostile/parse-alone.ts FILE` parses the body with the plugins of
 * src/core/parse/body.ts (remark-parse, remark-mdx, remark-gfm) and the frontmatter with the options
 * of src/core/parse/frontmatter.ts, and prints `{"bodyMs":…,"yamlMs":…}`. The parent runs it in a
 * child process so that a parse that would take hours can be stopped.
 */
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { splitFrontmatter } from '../../src/core/parse/frontmatter.ts';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

const parseYaml = (yaml: string) =>
  parseDocument(yaml, {
    lineCounter: new LineCounter(),
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    logLevel: 'error',
  });

/** Milliseconds `work` takes; a parse error counts as the end of the parse, as it does in lint. */
function time(work: () => unknown): number {
  const t = performance.now();
  try {
    work();
  } catch {
    // The parser gave up: its time until then is what it cost.
  }
  return performance.now() - t;
}

const [file] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node bench/hostile/parse-alone.ts FILE');
  process.exit(2);
}
const split = splitFrontmatter(readFileSync(file, 'utf8'));
if ('rule' in split) {
  console.error(`${file}: ${split.message}`);
  process.exit(2);
}
// A small parse first, so that loading and compiling the parsers is not counted.
time(() => processor.parse('# Warm\n\nSome *text* with a [link](x) and a | table |.\n'));
time(() => parseYaml('title: Warm\nlist: [a, b]\n'));
const yamlMs = time(() => parseYaml(split.yaml));
const bodyMs = time(() => processor.parse(split.body));
process.stdout.write(`${JSON.stringify({ bodyMs: Math.round(bodyMs), yamlMs: Math.round(yamlMs) })}\n`);
