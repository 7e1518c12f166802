/** Our build (lint + Astro + Pagefind), cold, into a fresh folder; and Pagefind alone on its output. */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, NODE, script } from './context.ts';
import { CORPUS_TODAY } from './corpus/generate.ts';
import { mib, programs, sec } from './format.ts';
import { run } from './measure.ts';
import type { PageWeight } from './weight.ts';

export interface BuildFigure {
  pages: number;
  htmlFiles: number;
  wallMs: number;
  peakRssBytes: number;
  peakByProgram: Record<string, number>;
  /** Our build's own stage timings (load, parse, lint, model, astro, pagefind). */
  phasesMs?: Record<string, number>;
  personaPage?: PageWeight;
}

/** Builds the corpus with `scripts/build.ts`, empty parse cache; returns the figure and the output folder. */
export async function buildOurs(b: Bench, pages: number, corpus: string) {
  const dist = join(b.work, `out-ours-${pages}`);
  const cache = join(b.work, `cache-build-${pages}`);
  rmSync(dist, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  b.say(`build (ours) ${pages} pages…`);
  const phasesMs: Record<string, number> = {};
  const args = [script(b, 'build'), '--content', corpus, '--out', dist, '--today', CORPUS_TODAY];
  const r = await run(NODE, args, {
    cwd: b.root,
    env: { ...b.env, PLAYBOOK_CACHE_DIR: cache },
    onLine: (line) => {
      const m = /^\s+(\w+)\s+([\d.]+) s\b/.exec(line);
      if (m) {
        phasesMs[m[1]!] = Math.round(Number(m[2]) * 1000);
        b.say(`  ${line.trim()}`);
      }
    },
  });
  if (r.code !== 0) {
    throw new Error(`our build of ${pages} pages failed (exit ${r.code}):\n${r.stderr.slice(-4000)}`);
  }
  const figure: BuildFigure = {
    pages,
    htmlFiles: countHtml(dist),
    wallMs: Math.round(r.ms),
    peakRssBytes: r.peakRssBytes,
    peakByProgram: r.peakByProgram,
    phasesMs,
  };
  const memory = `peak RSS ${mib(r.peakRssBytes)} (${programs(r.peakByProgram)})`;
  b.say(`build (ours) ${pages} pages: ${sec(r.ms)}, ${memory}, ${figure.htmlFiles} HTML files`);
  return { figure, dist };
}

/** The Pagefind CLI on its own over a built site, to tell its memory from the rest of the build. */
export async function pagefindAlone(b: Bench, dist: string, pages: number) {
  const bin = join(b.root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
  const out = join(b.work, 'pagefind-alone');
  const args = [bin, '--site', dist, '--output-path', out, '--force-language', 'en'];
  const r = await run(NODE, args, { cwd: b.root, env: b.env });
  if (r.code !== 0) return undefined;
  b.say(`pagefind CLI alone on ${pages} pages: ${sec(r.ms)}, peak RSS ${mib(r.peakRssBytes)}`);
  return { wallMs: Math.round(r.ms), peakRssBytes: r.peakRssBytes };
}

export function countHtml(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}
