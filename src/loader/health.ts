/**
 * `npm run health`: review reminders. Loads the playbook through the one pipeline, computes the site
 * model the pages use and prints the overdue and due-soon pages by owner. Exit 0 whatever it finds:
 * the reminder informs; lint and the build are the gates.
 */
import { formatRemindersJson, formatRemindersMarkdown, reviewReminders } from '../core/change/reminders.ts';
import { buildSiteModel } from '../core/views/model.ts';
import { EXIT_OK, warn } from './cli.ts';
import { runPipeline } from './pipeline.ts';

export interface HealthOptions {
  content?: string;
  today: string;
  format: 'markdown' | 'json';
}

/** Prints the review reminders; returns the exit code. */
export async function printHealth({ content, today, format }: HealthOptions): Promise<number> {
  const { graph, playbook } = await runPipeline({ content, today, lint: false, onNotice: warn });
  const model = buildSiteModel({ graph, config: playbook.config, today });
  const reminders = reviewReminders(model, playbook.config);
  process.stdout.write(
    format === 'json' ? `${formatRemindersJson(reminders)}\n` : formatRemindersMarkdown(reminders),
  );
  return EXIT_OK;
}
