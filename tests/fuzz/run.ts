/**
 * `npm run fuzz`: property-based fuzzing of every input the tool reads (targets.ts). The saved
 * failures under tests/fixtures/fuzz/ are replayed first; then each target gets its share of the
 * cases from one printed seed. A failure is shrunk by fast-check to a small case, printed, and (unless
 * told not to) saved as a fixture that every later run and the test suite replay.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { disposeTargets, TARGETS, type Target } from './targets.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'fuzz');

export interface FuzzOptions {
  /** Cases in all, shared among the targets by weight. */
  runs: number;
  seed: number;
  say: (line: string) => void;
  /** A case that takes longer than this (ms) is a failure too. */
  timeLimitMs?: number;
  /** Save shrunk failures under tests/fixtures/fuzz/ (default true). */
  save?: boolean;
}

/** A saved failure: which target, the case, and how it was found. */
export interface FuzzFixture {
  target: string;
  seed: number;
  path?: string;
  error: string;
  input: unknown;
}

const ms = (t: number) => (t < 1000 ? `${Math.round(t)} ms` : `${(t / 1000).toFixed(1)} s`);
const thousands = new Intl.NumberFormat('en-US');

/** Runs `target.check` on `input`, failing also when it takes longer than the limit. */
function checkTimed(target: Target<never>, input: unknown, limit: number | undefined) {
  const started = performance.now();
  target.check(input as never);
  const took = performance.now() - started;
  if (limit !== undefined && took > limit)
    throw new Error(`the case took ${ms(took)}, more than ${ms(limit)}`);
}

/** The saved failures, replayed: the messages of those that still fail. */
export function replayFixtures(timeLimitMs?: number): { replayed: number; failures: string[] } {
  let names: string[] = [];
  try {
    names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  } catch {
    return { replayed: 0, failures: [] };
  }
  const failures: string[] = [];
  for (const name of names.sort()) {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as FuzzFixture;
    const target = TARGETS.find((t) => t.name === fixture.target);
    if (!target) {
      failures.push(`${name}: no target "${fixture.target}"`);
      continue;
    }
    try {
      checkTimed(target, fixture.input, timeLimitMs);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { replayed: names.length, failures };
}

/** Fuzzes every target; returns 0 when every case held, 1 otherwise. */
export function runFuzz(options: FuzzOptions): number {
  try {
    return fuzzAll(options);
  } finally {
    disposeTargets();
  }
}

function fuzzAll(options: FuzzOptions): number {
  const { runs, seed, say, timeLimitMs } = options;
  const replay = replayFixtures(timeLimitMs);
  say(`Replayed ${replay.replayed} saved ${replay.replayed === 1 ? 'case' : 'cases'}.`);
  for (const failure of replay.failures) say(`✖ ${failure}`);
  const weights = TARGETS.reduce((sum, t) => sum + t.weight, 0);
  say(
    `Fuzzing ${thousands.format(runs)} cases with seed ${seed} (npm run fuzz -- --seed ${seed} repeats them).`,
  );
  let failed = replay.failures.length > 0;
  for (const [index, target] of TARGETS.entries()) {
    const numRuns = Math.max(1, Math.round((runs * target.weight) / weights));
    const started = performance.now();
    const property = fc.property(target.arbitrary, (input) => checkTimed(target, input, timeLimitMs));
    // Each target draws from its own seed, so adding a target leaves the others' cases as they were.
    const details = fc.check(property, { numRuns, seed: seed + index, endOnFailure: false });
    const took = ms(performance.now() - started);
    if (!details.failed) {
      say(`✔ ${target.name}: ${thousands.format(details.numRuns)} cases in ${took}`);
      continue;
    }
    failed = true;
    const error = String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance);
    const input = details.counterexample?.[0];
    say(`✖ ${target.name}: failed after ${details.numRuns} cases in ${took}: ${error.split('\n')[0]}`);
    say(`  shrunk case: ${JSON.stringify(input).slice(0, 500)}`);
    if (options.save !== false) {
      mkdirSync(FIXTURES, { recursive: true });
      const slug = target.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      const file = join(FIXTURES, `${slug}-${seed + index}.json`);
      const fixture: FuzzFixture = {
        target: target.name,
        seed: seed + index,
        path: details.counterexamplePath ?? undefined,
        error,
        input,
      };
      writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
      say(`  saved as ${relative(process.cwd(), file)}; every later run replays it.`);
    }
  }
  return failed ? 1 : 0;
}
