/**
 * Lint: the real command in a child process over the whole graph. `runs` cold runs, each from an
 * empty parse cache (the cold figure is their median: one cold run moves by a fifth or more with the
 * machine's state), then `runs - 1` warm runs that reuse the last cold run's cache, as CI and
 * editors would.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, NODE, script } from './context.ts';
import { CORPUS_TODAY } from './corpus/generate.ts';
import { sec } from './format.ts';
import { type Measured, median, run } from './measure.ts';

export interface LintFigure {
  files: number;
  /** The last cold run, then the warm runs after it. */
  runsMs: number[];
  /** Every cold run, in order (absent in results of older versions: one cold run, `runsMs[0]`). */
  coldRunsMs?: number[];
  /** Median of the cold runs. */
  coldMs: number;
  /** Median of `runsMs`, the cold one included. */
  medianMs: number;
  msPerFile: number;
  coldMsPerFile: number;
}

export async function measureLint(b: Bench, files: number, corpus: string): Promise<LintFigure> {
  const cache = join(b.work, `cache-lint-${files}`);
  const args = [script(b, 'lint'), '--content', corpus, '--format', 'json', '--today', CORPUS_TODAY];
  const lint = async (which: string): Promise<number> => {
    const r = await run(NODE, args, { cwd: b.root, env: { ...b.env, PLAYBOOK_CACHE_DIR: cache } });
    expectClean(r, files);
    b.say(`lint ${files} files, ${which}: ${sec(r.ms)} (${(r.ms / files).toFixed(2)} ms per file)`);
    return r.ms;
  };
  const coldRunsMs: number[] = [];
  for (let i = 0; i < b.runs; i++) {
    rmSync(cache, { recursive: true, force: true });
    coldRunsMs.push(await lint(`cold run ${i + 1}/${b.runs} (empty parse cache)`));
  }
  const runsMs = [coldRunsMs.at(-1)!];
  for (let i = 1; i < b.runs; i++)
    runsMs.push(await lint(`warm run ${i}/${b.runs - 1} (parse cache filled)`));
  const perFile = (ms: number) => Number((ms / files).toFixed(3));
  const cold = median(coldRunsMs);
  const m = median(runsMs);
  return {
    files,
    runsMs: runsMs.map(Math.round),
    coldRunsMs: coldRunsMs.map(Math.round),
    coldMs: Math.round(cold),
    medianMs: Math.round(m),
    msPerFile: perFile(m),
    coldMsPerFile: perFile(cold),
  };
}

/** A generated corpus lints clean by design; anything else means the figures are of the wrong work. */
function expectClean(r: Measured, files: number): void {
  type Report = { summary: { errors: number; warnings: number } };
  const summary = r.code <= 1 ? (JSON.parse(r.stdout) as Report).summary : undefined;
  if (!summary || summary.errors || summary.warnings) {
    const output = r.stderr || r.stdout.slice(0, 2000);
    throw new Error(`lint of the ${files}-file corpus did not come out clean (exit ${r.code}): ${output}`);
  }
}
