import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `<path> <sha1>` of every file under `dir`, sorted: two folders with equal lists hold the same bytes. */
export function fileHashes(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = relative(dir, join(e.parentPath, e.name));
      return `${path} ${createHash('sha1')
        .update(readFileSync(join(dir, path)))
        .digest('hex')}`;
    })
    .sort();
}
