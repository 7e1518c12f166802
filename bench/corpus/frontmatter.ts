/**
 * YAML for the corpus, written with the `yaml` package (the same library the linter parses with):
 * block style, one value per line however long, and short lists and maps of plain values on one
 * line as people write them (`tags: [ smb, fintech ]`, `employees: { min: 200, max: 1500 }`).
 * Keys whose value is `undefined` are left out.
 */
import { Document, isScalar, type Node, visit } from 'yaml';

/** The longest list or map (as JSON) that is still written on one line. */
const FLOW_MAX_CHARS = 80;

const short = (node: Node) => JSON.stringify(node.toJSON()).length <= FLOW_MAX_CHARS;

/** `data` as a YAML document; `comment` becomes a `#` line at the top. */
export function toYaml(data: object, comment?: string): string {
  // A list used twice (an ICP's industries) is written out twice, not as an alias (`*a1`).
  const doc = new Document(data, { aliasDuplicateObjects: false });
  if (comment) doc.commentBefore = ` ${comment}`;
  visit(doc, {
    Map(_, node) {
      const plain = node.items.every((pair) => isScalar(pair.value));
      if (node !== doc.contents && plain && short(node)) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every(isScalar) && short(node)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** A content file: frontmatter between `---` fences, then the Markdown body. */
export function mdxFile(frontmatter: object, body: string): string {
  return `---\n${toYaml(frontmatter)}---\n${body}`;
}
