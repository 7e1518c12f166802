/**
 * The hostile-input table (DESIGN §7, §12): for each corner of bench/hostile/corners.ts, a playbook
 * of one guide holding it at each size, linted by the real command with the bound in place; and,
 * up to a size, the parsers alone on the same file without the pre-scan (bench/hostile/parse-alone.ts),
 * which is what the lint cost before the bound. A parse still running after `BEFORE_CAP_MS` is
 * stopped and shown as longer than that.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, NODE } from '../context.ts';
import { md, row, sec, size } from '../format.ts';
import { type Corner, type CornerKind, cornerFile, cornerSlug } from './corners.ts';
import { cutShort, lintFolder } from './lint.ts';

/** How long the parsers alone may run on one file before they are stopped. */
export const BEFORE_CAP_MS = 30_000;
/** Room for the child process to start and load the parsers, on top of the cap. */
const STARTUP_MS = 5000;

export interface CornerSize {
  /** The size asked for; the file is about this size. */
  target: number;
  /** The file's size in bytes. */
  bytes: number;
  /** `npm run lint` on the playbook of this one file, wall time. */
  lintMs: number;
  /** Whether the pre-scan cut the file short (one mdx-syntax or yaml-syntax finding). */
  cutShort: boolean;
  /** The parsers alone, no pre-scan; null when stopped after BEFORE_CAP_MS; absent above the size limit. */
  beforeMs?: number | null;
}

export interface CornerFigure {
  name: string;
  kind: CornerKind;
  sizes: CornerSize[];
}

/** A lint of a playbook of one short guide: the command's fixed cost, to read the small sizes against. */
export async function lintBaseline(b: Bench): Promise<number> {
  const dir = join(b.work, 'hostile', 'baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'guides'), { recursive: true });
  writeFileSync(join(dir, 'guides', 'short.mdx'), '---\ntitle: Short\n---\nBody.\n');
  const { ms } = await lintFolder(b, dir);
  b.say(`hostile: lint of a playbook of one short guide (the fixed cost) ${sec(ms)}`);
  return ms;
}

/** Lint (and, up to `beforeMax` bytes, the parsers alone) on each corner at each size. */
export async function measureCorners(
  b: Bench,
  corners: readonly Corner[],
  sizes: readonly number[],
  beforeMax: number,
): Promise<CornerFigure[]> {
  const figures: CornerFigure[] = [];
  for (const [i, corner] of corners.entries()) {
    const figure: CornerFigure = { name: corner.name, kind: corner.kind, sizes: [] };
    for (const target of sizes) {
      const dir = join(b.work, 'hostile', 'corners', `${cornerSlug(corner)}-${target}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, 'guides'), { recursive: true });
      const file = join(dir, 'guides', 'hostile.mdx');
      writeFileSync(file, cornerFile(corner, target));
      const linted = await lintFolder(b, dir);
      const measured: CornerSize = {
        target,
        bytes: statSync(file).size,
        lintMs: linted.ms,
        cutShort: cutShort(linted.diagnostics).size > 0,
      };
      if (target <= beforeMax) measured.beforeMs = await parseAlone(b, file);
      figure.sizes.push(measured);
      rmSync(dir, { recursive: true, force: true });
    }
    figures.push(figure);
    b.say(`hostile ${i + 1}/${corners.length} ${corner.name}: ${describeCorner(figure)}`);
  }
  return figures;
}

/** `lint 1.2 s / 1.3 s / 2.0 s (cut short from 100 kB); parsers alone 0.4 s / > 30.0 s`. */
export function describeCorner(figure: CornerFigure): string {
  const lint = figure.sizes.map((s) => sec(s.lintMs)).join(' / ');
  const cut = figure.sizes.find((s) => s.cutShort);
  const before = figure.sizes.filter((s) => s.beforeMs !== undefined).map((s) => beforeText(s.beforeMs!));
  return [
    `lint ${lint}${cut ? ` (cut short from ${size(cut.target)})` : ''}`,
    before.length ? `parsers alone ${before.join(' / ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** A before-the-bound time: seconds, or "> 30.0 s" when the parse was stopped. */
export const beforeText = (ms: number | null) => (ms === null ? `> ${sec(BEFORE_CAP_MS)}` : sec(ms));

/** Runs bench/hostile/parse-alone.ts on `file`: the parse time in ms, or null when stopped at the cap. */
function parseAlone(b: Bench, file: string): Promise<number | null> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...b.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const child = join(b.root, 'bench', 'hostile', 'parse-alone.ts');
  return new Promise((resolve, reject) => {
    execFile(
      NODE,
      [child, file],
      { cwd: b.root, env, timeout: BEFORE_CAP_MS + STARTUP_MS, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error?.killed) return resolve(null);
        if (error) return reject(new Error(`${child} ${file} failed: ${stderr || error.message}`));
        const { bodyMs, yamlMs } = JSON.parse(stdout) as { bodyMs: number; yamlMs: number };
        resolve(bodyMs + yamlMs);
      },
    );
  });
}

/**
 * The corners as a Markdown table: lint time at each size with the bound ("cut" when the file was cut
 * short), then the parsers alone without it.
 */
export function cornerTable(h: {
  sizes: number[];
  beforeMaxBytes: number;
  corners: CornerFigure[];
}): string[] {
  const before = h.sizes.filter((s) => s <= h.beforeMaxBytes);
  const head = [
    'corner',
    ...h.sizes.map((s) => `lint, ${size(s)}`),
    ...before.map((s) => `parsers alone, no bound, ${size(s)}`),
  ];
  const rows = [row(...head), `|${'---|'.repeat(head.length)}`];
  for (const c of h.corners) {
    const at = (target: number) => c.sizes.find((s) => s.target === target);
    const lint = h.sizes.map((target) => {
      const s = at(target);
      return s ? `${sec(s.lintMs)}${s.cutShort ? ', cut' : ''}` : '';
    });
    const alone = before.map((target) => {
      const ms = at(target)?.beforeMs;
      return ms === undefined ? '' : beforeText(ms);
    });
    rows.push(row(`${md(c.name)}${c.kind === 'frontmatter' ? ' (frontmatter)' : ''}`, ...lint, ...alone));
  }
  return rows;
}
