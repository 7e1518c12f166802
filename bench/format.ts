/** How the benchmark prints figures: seconds, MiB, kB (1 kB = 1,000 B, as in DESIGN §7). */

export const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Peak memory by program, largest first: "node 817 MiB, esbuild 14 MiB". */
export function programs(byProgram: Record<string, number>): string {
  return Object.entries(byProgram)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${mib(bytes)}`)
    .join(', ');
}

/** A file size as the hostile-input table names it: 10 kB, 100 kB, 1 MB (1 MB = 1,000,000 B). */
export const size = (bytes: number) =>
  bytes >= 1e6 ? `${Number((bytes / 1e6).toFixed(1))} MB` : `${Number((bytes / 1e3).toFixed(1))} kB`;

/** A Markdown table row; empty cells stay one space wide: `| a | b | | |`. */
export const row = (...cells: string[]) => `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;

/** Text for a Markdown table cell: the characters Markdown would read as markup escaped. */
export const md = (text: string) => text.replace(/[\\`*_[\]<>|~&{}]/g, (c) => `\\${c}`);

/** A build's stages, in the order it ran them: "parse 16.5 s, lint 1.3 s, astro 8.4 s". */
export const phases = (phasesMs: Record<string, number>) =>
  Object.entries(phasesMs)
    .map(([name, ms]) => `${name} ${sec(ms)}`)
    .join(', ');
