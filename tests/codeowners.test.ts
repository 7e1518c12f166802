import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  BEGIN_MARKER,
  buildCodeowners,
  checkCodeowners,
  END_MARKER,
  formatCodeownersMarkdown,
  generatedBlock,
  mergeCodeowners,
} from '../src/core/change/codeowners.ts';
import { buildGraph } from '../src/core/graph/graph.ts';
import { rule as schemaRule } from '../src/core/lint/rules/schema.ts';
import { parseEntry } from '../src/core/parse/entry.ts';
import { cli, writePlaybook } from './helpers/cli.ts';
import { commitAll, git, gitRepo, writeFiles } from './helpers/git.ts';
import { cleanPlaybook, icp, mdx, persona, run, sources } from './helpers/playbook.ts';

const graphOf = (files: Record<string, string>) => buildGraph(sources(files).map(parseEntry));

/** The generated lines without the comments. */
const rules = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#'));

describe('buildCodeowners', () => {
  test('writes one sorted line per ICP and persona, with the repository path and its owners', () => {
    const files = {
      ...cleanPlaybook(),
      'personas/analytics-alex.mdx': mdx(
        persona('midmarket', { owners: ['@acme/marketing', '@jane', '@acme/marketing'] }),
      ),
      'glossary/tam.mdx': mdx({ term: 'TAM', short: 'Total addressable market.' }),
    };
    const { block, problems } = buildCodeowners(graphOf(files), { contentPath: 'content' });
    expect(problems).toEqual([]);
    expect(block.startsWith(`${BEGIN_MARKER}\n# Owners of the playbook content`)).toBe(true);
    expect(block.endsWith(`${END_MARKER}\n`)).toBe(true);
    expect(rules(block)).toEqual([
      '/content/icps/midmarket.mdx @acme/revops',
      '/content/personas/analytics-alex.mdx @acme/marketing @jane',
      '/content/personas/finance-fiona.mdx @acme/marketing',
    ]);
  });

  test('is deterministic whatever order the files come in', () => {
    const files = cleanPlaybook();
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(buildCodeowners(graphOf(reversed), { contentPath: 'content' }).block).toBe(
      buildCodeowners(graphOf(files), { contentPath: 'content' }).block,
    );
  });

  test.each([
    ['docs/playbook', '/docs/playbook/icps/midmarket.mdx'],
    ['./gtm/content/', '/gtm/content/icps/midmarket.mdx'],
    ['.', '/icps/midmarket.mdx'],
  ])('places files under content_path %j', (contentPath, first) => {
    expect(rules(buildCodeowners(graphOf(cleanPlaybook()), { contentPath }).block)[0]).toBe(
      `${first} @acme/revops`,
    );
  });

  test('keeps entries that fail the schema for other reasons', () => {
    const files = { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp({ name: undefined })) };
    const { rows, problems } = buildCodeowners(graphOf(files), { contentPath: 'content' });
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.path)).toContain('/content/icps/midmarket.mdx');
  });

  test.each([
    [
      'without the @',
      ['acme/revops'],
      /"owners\[0\]" is "acme\/revops", which is not a GitHub user or team: owners are written "@jane" or "@acme\/revops"\./,
      /Write "@acme\/revops"\./,
    ],
    [
      'an e-mail address',
      ['@acme/revops', 'jane@acme.com'],
      /"owners\[1\]" is "jane@acme.com"/,
      /GitHub only requests reviews/,
    ],
  ])('reports an owner %s with its position, and leaves the file out', (_, owners, message, hint) => {
    const files = { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp({ owners })) };
    const { rows, problems } = buildCodeowners(graphOf(files), { contentPath: 'content' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/icps/midmarket.mdx', column: 5 });
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.hint).toMatch(hint);
    expect(rows.map((r) => r.path)).not.toContain('/content/icps/midmarket.mdx');
  });

  test('reports a missing owners list', () => {
    const files = { ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp({ owners: undefined })) };
    expect(buildCodeowners(graphOf(files), { contentPath: 'content' }).problems[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/"owners" must list at least one GitHub user or team/),
    });
  });

  test('escapes paths that would read as patterns or comments', () => {
    const files = { ...cleanPlaybook(), 'personas/odd name#1.mdx': mdx(persona('midmarket')) };
    expect(rules(buildCodeowners(graphOf(files), { contentPath: 'content' }).block)).toContain(
      '/content/personas/odd\\ name\\#1.mdx @acme/marketing',
    );
  });
});

describe('the owners schema message', () => {
  test('says what an owner looks like, at the owner that is wrong', () => {
    const files = {
      ...cleanPlaybook(),
      'icps/midmarket.mdx': mdx(icp({ owners: ['@acme/revops', 'revops team'] })),
    };
    const diagnostics = run(files, schemaRule);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'content/icps/midmarket.mdx',
      rule: 'schema',
      severity: 'error',
      column: 5,
    });
    expect(diagnostics[0]!.message).toBe(
      '"owners[1]" must be a GitHub user or team, e.g. "@jane" or "@acme/revops".',
    );
    const text = mdx(icp({ owners: ['@acme/revops', 'revops team'] }));
    expect(text.split('\n')[diagnostics[0]!.line - 1]).toContain('revops team');
  });
});

describe('mergeCodeowners', () => {
  const block = `${BEGIN_MARKER}\n/content/icps/a.mdx @x\n${END_MARKER}\n`;

  test('is the block alone when there is no file yet', () => {
    expect(mergeCodeowners(undefined, block)).toBe(block);
  });

  test('replaces only the generated block and keeps hand-written rules', () => {
    const existing = `* @acme/eng\n\n${BEGIN_MARKER}\n/content/icps/old.mdx @y\n${END_MARKER}\n/.github/ @acme/platform\n`;
    expect(mergeCodeowners(existing, block)).toBe(`* @acme/eng\n\n${block}/.github/ @acme/platform\n`);
  });

  test('appends the block to a hand-written file, so content rules win for content files', () => {
    expect(mergeCodeowners('* @acme/eng', block)).toBe(`* @acme/eng\n\n${block}`);
  });
});

describe('npm run codeowners', () => {
  const scratch: string[] = [];
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  /** A repository with content/ and no CODEOWNERS yet. */
  function repo(files = cleanPlaybook()): string {
    const dir = writePlaybook(
      Object.fromEntries(Object.entries(files).map(([p, t]) => [`content/${p}`, t])),
      'codeowners-',
    );
    scratch.push(dir);
    return dir;
  }

  test('writes .github/CODEOWNERS relative to the current directory, then --check passes', () => {
    const dir = repo();
    const write = cli('codeowners', [], { cwd: dir });
    expect(write.stderr).toBe('');
    expect(write.status).toBe(0);
    expect(write.stdout).toBe('Wrote .github/CODEOWNERS (3 files, 2 owners).\n');
    expect(rules(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8'))).toEqual([
      '/content/icps/midmarket.mdx @acme/revops',
      '/content/personas/analytics-alex.mdx @acme/marketing',
      '/content/personas/finance-fiona.mdx @acme/marketing',
    ]);
    const check = cli('codeowners', ['--check'], { cwd: dir });
    expect(check.status).toBe(0);
    expect(check.stdout).toBe('.github/CODEOWNERS is up to date (3 files, 2 owners).\n');
    const again = cli('codeowners', [], { cwd: dir });
    expect(again.stdout).toBe('.github/CODEOWNERS is already up to date (3 files, 2 owners).\n');
  });

  test('--check exits 1 when the file is missing, and writes nothing', () => {
    const dir = repo();
    const check = cli('codeowners', ['--check'], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toBe(
      '.github/CODEOWNERS is missing. Run `npm run codeowners` and commit .github/CODEOWNERS, so the owners of each ICP and persona review changes to it.\n',
    );
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  test('--check exits 1 when owners changed, naming the lines to add and remove', () => {
    const dir = repo();
    expect(cli('codeowners', [], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, 'content/icps/midmarket.mdx'), mdx(icp({ owners: ['@acme/sales'] })));
    const check = cli('codeowners', ['--check'], { cwd: dir, env: { GITHUB_ACTIONS: undefined } });
    expect(check.status).toBe(1);
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe(
      [
        '.github/CODEOWNERS is out of date with the owners in the content.',
        'Lines it should have:',
        '  /content/icps/midmarket.mdx @acme/sales',
        'Lines it should no longer have:',
        '  /content/icps/midmarket.mdx @acme/revops',
        'Run `npm run codeowners` and commit .github/CODEOWNERS.',
        '',
      ].join('\n'),
    );
    const annotated = cli('codeowners', ['--check'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(annotated.stdout).toBe(
      '::error file=.github/CODEOWNERS,line=1,col=1,title=codeowners::.github/CODEOWNERS is out of date with the owners in the content.%0ARun `npm run codeowners` and commit .github/CODEOWNERS, or edit it by hand:%0Aadd: /content/icps/midmarket.mdx @acme/sales%0Aremove: /content/icps/midmarket.mdx @acme/revops\n',
    );
    expect(cli('codeowners', [], { cwd: dir }).status).toBe(0);
    expect(cli('codeowners', ['--check'], { cwd: dir }).status).toBe(0);
  });

  test('keeps hand-written rules around the generated block', () => {
    const dir = repo();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/OWNERS'), '* @acme/eng\n');
    expect(cli('codeowners', ['--out', 'docs/OWNERS'], { cwd: dir }).status).toBe(0);
    const text = readFileSync(join(dir, 'docs/OWNERS'), 'utf8');
    expect(text.startsWith('* @acme/eng\n\n# BEGIN playbook content owners\n')).toBe(true);
    expect(cli('codeowners', ['--out', 'docs/OWNERS', '--check'], { cwd: dir }).status).toBe(0);
  });

  test('honours --content and content_path from playbook.yaml', () => {
    const dir = writePlaybook({
      'gtm/playbook.yaml': 'content_path: gtm\n',
      ...Object.fromEntries(Object.entries(cleanPlaybook()).map(([p, t]) => [`gtm/${p}`, t])),
    });
    scratch.push(dir);
    const r = cli('codeowners', ['--content', 'gtm', '--out', 'CODEOWNERS'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(rules(readFileSync(join(dir, 'CODEOWNERS'), 'utf8'))[0]).toBe(
      '/gtm/icps/midmarket.mdx @acme/revops',
    );
  });

  test('exits 1 with a clear message for a malformed owner, and writes nothing', () => {
    const dir = repo({ ...cleanPlaybook(), 'icps/midmarket.mdx': mdx(icp({ owners: ['acme/revops'] })) });
    const r = cli('codeowners', [], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^content\/icps\/midmarket\.mdx:\d+:5 {2}"owners\[0\]" is "acme\/revops", which is not a GitHub user or team: owners are written "@jane" or "@acme\/revops"\.\n {4}GitHub only requests reviews .* Write "@acme\/revops"\.\n/,
    );
    expect(r.stderr).toContain(
      '.github/CODEOWNERS was not written: fix the owners above (1 problem) so every file gets a reviewer.',
    );
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  test.each([
    [['extra'], /Unexpected argument "extra"/],
    [['--nope'], /Unknown option '--nope'/],
    [['--content', 'missing-folder'], /Content folder not found/],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const r = cli('codeowners', args, { cwd: repo() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('checkCodeowners', () => {
  const block = (...lines: string[]) => `${BEGIN_MARKER}\n${lines.join('\n')}\n${END_MARKER}\n`;
  const old = block('/content/icps/a.mdx @x');
  const now = block('/content/icps/a.mdx @x', '/content/personas/b.mdx @y');
  const base = (text: string | undefined) => ({ ref: 'origin/main', text });

  test.each([
    ['the file matches the content', old, old, undefined, { kind: 'current' }],
    ['CRLF line ends only', old.replace(/\n/g, '\r\n'), old, base(old), { kind: 'current' }],
    ['there is no file', undefined, now, base(undefined), { kind: 'missing' }],
    [
      'the block is as on the base branch, behind the content',
      old,
      now,
      base(old),
      { kind: 'behind', missing: ['/content/personas/b.mdx @y'], extra: [] },
    ],
    [
      'only rules outside the block changed',
      `* @acme/eng\n\n${old}`,
      `* @acme/eng\n\n${now}`,
      base(old),
      { kind: 'behind', missing: ['/content/personas/b.mdx @y'], extra: [] },
    ],
    [
      'the block was edited in the change and disagrees',
      block('/content/icps/a.mdx @z'),
      now,
      base(old),
      {
        kind: 'out-of-date',
        missing: ['/content/icps/a.mdx @x', '/content/personas/b.mdx @y'],
        extra: ['/content/icps/a.mdx @z'],
        edited: true,
      },
    ],
    [
      'the change adds a file that disagrees',
      old,
      now,
      base(undefined),
      { kind: 'out-of-date', missing: ['/content/personas/b.mdx @y'], extra: [], edited: true },
    ],
    [
      'the base branch never had a generated block',
      '* @acme/eng\n',
      `* @acme/eng\n\n${now}`,
      base('* @acme/eng\n'),
      {
        kind: 'out-of-date',
        missing: ['/content/icps/a.mdx @x', '/content/personas/b.mdx @y'],
        extra: [],
        edited: true,
      },
    ],
    [
      'there is no base branch to compare with',
      old,
      now,
      undefined,
      { kind: 'out-of-date', missing: ['/content/personas/b.mdx @y'], extra: [], edited: false },
    ],
  ])('%s', (_, current, expected, baseFile, verdict) => {
    expect(checkCodeowners({ current, expected, base: baseFile })).toEqual(verdict);
  });

  test('generatedBlock finds the markers, and nothing without both', () => {
    expect(generatedBlock(`* @a\n${old}/x @b\n`)).toBe(old.trimEnd());
    expect(generatedBlock(`* @a\n${BEGIN_MARKER}\n/x @b\n`)).toBeUndefined();
    expect(generatedBlock(undefined)).toBeUndefined();
  });
});

describe('formatCodeownersMarkdown', () => {
  test('says nothing when the file is current', () => {
    expect(formatCodeownersMarkdown({ kind: 'current' }, '.github/CODEOWNERS')).toBe('');
  });

  test('a file behind its base branch is a notice with the lines it will need', () => {
    const text = formatCodeownersMarkdown(
      { kind: 'behind', missing: ['/content/personas/b.mdx @y'], extra: ['/content/personas/a.mdx @y'] },
      '.github/CODEOWNERS',
    );
    expect(text).toMatch(
      /^\n### Code owners\n\nℹ️ This change moves content ownership, so `\.github\/CODEOWNERS` will need 1 line to add, 1 line to remove\. Nothing to do in this pull request/,
    );
    expect(text).toContain('"Update CODEOWNERS"');
    expect(text).toContain('\n```diff\n+ /content/personas/b.mdx @y\n- /content/personas/a.mdx @y\n```\n');
  });

  test('a hand-edited block is an error with what to do', () => {
    const text = formatCodeownersMarkdown(
      { kind: 'out-of-date', missing: ['/x @a'], extra: [], edited: true },
      '.github/CODEOWNERS',
    );
    expect(text).toContain(
      '❌ `.github/CODEOWNERS` was changed in this pull request and disagrees with the owners in the content (1 line to add). Run `npm run codeowners`',
    );
  });

  test('paths with backticks cannot close the code block, and long lists are cut', () => {
    const missing = ['/content/personas/a```b.mdx @y', ...Array.from({ length: 30 }, (_, i) => `/p${i} @z`)];
    const text = formatCodeownersMarkdown({ kind: 'behind', missing, extra: [] }, '.github/CODEOWNERS');
    expect(text).toContain('\n````diff\n+ /content/personas/a```b.mdx @y\n');
    expect(text).toContain('\n… and 11 more\n````\n');
  });
});

describe('npm run codeowners -- --check --base (a pull request against its base branch)', () => {
  const repos: string[] = [];
  afterAll(() => {
    for (const dir of repos) rmSync(dir, { recursive: true, force: true });
  });

  /** A repository whose main has the clean playbook and its generated CODEOWNERS, on a branch `change`. */
  function repository(): string {
    const files = Object.fromEntries(Object.entries(cleanPlaybook()).map(([p, t]) => [`content/${p}`, t]));
    const { block } = buildCodeowners(graphOf(cleanPlaybook()), { contentPath: 'content' });
    const codeowners = mergeCodeowners('* @acme/eng\n', block);
    const repo = gitRepo({ ...files, '.github/CODEOWNERS': codeowners }, 'playbook-codeowners-git-');
    repos.push(repo);
    git(repo, 'switch', '-q', '-c', 'change');
    return repo;
  }
  const newPersona = { 'content/personas/ops-oscar.mdx': mdx(persona('midmarket', { name: 'Ops Oscar' })) };
  const check = (repo: string, env: Record<string, string | undefined> = {}, ...extra: string[]) =>
    cli('codeowners', ['--check', '--base', 'main', ...extra], {
      cwd: repo,
      env: { GITHUB_ACTIONS: undefined, ...env },
    });

  test('a new persona with CODEOWNERS left alone is a notice, exit 0, also in the summary', () => {
    const repo = repository();
    writeFiles(repo, newPersona);
    commitAll(repo, 'Add Ops Oscar through the editor');
    const r = check(repo, {}, '--summary', 'summary.md');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '.github/CODEOWNERS is behind the owners in the content, as it is on main: this change adds or moves owners and leaves the file alone, which is fine. GitHub asks the owners listed on main for reviews; after the merge, `npm run codeowners` on main brings the file up to date.',
        'Lines it will gain:',
        '  /content/personas/ops-oscar.mdx @acme/marketing',
        '',
      ].join('\n'),
    );
    const summary = readFileSync(join(repo, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^\n### Code owners\n\nℹ️ /);
    expect(summary).toContain('+ /content/personas/ops-oscar.mdx @acme/marketing');
    const annotated = check(repo, { GITHUB_ACTIONS: 'true' });
    expect(annotated.status).toBe(0);
    expect(annotated.stdout).toMatch(
      /\n::notice file=\.github\/CODEOWNERS,line=1,col=1,title=codeowners::\.github\/CODEOWNERS is behind the owners in the content, as it is on main/,
    );
    // Without a base branch the same tree is out of date, as before.
    expect(cli('codeowners', ['--check'], { cwd: repo }).status).toBe(1);
  });

  test('changed owners, uncommitted, compare the working tree with the base branch too', () => {
    const repo = repository();
    writeFileSync(join(repo, 'content/icps/midmarket.mdx'), mdx(icp({ owners: ['@acme/sales'] })));
    const r = check(repo);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Lines it will gain:\n  /content/icps/midmarket.mdx @acme/sales\n');
    expect(r.stdout).toContain('Lines it will lose:\n  /content/icps/midmarket.mdx @acme/revops\n');
  });

  test('a hand edit of the generated block that disagrees is still an error', () => {
    const repo = repository();
    writeFiles(repo, newPersona);
    const file = join(repo, '.github/CODEOWNERS');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '/content/icps/midmarket.mdx @acme/revops',
        '/content/icps/midmarket.mdx @acme/someone-else',
      ),
    );
    commitAll(repo, 'Edit CODEOWNERS by hand');
    const r = check(repo, {}, '--summary', 'summary.md');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        '.github/CODEOWNERS was changed in this branch and disagrees with the owners in the content.',
        'Lines it should have:',
        '  /content/icps/midmarket.mdx @acme/revops',
        '  /content/personas/ops-oscar.mdx @acme/marketing',
        'Lines it should no longer have:',
        '  /content/icps/midmarket.mdx @acme/someone-else',
        'Run `npm run codeowners` and commit .github/CODEOWNERS, or restore its generated block as it is on main.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(repo, 'summary.md'), 'utf8')).toContain(
      '❌ `.github/CODEOWNERS` was changed in this pull request and disagrees with the owners in the content',
    );
    // Regenerating fixes it, whatever the base branch says.
    expect(cli('codeowners', [], { cwd: repo }).status).toBe(0);
    const fixed = check(repo);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toBe('.github/CODEOWNERS is up to date (4 files, 2 owners).\n');
  });

  test('editing only the hand-written rules keeps a lagging block a notice', () => {
    const repo = repository();
    writeFiles(repo, newPersona);
    const file = join(repo, '.github/CODEOWNERS');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('* @acme/eng', '* @acme/eng\n/.github/ @acme/platform'),
    );
    expect(check(repo).status).toBe(0);
  });

  test('a file missing on both sides is an error; a file only the branch adds must be current', () => {
    const repo = repository();
    rmSync(join(repo, '.github/CODEOWNERS'));
    const missing = check(repo);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^\.github\/CODEOWNERS is missing\. Run `npm run codeowners`/);
    commitAll(repo, 'Remove CODEOWNERS');
    git(repo, 'switch', '-q', '-c', 'again');
    writeFiles(repo, newPersona);
    writeFileSync(join(repo, '.github/CODEOWNERS'), `${BEGIN_MARKER}\n${END_MARKER}\n`);
    // Compared with the commit that has no CODEOWNERS: the branch wrote the block, so it must match.
    const r = cli('codeowners', ['--check', '--base', 'change'], {
      cwd: repo,
      env: { GITHUB_ACTIONS: undefined },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^\.github\/CODEOWNERS was changed in this branch/);
  });

  let shared: string | undefined;
  test.each([
    [['--check', '--base', 'no-such-branch'], /Unknown git ref "no-such-branch"/],
    [['--base', 'main'], /--base and --summary go with --check/],
    [['--check', '--base', ''], /--base needs a git ref/],
  ])('exits 2 on %j', (args, message) => {
    shared ??= repository();
    const repo = shared;
    const r = cli('codeowners', args, { cwd: repo });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test('outside a git repository --base says so', () => {
    const dir = writePlaybook(
      Object.fromEntries(Object.entries(cleanPlaybook()).map(([p, t]) => [`content/${p}`, t])),
      'codeowners-nogit-',
    );
    repos.push(dir);
    expect(cli('codeowners', [], { cwd: dir }).status).toBe(0);
    const r = cli('codeowners', ['--check', '--base', 'main'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not inside a git repository/);
  });
});
