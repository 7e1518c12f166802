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
