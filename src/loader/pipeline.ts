/**
 * The one content pipeline every command and `astro dev` use: load the content folder → parse each
 * file once (from the parse cache, else in parse processes) → lint the whole graph. Commands that
 * only need the graph (score, codeowners) skip the rules with `lint: false`.
 */
import { buildGraph, type Graph } from '../core/graph/graph.ts';
import { type LintSummary, lintEntries } from '../core/lint/engine.ts';
import type { Entry } from '../core/parse/entry.ts';
import type { Diagnostic } from '../core/types.ts';
import type { EntryType } from '../schema/index.ts';
import { parseSourcesWith } from './cache.ts';
import { resolveToday } from './cli.ts';
import { type LoadedPlaybook, type LoadOptions, loadPlaybook } from './index.ts';
import { DEFAULT_THREADS, parseAll } from './workers.ts';

export interface PipelineOptions extends LoadOptions {
  /** `YYYY-MM-DD`, for the date rules (default: `PLAYBOOK_TODAY`, else the clock's date, UTC). */
  today?: string;
  /** Run the lint rules (default true); without them the diagnostics are empty. */
  lint?: boolean;
  /** Only these entry types are parsed (the others are not read into the graph). */
  types?: readonly EntryType[];
  /** Called with each notice of the loader (a skipped folder) as soon as the folder is read. */
  onNotice?: (notice: string) => void;
  /** Called after each stage with its name and a detail line, for progress output. */
  onStage?: (stage: 'load' | 'parse' | 'lint', detail: string) => void;
}

export interface PipelineResult {
  playbook: LoadedPlaybook;
  entries: Entry[];
  graph: Graph;
  diagnostics: Diagnostic[];
  summary: LintSummary;
  /** How many files came from the parse cache. */
  cached: number;
}

/** Processes for parse-cache misses: `PLAYBOOK_PARSE_THREADS`, else two where there are two cores. */
export function parseThreads(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.PLAYBOOK_PARSE_THREADS);
  return Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_THREADS;
}

/** Loads, parses and (unless `lint: false`) lints a playbook. Throws ConfigError for a bad folder or config. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const playbook = loadPlaybook(options);
  if (options.onNotice) for (const notice of playbook.notices) options.onNotice(notice);
  options.onStage?.('load', `${playbook.sources.length} files from ${playbook.dir}`);
  const sources = options.types
    ? playbook.sources.filter((source) => options.types?.includes(source.type))
    : playbook.sources;
  const threads = parseThreads(options.env);
  const { entries, cached } = await parseSourcesWith(sources, (misses, cacheDir) =>
    parseAll(misses, { threads, cacheDir, dir: playbook.dir }),
  );
  options.onStage?.('parse', cached ? `${cached} of ${entries.length} from the parse cache` : '');
  if (options.lint === false) {
    const summary = { files: entries.length, errors: 0, warnings: 0 };
    return { playbook, entries, graph: buildGraph(entries), diagnostics: [], summary, cached };
  }
  const { diagnostics, summary, graph } = lintEntries(entries, {
    config: playbook.config,
    today: options.today ?? resolveToday(undefined, options.env),
  });
  options.onStage?.('lint', `${summary.errors} errors, ${summary.warnings} warnings`);
  return { playbook, entries, graph, diagnostics, summary, cached };
}
