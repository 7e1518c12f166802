/**
 * The playbook as plain text for AI assistants (DESIGN §11), after the llms.txt convention:
 * `llms.txt` is the title, a `>` summary and one link line per non-retired ICP, persona, glossary
 * term and guide; `llms-full.txt` holds every non-retired ICP and persona as readable Markdown (its
 * fields as headed lists, then its body). Text only: no HTML, nothing from a body runs or renders.
 * Computed from the site model the pages use; a draft's name ends in " (draft)".
 */
import type { Nodes, Root } from 'mdast';
import type { Config } from '../../schema/index.ts';
import { CROSS_LINK } from '../parse/body.ts';
import type { CriterionView } from '../views/format.ts';
import type { IcpPage, PersonaPage, Ref, SiteModel } from '../views/model.ts';
import { countEntries, DMU_LABELS, TYPE_WORDS } from '../words.ts';
import { publicUrl, reviewStatus } from './api.ts';

/** Where the two files are written, under the output folder. */
export const LLMS_FILE = 'llms.txt';
export const LLMS_FULL_FILE = 'llms-full.txt';

/** `<` escaped, so that text from the content can never start an HTML tag where Markdown is rendered. */
const noTags = (text: string) => text.replace(/</g, '\\<');

/** One line of text: whitespace runs (newlines included) become one space; no tags. */
const line = (text: string) => noTags(text.replace(/\s+/g, ' ').trim());

/** Text for a Markdown link's label: brackets escaped so it cannot close the link early. */
const label = (text: string) =>
  noTags(
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[[\]\\]/g, '\\$&'),
  );

/** A link destination, in angle brackets when it holds characters a bare one cannot. */
const destination = (url: string) => (/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURI)}>` : url);

const nameOf = (ref: Pick<Ref, 'name' | 'status'>) =>
  ref.status === 'draft' ? `${ref.name} (draft)` : ref.name;

function summaryOf(model: SiteModel): string {
  return (
    model.description ??
    `The go-to-market playbook: ${countEntries(model.counts.icps, 'icp')} (which companies to pursue), ${countEntries(model.counts.personas, 'persona')} (who decides inside them and how to engage them), a glossary and guides.`
  );
}

/** `llms.txt`: the title, a summary, then one `- [name](url): text` line per entry, by section. */
export function llmsTxt(model: SiteModel, config: Config): string {
  const url = (path: string) => destination(publicUrl(config, path));
  const item = (name: string, path: string, text?: string) =>
    `- [${label(name)}](${url(path)})${text ? `: ${line(text)}` : ''}`;
  const out = [`# ${line(model.title)}`, '', `> ${line(summaryOf(model))}`, ''];
  out.push(
    `ICPs describe the companies to pursue; buyer personas the people who decide inside them. Drafts are marked "(draft)". The full text of every ICP and persona is in [${LLMS_FULL_FILE}](${url(`/${LLMS_FULL_FILE}`)}).`,
  );
  const section = (title: string, items: string[]) => {
    if (items.length > 0) out.push('', `## ${title}`, '', ...items);
  };
  section(
    'ICPs',
    model.icps.map((c) => item(nameOf(c), c.url, c.summary)),
  );
  section(
    'Personas',
    model.personas.map((c) => item(nameOf(c), c.url, c.role)),
  );
  section(
    'Glossary',
    model.glossary.flatMap((g) => g.terms.map((t) => item(t.name, t.url, t.short))),
  );
  section(
    'Guides',
    model.guides.map((g) => item(g.name, g.url, g.description)),
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// llms-full.txt

/** Writes headed lists, as blocks separated by one blank line; empty lists and missing values are left out. */
class Doc {
  readonly blocks: string[] = [];
  heading(depth: number, text: string) {
    this.blocks.push(`${'#'.repeat(depth)} ${line(text)}`);
  }
  /** `- Label: value` facts under no heading, for short scalar fields. */
  facts(items: [string, string | number | undefined][]) {
    const present = items.filter(([, v]) => v !== undefined && v !== '');
    if (present.length) this.blocks.push(present.map(([k, v]) => `- ${k}: ${line(String(v))}`).join('\n'));
  }
  list(title: string, items: readonly string[] | undefined) {
    if (!items || items.length === 0) return;
    this.heading(4, title);
    this.blocks.push(items.map((i) => `- ${line(i)}`).join('\n'));
  }
  text(markdown: string) {
    if (markdown.trim()) this.blocks.push(markdown.trim());
  }
  /** The blocks as text, ending in a newline. */
  toString() {
    return `${this.blocks.join('\n\n')}\n`;
  }
}

const criterion = (c: CriterionView) => (c.condition ? `${c.label} (${c.condition})` : c.label);

function icpText(doc: Doc, page: IcpPage, config: Config, body: BodyWriter) {
  const { card } = page;
  const d = page.entry.data;
  doc.heading(3, `${nameOf(card)}`);
  doc.facts([
    ['Type', TYPE_WORDS.icp.title],
    ['URL', publicUrl(config, card.url)],
    ['Summary', d.summary],
    ['Segment', d.segment],
    ['Status', d.status],
    ['Owners', d.owners.join(', ')],
    [
      'Last reviewed',
      `${card.review.lastReviewed} (review due ${card.review.due}, ${reviewStatus(card.review)})`,
    ],
    ['Tags', d.tags?.join(', ')],
  ]);
  doc.heading(4, 'Firmographics');
  doc.facts([
    ['Industries', d.firmographics.industries.join(', ')],
    ['Regions', d.firmographics.regions.join(', ')],
    ['Employees', page.employees],
    ['Annual revenue', page.revenue],
    ['Growth stages', page.growthStages.join(', ')],
  ]);
  doc.list('Technographics: uses', d.technographics?.uses);
  doc.list('Technographics: avoids', d.technographics?.avoids);
  doc.list('Pains', d.pains);
  doc.list('Buying signals', d.signals);
  doc.list('Must-haves (all must hold)', page.mustHaves.map(criterion));
  doc.list('Deal-breakers (any one disqualifies)', page.dealBreakers.map(criterion));
  if (page.scoring) {
    doc.list(
      `Fit scoring (threshold ${page.scoring.threshold} of 100)`,
      page.scoring.rules.map(
        (r) => `${r.label} (${r.condition}): weight ${r.weight}, ${r.share}% of the score`,
      ),
    );
  }
  if (page.market) {
    const rows = page.market.measures.flatMap((m) =>
      m.rows.map((r) => `${m.name}, ${r.abbr}: ${r.display}${r.share ? ` (${r.share})` : ''}`),
    );
    const source = [page.market.source, page.market.asOf && `as of ${page.market.asOf}`].filter(Boolean);
    doc.list(`Market size${source.length ? ` (${source.join(', ')})` : ''}`, rows);
  }
  doc.list(
    'Personas',
    page.personas.map((p) => `${nameOf(p)}: ${p.role} (${p.dmuRoles.join(', ')})`),
  );
  if (page.gaps.length) doc.list('DMU gaps (required roles no persona covers)', page.gaps);
  doc.text(body(page.entry.body.tree, 4));
}

function personaText(doc: Doc, page: PersonaPage, config: Config, body: BodyWriter) {
  const { card } = page;
  const d = page.entry.data;
  doc.heading(3, `${nameOf(card)}`);
  doc.facts([
    ['Type', TYPE_WORDS.persona.title],
    ['URL', publicUrl(config, card.url)],
    ['Role', d.role],
    ['Seniority', card.seniority],
    ['Department', d.department],
    ['DMU roles', d.dmu_roles.map((r) => DMU_LABELS[r]).join(', ')],
    ['ICPs', card.icps.map(nameOf).join(', ')],
    ['Quote', d.quote && `"${d.quote}"`],
    ['Status', d.status],
    ['Owners', d.owners.join(', ')],
    [
      'Last reviewed',
      `${card.review.lastReviewed} (review due ${card.review.due}, ${reviewStatus(card.review)})`,
    ],
    ['Tags', d.tags?.join(', ')],
  ]);
  doc.list('Goals', d.goals);
  doc.list('Pains', d.pains);
  doc.list('Objections', d.objections);
  doc.list('Buying criteria', d.buying_criteria);
  doc.list('Channels', d.channels);
  doc.list('Content preferences', d.content_preferences);
  doc.list('Success metrics', d.success_metrics);
  const m = d.messaging;
  if (m) {
    doc.list('Messaging: value proposition', m.value_proposition ? [m.value_proposition] : undefined);
    doc.list('Messaging: key messages', m.key_messages);
    doc.list('Messaging: avoid', m.avoid);
  }
  const e = d.evidence;
  if (e) {
    const facts = [
      e.interviews !== undefined && `${e.interviews} interviews`,
      e.surveys !== undefined && `${e.surveys} survey responses`,
      e.last_interview && `last interview ${e.last_interview}`,
      ...(e.sources ?? []).map((s) => `Source: ${s}`),
    ].filter((x): x is string => Boolean(x));
    doc.list('Evidence', facts);
  }
  const g = d.demographics;
  if (g) {
    const facts = [
      g.age_range && `Age: ${g.age_range}`,
      g.location && `Location: ${g.location}`,
      g.education && `Education: ${g.education}`,
    ].filter((x): x is string => Boolean(x));
    doc.list('Demographics', facts);
  }
  doc.text(body(page.entry.body.tree, 4));
}

/**
 * `llms-full.txt` in pieces (the title, then one piece per section heading and per entry), so that a
 * large playbook can be written without holding the whole text at once.
 */
export function* llmsFullChunks(model: SiteModel, config: Config): Generator<string> {
  const body = bodyWriter(model, config);
  const piece = (write: (doc: Doc) => void) => {
    const doc = new Doc();
    write(doc);
    return doc.toString();
  };
  yield piece((doc) => doc.blocks.push(`# ${line(model.title)}`, `> ${line(summaryOf(model))}`));
  if (model.icps.length) {
    yield `\n${piece((doc) => {
      doc.heading(2, 'ICPs');
      doc.text('Ideal customer profiles: which companies to pursue.');
    })}`;
    for (const c of model.icps)
      yield `\n${piece((doc) => icpText(doc, model.icpPages.get(c.id)!, config, body))}`;
  }
  if (model.personas.length) {
    yield `\n${piece((doc) => {
      doc.heading(2, 'Personas');
      doc.text('Buyer personas: who decides inside those companies, and how to engage them.');
    })}`;
    for (const c of model.personas)
      yield `\n${piece((doc) => personaText(doc, model.personaPages.get(c.id)!, config, body))}`;
  }
}

/** `llms-full.txt`: every non-retired ICP and persona as Markdown. */
export function llmsFullTxt(model: SiteModel, config: Config): string {
  return [...llmsFullChunks(model, config)].join('');
}

// ---------------------------------------------------------------------------------------------
// Bodies as Markdown text

/** A body tree as Markdown whose top headings are `depth` deep. */
type BodyWriter = (tree: Root | undefined, depth: number) => string;

/**
 * Writes a body's syntax tree back as plain Markdown: cross-links become links to their targets,
 * site addresses become absolute ones when `site_url` is set, components and HTML elements keep
 * only their text, and nothing else from the body (raw HTML, expressions) is written.
 */
function bodyWriter(model: SiteModel, config: Config): BodyWriter {
  const refs = new Map<string, Ref[]>();
  const add = (ref: Ref) => {
    const list = refs.get(ref.id);
    if (list) list.push(ref);
    else refs.set(ref.id, [ref]);
  };
  for (const p of model.icpPages.values()) add(p.card);
  for (const p of model.personaPages.values()) add(p.card);
  for (const g of model.glossary) for (const t of g.terms) add(t);
  for (const g of model.guides) add(g);
  const resolve = (kind: string | undefined, id: string) => {
    const candidates = (refs.get(id) ?? []).filter((r) => kind === undefined || r.type === kind);
    return candidates.length === 1 ? candidates[0] : undefined;
  };
  const href = (url: string) => destination(url.startsWith('/') ? publicUrl(config, url) : url);
  const text = (value: string) =>
    noTags(value).replace(CROSS_LINK, (raw, kind: string | undefined, id: string) => {
      const ref = resolve(kind, id);
      return ref ? `[${label(ref.name)}](${href(ref.url)})` : raw;
    });

  return (tree, depth) => {
    if (!tree) return '';
    let top = 6;
    const findTop = (n: Nodes) => {
      if (n.type === 'heading') top = Math.min(top, n.depth);
      if ('children' in n) for (const c of n.children as Nodes[]) findTop(c);
    };
    findTop(tree);
    const shift = depth - top;

    const inline = (nodes: readonly Nodes[]): string => nodes.map(phrasing).join('');
    function phrasing(n: Nodes): string {
      switch (n.type) {
        case 'text':
          return text(n.value);
        case 'emphasis':
          return `*${inline(n.children)}*`;
        case 'strong':
          return `**${inline(n.children)}**`;
        case 'delete':
          return `~~${inline(n.children)}~~`;
        case 'inlineCode':
          return `\`${n.value}\``;
        case 'break':
          return '\n';
        case 'link':
          return `[${inline(n.children)}](${href(n.url)})`;
        case 'image':
          return n.alt ? `[image: ${n.alt}]` : '';
        case 'footnoteReference':
          return `[^${n.identifier}]`;
        case 'linkReference':
        case 'imageReference':
          return 'children' in n ? inline(n.children as Nodes[]) : (n.alt ?? '');
        default:
          return 'children' in n ? inline(n.children as Nodes[]) : '';
      }
    }
    const blocks = (nodes: readonly Nodes[], indent = ''): string =>
      nodes
        .map((n) => block(n, indent))
        .filter((s) => s !== '')
        .join('\n\n');
    function block(n: Nodes, indent: string): string {
      const pad = (s: string) => s.replace(/\n/g, `\n${indent}`);
      switch (n.type) {
        case 'heading':
          return `${'#'.repeat(Math.min(6, Math.max(1, n.depth + shift)))} ${line(inline(n.children))}`;
        case 'paragraph':
          return pad(inline(n.children));
        case 'blockquote':
          return blocks(n.children, indent)
            .split('\n')
            .map((l) => `> ${l}`)
            .join(`\n${indent}`);
        case 'list':
          return n.children
            .map((item, i) => {
              const marker = n.ordered ? `${(n.start ?? 1) + i}.` : '-';
              const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
              const inner = blocks(item.children, `${indent}${' '.repeat(marker.length + 1)}`);
              return `${marker} ${check}${inner}`;
            })
            .join(`\n${indent}`);
        case 'code':
          return pad(`\`\`\`${n.lang ?? ''}\n${n.value}\n\`\`\``);
        case 'thematicBreak':
          return '---';
        case 'table': {
          const rows = n.children.map(
            (r) => `| ${r.children.map((c) => line(inline(c.children)).replace(/\|/g, '\\|')).join(' | ')} |`,
          );
          const width = n.children[0]?.children.length ?? 0;
          rows.splice(1, 0, `|${' --- |'.repeat(width)}`);
          return pad(rows.join('\n'));
        }
        case 'footnoteDefinition':
          return `[^${n.identifier}]: ${blocks(n.children, indent)}`;
        case 'html':
        case 'definition':
        case 'yaml':
          return '';
        default:
          if (!('children' in n)) return '';
          // Components and HTML elements: their content, as blocks or as one line of text.
          if (n.type === 'mdxJsxFlowElement') return blocks(n.children as Nodes[], indent);
          return pad(inline(n.children as Nodes[]));
      }
    }
    return blocks(tree.children);
  };
}
