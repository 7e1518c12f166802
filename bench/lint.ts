/**
 * Lint: the real command in a child process over the whole graph, `runs` times. The first run
 * starts with an empty parse cache (cold), the others reuse it (warm), as CI and editors would.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, NODE, script } from './context.ts';
import { CORPUS_TODAY } from './corpus/generate.ts';
import { sec } from './format.ts';
import { type Measured, median, run } from './measure.ts';

export interface LintFigure {
  files: number;
  runsMs: number[];
  coldMs: number;
  /** Median of all runs, the cold one included. */
  medianMs: number;
  msPerFile: number;
  coldMsPerFile: number;
}

export async function measureLint(b: Bench, files: number, corpus: string): Promise<LintFigure> {
  const cache = join(b.work, `cache-lint-${files}`);
  rmSync(cache, { recursive: true, force: true });
  const runsMs: number[] = [];
  for (let i = 0; i < b.runs; i++) {
    const args = [script(b, 'lint'), '--content', corpus, '--format', 'json', '--today', CORPUS_TODAY];
    const r = await run(NODE, args, { cwd: b.root, env: { ...b.env, PLAYBOOK_CACHE_DIR: cache } });
    expectClean(r, files);
    runsMs.push(r.ms);
    const which = `run ${i + 1}/${b.runs} (${i === 0 ? 'cold' : 'warm'} cache)`;
    b.say(`lint ${files} files, ${which}: ${sec(r.ms)} (${(r.ms / files).toFixed(2)} ms per file)`);
  }
  const m = median(runsMs);
  const perFile = (ms: number) => Number((ms / files).toFixed(3));
  return {
    files,
    runsMs: runsMs.map(Math.round),
    coldMs: Math.round(runsMs[0]!),
    medianMs: Math.round(m),
    msPerFile: perFile(m),
    coldMsPerFile: perFile(runsMs[0]!),
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
