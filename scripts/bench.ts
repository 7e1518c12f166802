/**
 * `npm run bench`: lint, build, page weight and search against the budgets in DESIGN §7, next to a
 * stock Starlight site. The benchmark itself lives in bench/ (bench/run.ts runs it).
 */
import { runBench, USAGE } from '../bench/run.ts';
import { main } from '../src/loader/cli.ts';

await main(USAGE, () => runBench(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)));
