/** Writes a generated corpus to disk, replacing what an earlier run left in the same folder. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateCorpus } from './generate.ts';

export function writeCorpus(root: string, files: number, seed: number): string {
  const dir = join(root, `corpus-${files}-s${seed}`);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of generateCorpus({ files, seed })) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}
