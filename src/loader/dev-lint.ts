/**
 * Lint on every change under `npm run dev`: the dev server's file watcher hands over the content files
 * that changed, the one pipeline runs again (parse cache, so only those files are parsed), and the
 * terminal gets the changed files' findings in the format of `npm run lint`, then what the change broke
 * elsewhere (a removed ICP leaves its personas pointing nowhere), then the playbook's totals.
 */
import { relative, resolve, sep } from 'node:path';
import { formatPretty } from '../core/lint/format/pretty.ts';
import type { Diagnostic } from '../core/types.ts';
import { count } from '../core/words.ts';
import { TYPE_FOLDERS } from '../schema/index.ts';
import { resolveToday } from './cli.ts';
import { resolveContentDir } from './index.ts';
import { runPipeline } from './pipeline.ts';

type Env = Record<string, string | undefined>;

export interface DevLintOptions {
  content?: string;
  env?: Env;
  cwd?: string;
  /** ANSI colours in the findings (default: when standard output is a terminal and NO_COLOR is unset). */
  color?: boolean;
}

export interface DevLint {
  /** The content folder being watched. */
  contentDir: string;
  /** Whether a path the watcher reports is a content file lint reads (`*.mdx` in a type folder, `playbook.yaml`). */
  watches: (path: string) => boolean;
  /** The first run: one line with the playbook's totals. */
  start: () => Promise<string>;
  /** Lints again after `paths` changed (absolute or relative to the working directory); the report for the terminal. */
  changed: (paths: string[]) => Promise<string>;
}

const FOLDERS = new Set(Object.values(TYPE_FOLDERS));
const keyOf = (d: Diagnostic) => `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;

export function createDevLint(options: DevLintOptions = {}): DevLint {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const contentDir = resolveContentDir({ content: options.content, env, cwd });
  const color = options.color ?? (Boolean(process.stdout.isTTY) && !env.NO_COLOR);
  let previous = new Set<string>();
  // One run at a time, in order: a save during a run is linted right after it.
  let queue: Promise<unknown> = Promise.resolve();

  const lint = () => runPipeline({ content: options.content, env, cwd, today: resolveToday(undefined, env) });

  const totals = (summary: { files: number; errors: number; warnings: number }) =>
    summary.errors || summary.warnings
      ? `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${count(summary.files, 'file')} (npm run lint lists them; each shows on its page in dev)`
      : `${count(summary.files, 'file')}, no problems`;

  const watches = (path: string) => {
    const rel = relative(contentDir, resolve(cwd, path)).split(sep).join('/');
    if (rel.startsWith('../') || rel === '..' || rel === '') return false;
    const [folder, name, ...deeper] = rel.split('/');
    if (rel === 'playbook.yaml') return true;
    return FOLDERS.has(folder ?? '') && deeper.length === 0 && /^[^.][^/]*\.mdx$/.test(name ?? '');
  };

  const start = () => {
    const run = queue.then(async () => {
      try {
        const { diagnostics, summary } = await lint();
        previous = new Set(diagnostics.map(keyOf));
        return `lint: ${totals(summary)}`;
      } catch (error) {
        return `lint: ${(error as Error).message}`;
      }
    });
    queue = run;
    return run;
  };

  const changed = (paths: string[]) => {
    const run = queue.then(async () => {
      const files = [...new Set(paths.map((p) => resolve(cwd, p)))].sort();
      const shown = files.map((f) => relative(cwd, f).split(sep).join('/'));
      const head = `changed: ${shown.join(', ')}`;
      let result: Awaited<ReturnType<typeof lint>>;
      try {
        result = await lint();
      } catch (error) {
        return `${head}\n${(error as Error).message}`;
      }
      const { diagnostics, summary } = result;
      const inChanged = (d: Diagnostic) => files.includes(resolve(cwd, d.file));
      const own = diagnostics.filter(inChanged);
      const elsewhere = diagnostics.filter((d) => !inChanged(d) && !previous.has(keyOf(d)));
      previous = new Set(diagnostics.map(keyOf));
      const out = [head, formatPretty(own, summaryOf(own, files.length), { color })];
      if (elsewhere.length) {
        const others = new Set(elsewhere.map((d) => d.file)).size;
        out.push('New in other files after this change:');
        out.push(formatPretty(elsewhere, summaryOf(elsewhere, others), { color }));
      }
      out.push(`playbook: ${totals(summary)}`);
      return out.join('\n');
    });
    queue = run;
    return run;
  };

  return { contentDir, watches, start, changed };
}

function summaryOf(diagnostics: Diagnostic[], files: number) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { files, errors, warnings: diagnostics.length - errors };
}
