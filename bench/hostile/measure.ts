/**
 * Hostile input (DESIGN §7, §12): the fixed cost of a lint, the table of corners by size with and
 * without the bound (table.ts), and the example playbook with a file of every corner (example.ts).
 */
import { join } from 'node:path';
import type { Bench } from '../context.ts';
import { loadAverage } from '../report.ts';
import { CORNERS } from './corners.ts';
import { type ExampleFigure, measureExample } from './example.ts';
import { BEFORE_CAP_MS, type CornerFigure, lintBaseline, measureCorners } from './table.ts';

export interface HostileFigures {
  date: string;
  loadAverage: { start: number[]; end: number[] };
  sizes: number[];
  /** The largest size at which the parsers also ran alone, and when each such run was stopped. */
  beforeMaxBytes: number;
  beforeCapMs: number;
  /** Lint of a playbook of one short guide: the command's fixed cost. */
  baselineMs: number;
  corners: CornerFigure[];
  example: ExampleFigure;
}

export async function measureHostile(
  b: Bench,
  options: { sizes: number[]; beforeMax: number; corners: string[] },
): Promise<HostileFigures> {
  const date = new Date().toISOString();
  const start = loadAverage();
  const corners = CORNERS.filter((c) => options.corners.includes(c.name));
  const sizes = [...new Set(options.sizes)].sort((x, y) => x - y);
  const baselineMs = await lintBaseline(b);
  const table = await measureCorners(b, corners, sizes, options.beforeMax);
  const example = await measureExample(b, join(b.root, 'content'), corners, sizes.at(-1)!);
  return {
    date,
    loadAverage: { start, end: loadAverage() },
    sizes,
    beforeMaxBytes: options.beforeMax,
    beforeCapMs: BEFORE_CAP_MS,
    baselineMs,
    corners: table,
    example,
  };
}
