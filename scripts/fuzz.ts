import { command, UsageError } from '../src/loader/cli.ts';
import { runFuzz } from '../tests/fuzz/run.ts';

const USAGE = `Usage: npm run fuzz -- [--runs N] [--seed S] [--time-limit MS]

Feeds generated content files, playbook.yaml files, accounts CSVs and diff inputs to the linter, the
renderer, the scorer and the diff, and checks that each gives well-formed findings or a clean error:
never a crash, a hang or a stack trace. Saved failures (tests/fixtures/fuzz/) are replayed first; a
new failure is shrunk to a small case and saved there.
  --runs N          cases in all (default 10000)
  --seed S          the seed to draw them from (default: random; printed, to repeat a run)
  --time-limit MS   a case that takes longer fails too (default 5000)
Exit codes: 0 every case held, 1 a case failed, 2 bad usage.`;

const options = {
  runs: { type: 'string', default: '10000' },
  seed: { type: 'string' },
  'time-limit': { type: 'string', default: '5000' },
} as const;

const whole = (value: string, name: string) => {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, got "${value}".`);
  return Number(value);
};

await command({ usage: USAGE, options }, ({ values }) =>
  runFuzz({
    runs: whole(values.runs, '--runs'),
    seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : whole(values.seed, '--seed'),
    timeLimitMs: whole(values['time-limit'], '--time-limit'),
    say: (line) => process.stdout.write(`${line}\n`),
  }),
);
