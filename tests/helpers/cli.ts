import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<name>.ts` with the Node running the tests, as `npm run <name> --` would. */
export function cli(
  name: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    PLAYBOOK_CONTENT_DIR: undefined,
    PLAYBOOK_TODAY: undefined,
    ...options.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', `${name}.ts`), ...args], {
    cwd: options.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a playbook (`{ 'personas/x.mdx': text, 'playbook.yaml': text }`) into a new temp folder. */
export function writePlaybook(files: Record<string, string | Uint8Array>, prefix = 'playbook-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}
