import { command, formatOption, resolveToday } from '../src/loader/cli.ts';
import { printHealth } from '../src/loader/health.ts';

const USAGE = `Usage: npm run health -- [--format markdown|json] [--today YYYY-MM-DD] [--content DIR]

Review reminders: the ICPs and personas that are overdue for review or due within 14 days,
grouped by owner, with links to their pages (absolute when playbook.yaml sets site_url).
  --format markdown   for an issue or a chat message (the default)
  --format json       {"today": …, "owners": [{"owner": …, "pages": [<api/pages.json entries>]}]}
  --today DATE        the date to count from (default: PLAYBOOK_TODAY, else today)
  --content DIR       the content folder (default: PLAYBOOK_CONTENT_DIR, else content)
Exit codes: 0 whatever is due, 2 bad usage or configuration.`;

const options = {
  content: { type: 'string' },
  format: { type: 'string', default: 'markdown' },
  today: { type: 'string' },
} as const;

await command({ usage: USAGE, options }, ({ values }) =>
  printHealth({
    content: values.content,
    today: resolveToday(values.today),
    format: formatOption(values.format, ['markdown', 'json'] as const),
  }),
);
