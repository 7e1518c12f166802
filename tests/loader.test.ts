import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lintSources } from '../src/core/lint/engine.ts';
import { decode, loadPlaybook } from '../src/loader/index.ts';
import { writePlaybook } from './helpers/cli.ts';
import { cleanPlaybook, mdx, TODAY, term } from './helpers/playbook.ts';

const goodTerm = mdx(term('Ideal customer profile', { abbr: 'ICP' }), 'The accounts we want.\n');

function lintDir(dir: string) {
  const playbook = loadPlaybook({ content: dir });
  return { playbook, ...lintSources(playbook.sources, { config: playbook.config, today: TODAY }) };
}

describe('loadPlaybook survives any input', () => {
  test.each([
    {
      name: 'a UTF-8 BOM',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodTerm)]),
      rules: [],
    },
    { name: 'CRLF line endings', bytes: Buffer.from(goodTerm.replace(/\n/g, '\r\n')), rules: [] },
    {
      name: 'a 10 MB body',
      bytes: Buffer.from(goodTerm + 'A long line of words. '.repeat(480_000)),
      rules: [],
    },
    { name: 'an empty file', bytes: Buffer.alloc(0), rules: ['yaml-syntax'] },
    {
      name: 'binary bytes',
      bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      rules: ['yaml-syntax'],
    },
    {
      name: 'invalid UTF-8',
      bytes: Buffer.concat([Buffer.from('---\nterm: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n---\n')]),
      rules: ['yaml-syntax'],
    },
    {
      name: 'an unterminated frontmatter block',
      bytes: Buffer.from('---\nterm: X\nshort: y\n'),
      rules: ['yaml-syntax'],
    },
    { name: 'no frontmatter', bytes: Buffer.from('Just text.\n'), rules: ['yaml-syntax'] },
  ])(
    '$name gives diagnostics $rules',
    ({ bytes, rules }) => {
      const dir = writePlaybook({ ...cleanPlaybook(), 'glossary/subject.mdx': bytes });
      const { diagnostics } = lintDir(dir);
      const onFile = diagnostics.filter((d) => d.file.endsWith('glossary/subject.mdx'));
      expect(onFile.map((d) => d.rule)).toEqual(rules);
      for (const d of onFile) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
    },
    180_000,
  ); // A 10 MB body takes a while to parse on a busy machine.

  test('counts only regular .mdx files directly inside the type folders', () => {
    const dir = writePlaybook({
      ...cleanPlaybook(),
      'glossary/icp.mdx': goodTerm,
      'glossary/notes.md': 'not content',
      'glossary/nested/deep.mdx': goodTerm,
      'data/accounts.csv': 'name\nAcme\n',
      'README.mdx': goodTerm,
    });
    symlinkSync(join(dir, 'glossary/icp.mdx'), join(dir, 'glossary/linked.mdx'));
    const { playbook, diagnostics } = lintDir(dir);
    expect(playbook.sources.map((s) => s.path).sort()).toEqual([
      'glossary/icp.mdx',
      'icps/midmarket.mdx',
      'personas/analytics-alex.mdx',
      'personas/finance-fiona.mdx',
    ]);
    expect(diagnostics).toEqual([]);
  });

  test('reads a symlinked type folder and survives a symlink loop', () => {
    const dir = writePlaybook(cleanPlaybook());
    const real = writePlaybook({ 'glossary/icp.mdx': goodTerm });
    symlinkSync(join(real, 'glossary'), join(dir, 'glossary'));
    mkdirSync(join(dir, 'loop'));
    symlinkSync(join(dir, 'loop', 'a'), join(dir, 'loop', 'b'));
    symlinkSync(join(dir, 'loop', 'b'), join(dir, 'loop', 'a'));
    symlinkSync(join(dir, 'guides'), join(dir, 'guides'));
    const { playbook, diagnostics } = lintDir(dir);
    expect(playbook.sources.map((s) => s.path)).toContain('glossary/icp.mdx');
    expect(diagnostics).toEqual([]);
    expect(playbook.notices.join('\n')).toMatch(/guides.*symbolic link loop/);
  });

  test('says so when the folder holds no playbook files, and names where it looked', () => {
    const dir = writePlaybook({ 'playbook.yaml': 'currency: EUR\n', 'notes/readme.mdx': goodTerm });
    const { playbook, diagnostics } = lintDir(dir);
    expect(playbook.sources).toEqual([]);
    expect(diagnostics).toEqual([]);
    expect(playbook.notices).toEqual([
      expect.stringMatching(
        /^No playbook files in .*: none of icps\/, personas\/, glossary\/, guides\/ holds an \.mdx file there\. .*--content DIR/,
      ),
    ]);
    expect(loadPlaybook({ content: writePlaybook({ 'glossary/icp.mdx': goodTerm }) }).notices).toEqual([]);
  });

  test('a missing playbook.yaml gives the defaults', () => {
    const { playbook } = lintDir(writePlaybook(cleanPlaybook()));
    expect(playbook.config.lint.personas_per_icp).toEqual([2, 4]);
    expect(playbook.config.review_every_days).toEqual({ icp: 90, persona: 90 });
    expect(playbook.config.currency).toBe('USD');
  });

  test('a playbook.yaml with a BOM and CRLF is read', () => {
    const dir = writePlaybook({
      ...cleanPlaybook(),
      'playbook.yaml': '\uFEFFtitle: Acme\r\nlint:\r\n  min_interviews: 3\r\n',
    });
    expect(loadPlaybook({ content: dir }).config).toMatchObject({
      title: 'Acme',
      lint: { min_interviews: 3 },
    });
  });

  test('decode refuses NUL bytes and invalid UTF-8 and keeps everything else', () => {
    expect(decode(Buffer.from('héllo')).text).toBe('héllo');
    expect(decode(Buffer.from([0x61, 0x00])).readError).toMatch(/binary/);
    expect(decode(Buffer.from([0xff, 0xfe, 0x41])).readError).toMatch(/UTF-8/);
    // What a fatal TextDecoder refuses: an overlong "/", an encoded surrogate, a cut-off sequence.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0x61, 0xe2, 0x82],
    ])
      expect(decode(Buffer.from(bad)).readError).toMatch(/UTF-8/);
    // One BOM is dropped; a second one is text.
    expect(decode(Buffer.from('\ufeffname: x')).text).toBe('name: x');
    expect(decode(Buffer.from('\ufeff\ufeffx')).text).toBe('\ufeffx');
    const bytes = Buffer.from('xx\ufeffhé');
    expect(decode(bytes.subarray(2)).text).toBe('hé');
  });

  test('a folder named like a content file is skipped', () => {
    const dir = writePlaybook(cleanPlaybook());
    mkdirSync(join(dir, 'glossary', 'folder.mdx'), { recursive: true });
    writeFileSync(join(dir, 'glossary', 'ok.mdx'), goodTerm);
    const { diagnostics, playbook } = lintDir(dir);
    expect(playbook.sources.map((s) => s.path)).not.toContain('glossary/folder.mdx');
    expect(diagnostics).toEqual([]);
  });
});
