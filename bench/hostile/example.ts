/**
 * The example playbook with one pathological guide of every corner added (DESIGN §12): its lint may
 * take at most 2 × the clean lint + 5 s + the allowance of each file cut short, and every other
 * file must get exactly the findings it gets without them. Both lints run in the same folder, so
 * the reports name the files alike.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hostileLimit } from '../budgets.ts';
import type { Bench } from '../context.ts';
import { sec, size } from '../format.ts';
import { median } from '../measure.ts';
import { type Corner, cornerFile, cornerSlug } from './corners.ts';
import { cutShort, type Diagnostic, lintFolder } from './lint.ts';

export interface ExampleFigure {
  /** The size asked for of each hostile file. */
  target: number;
  /** Hostile files added, and their bytes together. */
  files: number;
  bytes: number;
  cleanRunsMs: number[];
  /** Median of the clean runs. */
  cleanMs: number;
  hostileMs: number;
  /** Hostile files the pre-scan cut short, and the sum of their allowances. */
  cutShort: number;
  allowanceMs: number;
  /** 2 × clean + 5 s + the allowances. */
  limitMs: number;
  holds: boolean;
  /** The example files' findings are the same with the hostile files beside them. */
  othersUnchanged: boolean;
  /** Findings on the hostile files. */
  hostileFindings: number;
}

const HOSTILE_PREFIX = 'hostile-';
const isHostile = (file: string) => /(^|[\\/])hostile-[^\\/]*\.mdx$/.test(file);

/** Lints a copy of `content` clean (`b.runs` times), then once with a `target`-byte file of each corner. */
export async function measureExample(
  b: Bench,
  content: string,
  corners: readonly Corner[],
  target: number,
): Promise<ExampleFigure> {
  const dir = join(b.work, 'hostile', 'example');
  rmSync(dir, { recursive: true, force: true });
  cpSync(content, dir, { recursive: true });
  const cleanRunsMs: number[] = [];
  let clean: Diagnostic[] = [];
  for (let i = 0; i < b.runs; i++) {
    const linted = await lintFolder(b, dir);
    cleanRunsMs.push(linted.ms);
    clean = linted.diagnostics;
    b.say(`hostile: example playbook, clean lint ${i + 1}/${b.runs}: ${sec(linted.ms)}`);
  }
  const bytesByName = new Map<string, number>();
  for (const corner of corners) {
    const name = `${HOSTILE_PREFIX}${cornerSlug(corner)}.mdx`;
    const text = cornerFile(corner, target, `Hostile: ${corner.name}`);
    writeFileSync(join(dir, 'guides', name), text);
    bytesByName.set(name, Buffer.byteLength(text));
  }
  const bytes = [...bytesByName.values()].reduce((a, n) => a + n, 0);
  b.say(`hostile: example playbook with ${corners.length} files of ${size(target)} added (${size(bytes)})…`);
  const hostile = await lintFolder(b, dir);
  rmSync(dir, { recursive: true, force: true });

  const cut = [...cutShort(hostile.diagnostics)].filter(isHostile);
  const cutBytes = cut.map((f) => {
    const bytesOfFile = bytesByName.get(basename(f));
    if (bytesOfFile === undefined) throw new Error(`lint reported ${f}, which the benchmark did not write.`);
    return bytesOfFile;
  });
  const cleanMs = Math.round(median(cleanRunsMs));
  const { allowanceMs, limitMs } = hostileLimit(cleanMs, cutBytes);
  const others = hostile.diagnostics.filter((d) => !isHostile(d.file));
  const figure: ExampleFigure = {
    target,
    files: corners.length,
    bytes,
    cleanRunsMs,
    cleanMs,
    hostileMs: hostile.ms,
    cutShort: cut.length,
    allowanceMs,
    limitMs,
    holds: hostile.ms <= limitMs,
    othersUnchanged: JSON.stringify(others) === JSON.stringify(clean),
    hostileFindings: hostile.diagnostics.length - others.length,
  };
  b.say(
    `hostile: example playbook ${sec(cleanMs)} clean, ${sec(hostile.ms)} with them (${cut.length} cut short); ` +
      `limit ${sec(limitMs)}: ${figure.holds ? 'holds' : 'DOES NOT HOLD'}; other files' findings ${figure.othersUnchanged ? 'unchanged' : 'CHANGED'}`,
  );
  return figure;
}
