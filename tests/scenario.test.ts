/**
 * A pull request, end to end: a scratch git repository holding a copy of the example content gets
 * a commit that moves a persona to another ICP and breaks a cross-link. The change summary must
 * describe both, and lint must annotate the broken link, with the scripts run from this project
 * by absolute path (the scratch repository has no node_modules).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { cli, ROOT } from './helpers/cli.ts';
import { TODAY } from './helpers/playbook.ts';

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Playbook Test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, encoding: 'utf8' },
  );
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function newRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'playbook-scenario-'));
  scratch.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

const mdxFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .sort()
    : [];

/** The example content when it has what the scenario needs (two ICPs, a persona), else a fixture. */
function exampleContent(): string {
  const content = join(ROOT, 'content');
  if (mdxFiles(join(content, 'icps')).length >= 2 && mdxFiles(join(content, 'personas')).length >= 1)
    return content;
  return join(ROOT, 'tests', 'fixtures', 'diff', 'moved-and-broken', 'base');
}

/** Splits a content file into its frontmatter document and the rest. */
function edit(
  file: string,
  change: (doc: ReturnType<typeof parseDocument>) => void,
  appendToBody = '',
): void {
  const text = readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file} has no frontmatter`);
  const doc = parseDocument(m[1]!);
  change(doc);
  writeFileSync(file, `---\n${doc.toString()}---\n${m[2]}${appendToBody}`);
}

const nameIn = (file: string) =>
  String(parseDocument(/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))![1]!).get('name'));

describe('a pull request that moves a persona and breaks a reference', () => {
  let repo: string;
  let persona: { id: string; name: string };
  let from: { id: string; name: string };
  let to: { id: string; name: string };
  let brokenIn: string;

  beforeAll(() => {
    repo = newRepo();
    cpSync(exampleContent(), join(repo, 'content'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Playbook content');

    const personas = join(repo, 'content', 'personas');
    const icps = join(repo, 'content', 'icps');
    const icpIds = mdxFiles(icps).map((f) => f.replace(/\.mdx$/, ''));
    // The first persona, moved from its first ICP to the first ICP it does not belong to.
    const file = mdxFiles(personas)[0]!;
    const path = join(personas, file);
    let before: string[] = [];
    edit(path, (doc) => {
      before = (doc.toJS() as { icps: string[] }).icps;
      const target = icpIds.find((id) => !before.includes(id))!;
      doc.set('icps', [target]);
    });
    persona = { id: file.replace(/\.mdx$/, ''), name: nameIn(path) };
    const target = icpIds.find((id) => !before.includes(id))!;
    from = { id: before[0]!, name: nameIn(join(icps, `${before[0]}.mdx`)) };
    to = { id: target, name: nameIn(join(icps, `${target}.mdx`)) };
    // A broken cross-link in another file's body.
    brokenIn = join('content', 'icps', `${icpIds[0]}.mdx`);
    writeFileSync(
      join(repo, brokenIn),
      `${readFileSync(join(repo, brokenIn), 'utf8')}\nTalk to [[persona:does-not-exist]] first.\n`,
    );
    git(repo, 'commit', '-q', '-a', '-m', 'Move a persona, break a link');
  });

  test('the scratch repository has no node_modules of its own', () => {
    expect(existsSync(join(repo, 'node_modules'))).toBe(false);
  });

  test('`diff HEAD~1` describes the move and the broken reference', () => {
    const r = cli('diff', ['HEAD~1', '--today', TODAY], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const headline = r.stdout.split('\n')[0]!;
    expect(headline).toMatch(
      /^❌ \*\*Playbook changes:\*\* 1 persona moved · .*\d+ new lint errors? .*\(lint fails with \d+ errors?\)$/,
    );
    expect(r.stdout).toContain(
      `### Personas moved between ICPs\n\n- **${persona.name}** (\`${persona.id}\`): `,
    );
    const moved = r.stdout.split('\n').find((l) => l.includes(`(\`${persona.id}\`): `))!;
    expect(moved).toContain(from.name);
    expect(moved.endsWith(`→ ${to.name}`)).toBe(true);
    const findings = r.stdout.slice(r.stdout.indexOf('### New lint findings'));
    expect(findings).toMatch(
      new RegExp(
        `- ❌ \`${brokenIn.replace(/[./]/g, '\\$&')}\`:\\d+ \`unknown-reference\`: .*does-not-exist`,
      ),
    );
  });

  test('`diff HEAD~1 --format json` carries the same facts', () => {
    const r = cli('diff', ['HEAD~1', '--today', TODAY, '--format', 'json'], { cwd: repo });
    const json = JSON.parse(r.stdout);
    expect(json.moved).toEqual([
      { persona: { type: 'persona', ...persona }, from: expect.arrayContaining([from]), to: [to] },
    ]);
    expect(json.lint.new).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: brokenIn, rule: 'unknown-reference', severity: 'error' }),
      ]),
    );
  });

  test('`lint --format github` prints the annotation for the broken reference', () => {
    const r = cli('lint', ['--format', 'github', '--today', TODAY], { cwd: repo });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^::error file=${brokenIn.replace(/[./]/g, '\\$&')},line=\\d+,col=\\d+,title=unknown-reference::.*does-not-exist`,
        'm',
      ),
    );
  });

  test('the content folder can be named with --content, relative to the repository root', () => {
    const r = cli('diff', ['HEAD~1', '--content', 'content', '--today', TODAY], {
      cwd: join(repo, 'content', 'icps'),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('### Personas moved between ICPs');
  });
});

describe('diff against a ref without content', () => {
  test('lists every ICP and persona as added', () => {
    const repo = newRepo();
    writeFileSync(join(repo, 'README.md'), '# Playbook\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Start');
    cpSync(join(ROOT, 'tests', 'fixtures', 'diff', 'moved-and-broken', 'base'), join(repo, 'content'), {
      recursive: true,
    });
    const r = cli('diff', ['HEAD', '--today', TODAY], { cwd: repo });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      '✅ **Playbook changes:** 2 ICPs added · 4 personas added (lint is clean)',
    );
  });

  test('exits 2 outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbook-nogit-'));
    scratch.push(dir);
    const r = cli('diff', ['HEAD'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not inside a git repository/);
  });
});
