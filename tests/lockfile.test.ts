import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// `npm ci` installs exactly what package-lock.json lists, for every platform. A lockfile written on one
// machine without other platforms' optional binaries (compiler bindings, Pagefind, Biome) makes `npm ci`
// fail elsewhere and every `npm install` rewrite it. Fix: delete package-lock.json, run `npm install`.

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}
interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
}
interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const ROOT = join(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The key in `packages` that `name` resolves to from the package at `from`, as Node looks it up. */
function resolve(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (key in lock.packages) return key;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at === -1 ? '' : dir.slice(0, at);
  }
}

describe('package-lock.json', () => {
  test('is a version 3 lockfile', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  test('lists every optional dependency of every locked package, for every os and cpu', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [key, pkg] of Object.entries(lock.packages)) {
      for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
        checked++;
        if (!resolve(key, name)) missing.push(`${key || '(root)'} → ${name}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(missing, 'optional dependencies without an entry of their own').toEqual([]);
  });

  const fields = ['dependencies', 'devDependencies'] as const;
  test.each(fields)('records the %s of package.json with the same ranges', (field) => {
    const root = lock.packages[''];
    expect(root, 'the root entry').toBeDefined();
    expect(root?.[field] ?? {}).toEqual(manifest[field] ?? {});
  });

  test('has an entry for every direct dependency', () => {
    const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    expect(direct.filter((name) => !resolve('', name))).toEqual([]);
  });
});
