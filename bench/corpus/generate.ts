/**
 * A deterministic, seeded synthetic playbook for benchmarks: ICPs, personas and glossary terms
 * with realistic frontmatter and 400–600-word bodies, forming a graph that lints clean under
 * the default `playbook.yaml` settings on the pinned date. Pure: it returns file texts keyed
 * by path (relative to the content folder) and never touches the file system.
 *
 * The mix is about 72% personas, 18% ICPs and 10% glossary terms. Personas outnumber ICPs by at
 * most four to one so that every ICP stays inside the default `personas_per_icp: [2, 4]`, and
 * the first persona of every ICP is its economic buyer (`dmu-coverage`).
 *
 * The parts: `words.ts`, `roles.ts` and `terms.ts` hold the vocabulary; `icps.ts`, `personas.ts`
 * and `glossary.ts` make each type's entities and files (bodies in `icp-body.ts` and
 * `persona-body.ts`); `text.ts` holds the shared sentences and text functions; `frontmatter.ts`
 * writes the YAML; `rng.ts` is the seeded randomness.
 */
import { toYaml } from './frontmatter.ts';
import { makeTerms, termFile } from './glossary.ts';
import { icpFile, makeIcps } from './icps.ts';
import { makePersonas, personaFile } from './personas.ts';
import { Rng } from './rng.ts';

export { countWords } from './text.ts';

export interface CorpusOptions {
  /** Number of content files (ICPs + personas + glossary terms); `playbook.yaml` comes on top. At least 4. */
  files: number;
  /** Same seed, same bytes. Default 1. */
  seed?: number;
  /** The date lint runs with (`--today`); every date in the corpus lies in the 90 days before it. */
  today?: string;
}

export interface CorpusCounts {
  icps: number;
  personas: number;
  terms: number;
}

/** The pinned date the benchmark lints and builds with, and the default `today` of a corpus. */
export const CORPUS_TODAY = '2026-11-22';

/** How many files of each type a corpus of `files` files holds. */
export function corpusCounts(files: number): CorpusCounts {
  if (!Number.isInteger(files) || files < 4) {
    throw new RangeError(`A corpus needs at least 4 files, got ${files}.`);
  }
  const terms = Math.max(1, Math.round(files * 0.1));
  const rest = files - terms;
  const icps = Math.max(1, Math.ceil(rest / 5));
  return { icps, personas: rest - icps, terms };
}

/** Generates the corpus: `playbook.yaml` first, then `icps/…`, `personas/…` and `glossary/…` files. */
export function generateCorpus(options: CorpusOptions): Map<string, string> {
  const today = options.today ?? CORPUS_TODAY;
  const seed = options.seed ?? 1;
  const counts = corpusCounts(options.files);
  const rng = new Rng(seed);
  const terms = makeTerms(rng, counts.terms);
  const icps = makeIcps(rng, counts.icps);
  const personas = makePersonas(rng, counts.personas, icps);
  const out = new Map<string, string>();
  out.set('playbook.yaml', playbookYaml(seed, options.files));
  for (const icp of icps) out.set(`icps/${icp.id}.mdx`, icpFile(rng, icp, terms, today));
  for (const p of personas) out.set(`personas/${p.id}.mdx`, personaFile(rng, p, terms, today));
  for (const term of terms) out.set(`glossary/${term.id}.mdx`, termFile(rng, term, terms, icps));
  return out;
}

/** The configuration: the defaults, written out, so the corpus shows what it is linted against. */
function playbookYaml(seed: number, files: number): string {
  const config = {
    title: 'Benchmark GTM Playbook',
    description: `A generated playbook with ${files} ICPs, personas and glossary terms.`,
    site_url: 'https://playbook.example.com',
    repo_url: 'https://github.com/example/gtm-playbook',
    repo_branch: 'main',
    content_path: 'content',
    currency: 'USD',
    review_every_days: { icp: 90, persona: 90 },
    lint: {
      rules: {},
      min_must_haves: 3,
      min_deal_breakers: 2,
      min_interviews: 5,
      required_dmu_roles: ['economic-buyer'],
      personas_per_icp: [2, 4],
    },
    mdx: { components: [] },
  };
  return toYaml(config, `Synthetic playbook for benchmarks (seed ${seed}, ${files} files).`);
}
