/**
 * The build sizes, each `runs` times, ours and Starlight alternately (ours, Starlight, ours,
 * Starlight…), so that a slow spell on a shared machine falls on both rather than on one; every run
 * cold. Each size's figure is the median time and the highest peak memory of its runs.
 */
import { join } from 'node:path';
import { type BuildFigure, type BuildRun, buildOurs, combineRuns, runLabel } from './build.ts';
import type { Bench } from './context.ts';
import { generateCorpus } from './corpus/generate.ts';
import {
  buildStarlightOnce,
  ensureStarlight,
  type StarlightVersions,
  writeStarlightSite,
} from './starlight.ts';
import type { PageWeight } from './weight.ts';

export interface BuildSeries {
  ours: BuildFigure[];
  /** Each size's output folder, from its last run. */
  dists: Map<number, string>;
  starlight?: { versions: StarlightVersions; builds: BuildFigure[] };
}

export async function buildSizes(
  b: Bench,
  sizes: number[],
  corpora: Map<number, string>,
  options: { runs: number; starlight: boolean; adminCache?: string },
): Promise<BuildSeries> {
  const dir = join(b.work, 'starlight');
  const versions = options.starlight && sizes.length ? ensureStarlight(dir, b.say) : undefined;
  const ours: BuildFigure[] = [];
  const theirs: BuildFigure[] = [];
  const dists = new Map<number, string>();
  const largest = Math.max(...sizes);
  for (const pages of sizes) {
    if (versions) writeStarlightSite(dir, generateCorpus({ files: pages, seed: b.seed }));
    const mine: BuildRun[] = [];
    const other: BuildRun[] = [];
    let htmlFiles = { ours: 0, starlight: 0 };
    let personaPage: PageWeight | undefined;
    for (let i = 0; i < options.runs; i++) {
      const label = runLabel(i, options.runs);
      const built = await buildOurs(b, pages, corpora.get(pages)!, { label, adminCache: options.adminCache });
      mine.push(built.run);
      dists.set(pages, built.dist);
      htmlFiles = { ...htmlFiles, ours: built.htmlFiles };
      if (!versions) continue;
      const weigh = i === 0 && pages === largest;
      const s = await buildStarlightOnce(b, dir, pages, { label, weigh });
      other.push(s.run);
      htmlFiles = { ...htmlFiles, starlight: s.htmlFiles };
      personaPage ??= s.personaPage;
    }
    ours.push(combineRuns(pages, htmlFiles.ours, mine));
    if (versions) theirs.push({ ...combineRuns(pages, htmlFiles.starlight, other), personaPage });
  }
  return { ours, dists, starlight: versions && { versions, builds: theirs } };
}
