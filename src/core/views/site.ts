/** What the pages receive: the site model, a body renderer and the configuration, built once. */
import type { Config } from '../../schema/index.ts';
import type { SiteHistory } from '../change/history.ts';
import type { Graph } from '../graph/graph.ts';
import type { Entry } from '../parse/entry.ts';
import { createRenderer, type Renderer } from '../render/render.ts';
import type { Diagnostic } from '../types.ts';
import { buildSiteModel, type SiteModel } from './model.ts';

export interface SiteData {
  config: Config;
  model: SiteModel;
  renderer: Renderer;
  /** The last changes of each ICP and persona page, read from git by the build (absent under `astro dev`). */
  history?: SiteHistory;
}

export function createSiteData(input: {
  graph: Graph;
  config: Config;
  today: string;
  diagnostics?: Diagnostic[];
}): SiteData {
  return {
    config: input.config,
    model: buildSiteModel(input),
    renderer: createRenderer(input.graph, input.config),
  };
}

/**
 * Drops what only lint needs (source text, frontmatter positions, syntax-tree positions) so the
 * pages keep a smaller graph in memory while Astro renders. Call it after linting.
 */
export function compactForSite(entries: Entry[]): void {
  for (const e of entries) {
    e.text = undefined;
    e.raw = undefined;
    e.positions = new Map();
    e.body.text = '';
    if (e.body.tree) dropPositions(e.body.tree);
  }
}

function dropPositions(node: { position?: unknown; children?: unknown[] }): void {
  if (node.position) node.position = undefined;
  if (node.children) for (const child of node.children) dropPositions(child as typeof node);
}

export { type HistoryEntry, type PageHistory, pageHistory } from '../change/history.ts';
export { escapeHtml, jsonForScript, metaTag } from '../render/escape.ts';
export { editUrl, urlOf } from '../routes.ts';
export { DMU_LABELS, SENIORITY_LABELS, TYPE_WORDS } from '../words.ts';
export * from './model.ts';
export { REVIEW_LABELS, type Review } from './review.ts';
