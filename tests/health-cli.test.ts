/** `npm run health`: review reminders by owner (DESIGN §11), run as a user would. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { cli, writePlaybook } from './helpers/cli.ts';
import { icp, mdx, persona, TODAY } from './helpers/playbook.ts';

// On 2026-11-22 with a 90-day cadence: reviewed 2026-08-01 is overdue (due 2026-10-30),
// 2026-09-01 is due soon (due 2026-11-30), 2026-11-01 is fine (due 2027-01-30).
const files = {
  'icps/overdue-icp.mdx': mdx(
    icp({ name: 'Overdue ICP', owners: ['@acme/revops'], last_reviewed: '2026-08-01' }),
  ),
  'icps/fine-icp.mdx': mdx(icp({ name: 'Fine ICP', owners: ['@acme/revops'], last_reviewed: '2026-11-01' })),
  'personas/soon-sam.mdx': mdx(
    persona('overdue-icp', {
      name: 'Soon Sam',
      owners: ['@acme/revops', '@jane'],
      last_reviewed: '2026-09-01',
    }),
  ),
  'personas/fine-fiona.mdx': mdx(
    persona('fine-icp', { name: 'Fine Fiona', owners: ['@acme/marketing'], last_reviewed: '2026-11-01' }),
  ),
  'personas/gone-gary.mdx': mdx(
    persona('overdue-icp', { name: 'Gone Gary', status: 'retired', last_reviewed: '2025-01-01' }),
  ),
  'guides/start.mdx': mdx({ title: 'Start here' }),
};
const dir = writePlaybook({ ...files, 'playbook.yaml': stringify({ site_url: 'https://gtm.acme.com' }) });
const plain = writePlaybook(files);
const dirs = [dir, plain];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const health = (args: string[], env: Record<string, string> = {}) => cli('health', args, { env });

describe('npm run health', () => {
  test('Markdown (the default): overdue and due-soon pages by owner, with absolute links', () => {
    const r = health(['--content', dir, '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '2 pages of the playbook need a review (today is 2026-11-22): 1 overdue, 1 due within 14 days.',
        '',
        'Check each page against what you see in deals, update it if needed, and set `last_reviewed` to the day of the review.',
        '',
        '### @acme/revops',
        '',
        '- **Overdue:** [Overdue ICP](https://gtm.acme.com/icps/overdue-icp/) (ICP): review was due 2026-10-30 (23 days ago); last reviewed 2026-08-01.',
        '- Due soon: [Soon Sam](https://gtm.acme.com/personas/soon-sam/) (Persona): review is due 2026-11-30 (in 8 days); last reviewed 2026-09-01.',
        '',
        '### @jane',
        '',
        '- Due soon: [Soon Sam](https://gtm.acme.com/personas/soon-sam/) (Persona): review is due 2026-11-30 (in 8 days); last reviewed 2026-09-01.',
        '',
      ].join('\n'),
    );
  });

  test('JSON: {today, owners: [{owner, pages: [<pages.json entries>]}]}', () => {
    const r = health(['--content', dir, '--today', TODAY, '--format', 'json']);
    expect(r.status).toBe(0);
    const soon = {
      url: 'https://gtm.acme.com/personas/soon-sam/',
      title: 'Soon Sam',
      type: 'persona',
      owners: ['@acme/revops', '@jane'],
      last_reviewed: '2026-09-01',
      review_due: '2026-11-30',
      review_status: 'due-soon',
    };
    expect(JSON.parse(r.stdout)).toEqual({
      today: TODAY,
      owners: [
        {
          owner: '@acme/revops',
          pages: [
            {
              url: 'https://gtm.acme.com/icps/overdue-icp/',
              title: 'Overdue ICP',
              type: 'icp',
              owners: ['@acme/revops'],
              last_reviewed: '2026-08-01',
              review_due: '2026-10-30',
              review_status: 'overdue',
            },
            soon,
          ],
        },
        { owner: '@jane', pages: [soon] },
      ],
    });
  });

  test('links are root-relative without site_url; PLAYBOOK_TODAY and PLAYBOOK_CONTENT_DIR are honoured', () => {
    const r = health(['--format', 'json'], { PLAYBOOK_TODAY: TODAY, PLAYBOOK_CONTENT_DIR: plain });
    expect(r.status).toBe(0);
    const { owners } = JSON.parse(r.stdout) as { owners: { pages: { url: string }[] }[] };
    expect(owners[0]?.pages.map((p) => p.url)).toEqual(['/icps/overdue-icp/', '/personas/soon-sam/']);
  });

  test('exits 0 when nothing is due, and says so', () => {
    const r = health(['--content', dir, '--today', '2026-08-02']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Every ICP and persona is reviewed in time (today is 2026-08-02): nothing is overdue or due within 14 days.\n',
    );
    const json = health(['--content', dir, '--today', '2026-08-02', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ today: '2026-08-02', owners: [] });
  });

  test.each([
    [['--format', 'xml'], /--format must be one of markdown, json/],
    [['--today', '2026-13-01'], /--today must be a date/],
    [['--bogus'], /Unknown option/],
    [['extra'], /Unexpected argument "extra"/],
  ])('bad usage %j exits 2 with the usage', (args, message) => {
    const r = health(['--content', dir, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: npm run health');
    expect(r.stdout).toBe('');
  });

  test('a broken playbook.yaml exits 2', () => {
    const broken = writePlaybook({ ...files, 'playbook.yaml': 'outputs: { api: maybe }\n' });
    dirs.push(broken);
    const r = health(['--content', broken]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/outputs\.api/);
  });
});
