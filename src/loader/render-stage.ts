/**
 * The build's two child processes (./build.ts). The model stage loads, parses and lints the playbook
 * (errors stop the build here), computes the site model and saves it, v8-serialised, to a file; the
 * render stage reads it back and renders the pages with Astro. Parsing leaves the model stage's heap
 * several times larger than the model it keeps, and that memory goes back to the system when the
 * process exits, so Astro starts with only the model (≈ 60 MB at 5,000 pages; BENCHMARKS.md).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Root } from 'mdast';
import type { SiteHistory } from '../core/change/history.ts';
import type { Graph } from '../core/graph/graph.ts';
import { formatPretty } from '../core/lint/format/pretty.ts';
import { createRenderer } from '../core/render/render.ts';
import { compactForSite, createSiteData, type SiteData } from '../core/views/site.ts';
import type { Stage } from './build.ts';
import { EXIT_FINDINGS, EXIT_OK, say, warn } from './cli.ts';
import { frame, frameReader } from './frames.ts';
import { readSiteHistory } from './git.ts';
import { writeOutputs } from './outputs.ts';
import { runPipeline } from './pipeline.ts';

export interface StageOptions {
  content?: string;
  today: string;
  outDir: string;
  /** The project root (astro.config.mjs, src/pages). */
  root: string;
  /** Where the model stage saves the site model for the render stage. */
  siteFile: string;
  /** Prints one line per stage. */
  stage: Stage;
}

/** What the model stage hands over: everything of SiteData but the renderer, which is code. */
interface SavedSite {
  config: SiteData['config'];
  model: SiteData['model'];
  graph: Graph;
  history: SiteHistory;
}

/** Loads, parses and lints the playbook and saves the site model; returns the exit code. */
export async function modelStage(options: StageOptions): Promise<number> {
  const { stage } = options;
  const { playbook, entries, graph, diagnostics, summary } = await runPipeline({
    content: options.content,
    today: options.today,
    onNotice: warn,
    onStage: stage,
  });
  if (summary.errors > 0) {
    warn(
      formatPretty(diagnostics, summary, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }),
    );
    warn('Build stopped: fix the errors above (npm run lint shows them too). Nothing was published.');
    return EXIT_FINDINGS;
  }
  if (summary.warnings > 0) say(`${formatPretty(diagnostics, summary)}\n`);
  const history = readSiteHistory(playbook.dir, graph, playbook.config);
  stage('history', history.available ? `${history.pages.size} pages` : history.reason);
  compactForSite(entries);
  const { config, model } = createSiteData({
    graph,
    config: playbook.config,
    today: options.today,
    diagnostics,
  });
  const bytes = saveSite(options.siteFile, { config, model, graph, history });
  stage('model', `${(bytes / 1e6).toFixed(1)} MB handed to the render stage`);
  return EXIT_OK;
}

/** Syntax trees per chunk of the site file. */
const TREES_PER_CHUNK = 500;

/**
 * Writes the site to `file`: the model and the graph in one serialisation, which keeps the objects
 * they share shared when read back, without the body trees; then the trees, in the graph's entry
 * order, in chunks. The trees are most of the bytes, and one serialisation of everything would hold
 * the whole output twice over while its buffer grows. Returns the bytes written.
 */
function saveSite(file: string, site: SavedSite): number {
  const entries = site.graph.entries;
  const trees = entries.map((e) => e.body.tree);
  for (const e of entries) e.body.tree = undefined;
  const fd = openSync(file, 'w');
  let written = 0;
  const put = (bytes: Uint8Array) => {
    for (const part of frame(bytes)) written += writeSync(fd, part);
  };
  try {
    put(serialize(site));
    for (let i = 0; i < trees.length; i += TREES_PER_CHUNK)
      put(serialize(trees.slice(i, i + TREES_PER_CHUNK)));
  } finally {
    closeSync(fd);
    entries.forEach((e, i) => {
      e.body.tree = trees[i];
    });
  }
  return written;
}

/** Reads what saveSite wrote. */
function readSite(file: string): SavedSite {
  const values: unknown[] = [];
  frameReader((bytes) => values.push(deserialize(bytes)))(readFileSync(file));
  const [site, ...chunks] = values as [SavedSite, ...(Root | undefined)[][]];
  chunks.flat().forEach((tree, i) => {
    site.graph.entries[i]!.body.tree = tree;
  });
  return site;
}

/** Reads the saved site model, renders the pages with Astro and writes the data files; returns the exit code. */
export async function renderStage(options: StageOptions): Promise<number> {
  const { stage, outDir } = options;
  const saved = readSite(options.siteFile);
  const site: SiteData = {
    config: saved.config,
    model: saved.model,
    renderer: createRenderer(saved.graph, saved.config),
    history: saved.history,
  };
  stage('read');
  const { renderSite } = await import('../astro/build.ts');
  const logLevel = (process.env.PLAYBOOK_ASTRO_LOG as 'info' | undefined) ?? 'warn';
  await renderSite(site, { root: options.root, outDir, logLevel });
  stage('astro', `pages written to ${outDir}`);
  stage('data', writeOutputs(site, outDir));
  return EXIT_OK;
}
