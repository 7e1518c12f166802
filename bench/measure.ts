/** Runs a command and measures its wall time and the peak resident memory of its whole process tree. */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  ms: number;
  /** Highest sum of RSS over the process and all its descendants, sampled every `pollMs`. */
  peakRssBytes: number;
  /** RSS by program name at the peak sample, e.g. `{ node: …, pagefind: … }`. */
  peakByProgram: Record<string, number>;
  code: number;
  stdout: string;
  stderr: string;
}

const PAGE = 4096;

/** Parent pid and RSS bytes of every process, from /proc (Linux). */
function processTable(): Map<number, { ppid: number; rss: number; name: string }> {
  const table = new Map<number, { ppid: number; rss: number; name: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which sits in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), {
        ppid: Number(fields[1]),
        rss: Number(fields[21]) * PAGE,
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** Total RSS of a process and its descendants, and the share of each program name. */
export function treeRss(root: number): { total: number; byProgram: Record<string, number> } {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const byProgram: Record<string, number> = {};
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = table.get(pid);
    if (p) {
      total += p.rss;
      byProgram[p.name] = (byProgram[p.name] ?? 0) + p.rss;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, byProgram };
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  pollMs?: number;
  /** Called with each line the command prints on stdout. */
  onLine?: (line: string) => void;
}

/**
 * Waits until everything written so far is on disk (`sync`), so that the write-back of what an
 * earlier step wrote (a generated corpus, the last build's output) is not timed as part of the next
 * command (the 16,000 corpus files are written just before the first lint; BENCHMARKS.md, "What is
 * measured, and how").
 */
export function settleDisk(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

/** Runs a command once, from a settled disk (`settleDisk`), and measures it. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  settleDisk();
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let peak = 0;
    let peakByProgram: Record<string, number> = {};
    const sample = () => {
      if (!child.pid) return;
      const now = treeRss(child.pid);
      if (now.total > peak) {
        peak = now.total;
        peakByProgram = now.byProgram;
      }
    };
    const timer = setInterval(sample, options.pollMs ?? 100);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) options.onLine?.(line);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        ms: performance.now() - started,
        peakRssBytes: peak,
        peakByProgram,
        code: code ?? -1,
        stdout,
        stderr,
      });
    });
  });
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
