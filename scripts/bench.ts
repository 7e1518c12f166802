/**
 * `npm run bench`: measures lint, build, page weight and search against the budgets in DESIGN §7,
 * on generated playbooks (bench/corpus/generate.ts), and compares the build with a stock Starlight site.
 * Prints progress and a table, and writes bench/results.json.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { CORPUS_TODAY, corpusCounts, generateCorpus } from '../bench/corpus/generate.ts';
import { EXIT_OK, main, parse, UsageError } from '../src/loader/cli.ts';
import { writeCorpus } from '../bench/corpus/write.ts';
import { median, run } from '../bench/measure.ts';
import { searchTransfer } from '../bench/search.ts';
import { ensureStarlight, writeStarlightSite } from '../bench/starlight.ts';
import { pageWeight, type PageWeight } from '../bench/weight.ts';

const USAGE = `Usage: npm run bench -- [--quick | --pages N | --lint-only] [--lint-sizes 1000,10000] [--build-sizes 1000,5000]
         [--runs 3] [--seed 1] [--query forecast] [--no-starlight] [--no-search] [--chromium PATH] [--out FILE] [--tmp DIR]

Generates playbooks, then measures lint (ms per file), build time and peak memory (ours and a stock
Starlight site with the same pages), page weight and the bytes of a first search query.
  --quick      200 files, no Starlight, no 10,000-file lint (under two minutes)
  --pages N    one size for everything, no Starlight (for tests)
  --lint-only  lint figures only
Results go to bench/results.json (or --out); scratch files to bench/tmp (or --tmp).`;

const root = resolve(import.meta.dirname, '..');
const say = (line: string) => process.stdout.write(`${line}\n`);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const sizes = (value: string, flag: string) => {
  const list = value.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 10)) throw new UsageError(`${flag} takes whole numbers ≥ 10, e.g. 1000,5000; got "${value}".`);
  return list;
};

await main(USAGE, async () => {
  const { values, positionals } = parse({
    quick: { type: 'boolean' },
    pages: { type: 'string' },
    'lint-sizes': { type: 'string' },
    'build-sizes': { type: 'string' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string', default: 'forecast' },
    'no-starlight': { type: 'boolean' },
    'no-search': { type: 'boolean' },
    'lint-only': { type: 'boolean' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    out: { type: 'string' },
    tmp: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    say(USAGE);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const small = values.pages ? sizes(values.pages, '--pages') : values.quick ? [200] : undefined;
  const lintSizes = values['lint-sizes'] ? sizes(values['lint-sizes'], '--lint-sizes') : (small ?? [1000, 10000]);
  const buildSizes = values['lint-only'] ? [] : values['build-sizes'] ? sizes(values['build-sizes'], '--build-sizes') : (small ?? [1000, 5000]);
  const withStarlight = !values['no-starlight'] && !small;
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a whole number ≥ 1, got "${values.runs}".`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}".`);
  const tmp = resolve(values.tmp ?? join(root, 'bench', 'tmp'));
  const out = resolve(values.out ?? join(root, 'bench', 'results.json'));
  const env = { ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_TODAY: CORPUS_TODAY, PLAYBOOK_CONTENT_DIR: undefined, NO_COLOR: '1' };
  const node = process.execPath;
  mkdirSync(tmp, { recursive: true });

  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
  };
  const started = new Date();
  say(`Benchmark on ${machine.cores} cores, ${mib(machine.memoryBytes)}, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(' ')}`);

  // Corpora, written fresh so that they always match the generator.
  const corpusDirs = new Map<number, string>();
  for (const n of [...new Set([...lintSizes, ...buildSizes])].sort((a, b) => a - b)) {
    const t = performance.now();
    corpusDirs.set(n, writeCorpus(tmp, n, seed));
    const c = corpusCounts(n);
    say(`corpus ${n} files (${c.icps} ICPs, ${c.personas} personas, ${c.terms} terms) written in ${sec(performance.now() - t)}`);
  }

  // Lint: the real command in a child process, whole graph, `runs` times; the first run starts
  // with an empty parse cache (cold), the others reuse it (warm), as CI and editors would.
  const lint: { files: number; runsMs: number[]; coldMs: number; medianMs: number; msPerFile: number; coldMsPerFile: number }[] = [];
  for (const n of lintSizes) {
    const runsMs: number[] = [];
    const cache = join(tmp, `cache-lint-${n}`);
    rmSync(cache, { recursive: true, force: true });
    for (let i = 0; i < runs; i++) {
      const args = [join(root, 'scripts', 'lint.ts'), '--content', corpusDirs.get(n)!, '--format', 'json', '--today', CORPUS_TODAY];
      const r = await run(node, args, { cwd: root, env: { ...env, PLAYBOOK_CACHE_DIR: cache } });
      const summary = r.code <= 1 ? (JSON.parse(r.stdout) as { summary: { errors: number; warnings: number } }).summary : undefined;
      if (!summary || summary.errors || summary.warnings) throw new Error(`lint of the ${n}-file corpus did not come out clean (exit ${r.code}): ${r.stderr || r.stdout.slice(0, 2000)}`);
      runsMs.push(r.ms);
      say(`lint ${n} files, run ${i + 1}/${runs} (${i === 0 ? 'cold' : 'warm'} cache): ${sec(r.ms)} (${(r.ms / n).toFixed(2)} ms per file)`);
    }
    const m = median(runsMs);
    const perFile = (ms: number) => Number((ms / n).toFixed(3));
    lint.push({ files: n, runsMs: runsMs.map(Math.round), coldMs: Math.round(runsMs[0]!), medianMs: Math.round(m), msPerFile: perFile(m), coldMsPerFile: perFile(runsMs[0]!) });
  }

  // Our build: lint + Astro + Pagefind, cold, into a fresh folder.
  type Build = { pages: number; htmlFiles: number; wallMs: number; peakRssBytes: number; peakByProgram: Record<string, number>; phasesMs?: Record<string, number>; personaPage?: ReturnType<typeof pageWeight> };
  const ours: Build[] = [];
  const outDirs = new Map<number, string>();
  for (const n of buildSizes) {
    const outDir = join(tmp, `out-ours-${n}`);
    rmSync(outDir, { recursive: true, force: true });
    say(`build (ours) ${n} pages…`);
    const phasesMs: Record<string, number> = {};
    const cache = join(tmp, `cache-build-${n}`);
    rmSync(cache, { recursive: true, force: true });
    const r = await run(node, [join(root, 'scripts', 'build.ts'), '--content', corpusDirs.get(n)!, '--out', outDir, '--today', CORPUS_TODAY], {
      cwd: root,
      env: { ...env, PLAYBOOK_CACHE_DIR: cache },
      onLine: (line) => {
        const m = /^\s+(\w+)\s+([\d.]+) s\b/.exec(line);
        if (m) {
          phasesMs[m[1]!] = Math.round(Number(m[2]) * 1000);
          say(`  ${line.trim()}`);
        }
      },
    });
    if (r.code !== 0) throw new Error(`our build of ${n} pages failed (exit ${r.code}):\n${r.stderr.slice(-4000)}`);
    outDirs.set(n, outDir);
    const b: Build = { pages: n, htmlFiles: countHtml(outDir), wallMs: Math.round(r.ms), peakRssBytes: r.peakRssBytes, peakByProgram: r.peakByProgram, phasesMs };
    ours.push(b);
    say(`build (ours) ${n} pages: ${sec(r.ms)}, peak RSS ${mib(r.peakRssBytes)} (${programs(r.peakByProgram)}), ${b.htmlFiles} HTML files`);
  }

  // Page weight and search on the largest build.
  const largest = Math.max(...buildSizes);
  const dist = outDirs.get(largest);
  let persona: PageWeight | undefined;
  let glossary: PageWeight | undefined;
  if (dist) {
    const personaId = readdirSync(join(dist, 'personas'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()[0];
    if (!personaId) throw new Error(`no persona page in ${dist}/personas`);
    persona = pageWeight(dist, join('personas', personaId, 'index.html'));
    glossary = pageWeight(dist, join('glossary', 'index.html'));
    say(`page weight: persona ${persona.page} ${kb(persona.total)} (HTML ${kb(persona.html)}, CSS ${kb(persona.css)}, JS ${kb(persona.js)}); glossary JS ${kb(glossary.js)}`);
  }
  let search: Awaited<ReturnType<typeof searchTransfer>> | undefined;
  let searchPasted: Awaited<ReturnType<typeof searchTransfer>> | undefined;
  if (!dist || values['no-search']) {
    // Nothing to search.
  } else if (!existsSync(values.chromium)) say(`search: skipped, no Chromium at ${values.chromium} (pass --chromium PATH)`);
  else if (persona) {
    say(`search: first query "${values.query}" on ${persona.page} at ${largest} pages…`);
    search = await searchTransfer(dist, persona.page, values.query, { chromium: values.chromium, typed: true });
    say(`search: typed, ${kb(search.bytes)} gzip in ${search.requests.length} responses, ${search.results} results shown`);
    searchPasted = await searchTransfer(dist, persona.page, values.query, { chromium: values.chromium, typed: false });
    say(`search: pasted, ${kb(searchPasted.bytes)} gzip in ${searchPasted.requests.length} responses`);
  }

  // Pagefind on its own over the largest output, to tell its memory from the rest of the build.
  let pagefindAlone: { wallMs: number; peakRssBytes: number } | undefined;
  if (dist) {
    const r = await run(node, [join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', dist, '--output-path', join(tmp, 'pagefind-alone'), '--force-language', 'en'], { cwd: root, env });
    if (r.code === 0) {
      pagefindAlone = { wallMs: Math.round(r.ms), peakRssBytes: r.peakRssBytes };
      say(`pagefind CLI alone on ${largest} pages: ${sec(r.ms)}, peak RSS ${mib(r.peakRssBytes)}`);
    }
  }

  // Stock Starlight with the same pages.
  const starlight: Build[] = [];
  let versions: { astro: string; starlight: string } | undefined;
  if (withStarlight) {
    const siteDir = join(tmp, 'starlight');
    versions = ensureStarlight(siteDir, (line) => say(line));
    for (const n of buildSizes) {
      writeStarlightSite(siteDir, generateCorpus({ files: n, seed }));
      say(`build (Starlight ${versions.starlight}) ${n} pages…`);
      const r = await run(node, [join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: siteDir, env: { ...env, NODE_ENV: 'production' } });
      if (r.code !== 0) throw new Error(`the Starlight build of ${n} pages failed (exit ${r.code}):\n${r.stderr.slice(-4000)}`);
      const b: Build = { pages: n, htmlFiles: countHtml(join(siteDir, 'dist')), wallMs: Math.round(r.ms), peakRssBytes: r.peakRssBytes, peakByProgram: r.peakByProgram };
      starlight.push(b);
      say(`build (Starlight) ${n} pages: ${sec(r.ms)}, peak RSS ${mib(r.peakRssBytes)} (${programs(r.peakByProgram)}), ${b.htmlFiles} HTML files`);
      if (n === largest) {
        const sample = readdirSync(join(siteDir, 'dist', 'personas'))[0];
        if (sample) b.personaPage = pageWeight(join(siteDir, 'dist'), join('personas', sample, 'index.html'));
      }
      // Its output is about 0.8 MB per page (4 GB at 5,000 pages): do not keep it around.
      rmSync(join(siteDir, 'dist'), { recursive: true, force: true });
    }
  }

  // Figures against the budgets.
  const at = (list: Build[], n: number) => list.find((b) => b.pages === n);
  const ratios = buildSizes.flatMap((n) => {
    const a = at(ours, n);
    const b = at(starlight, n);
    return a && b ? [{ pages: n, ours: a.wallMs, starlight: b.wallMs, ratio: Number((a.wallMs / b.wallMs).toFixed(3)) }] : [];
  });
  const smallest = Math.min(...buildSizes);
  const linearity = buildSizes.length > 1 ? { from: smallest, to: largest, factor: Number((at(ours, largest)!.wallMs / at(ours, smallest)!.wallMs).toFixed(2)), ideal: largest / smallest } : undefined;
  const bigLint = lint.find((l) => l.files === Math.max(...lintSizes))!;
  const budgets = [
    { id: 'lint', budget: '≤ 1 ms per file at 10,000 files', at: `${bigLint.files} files`, value: `${bigLint.msPerFile} ms`, holds: bigLint.msPerFile <= 1 },
    ...(ratios.length ? [{ id: 'build-vs-starlight', budget: '≤ 0.25 × Starlight at 5,000 pages', at: `${ratios.at(-1)!.pages} pages`, value: `${ratios.at(-1)!.ratio} ×`, holds: ratios.at(-1)!.ratio <= 0.25 }] : []),
    ...(linearity ? [{ id: 'build-linearity', budget: 'T(5,000) ≤ 5.5 × T(1,000)', at: `${linearity.to} / ${linearity.from} pages`, value: `${linearity.factor} ×`, holds: linearity.factor <= 5.5 * (linearity.ideal / 5) }] : []),
    ...(ours.length ? [{ id: 'build-peak-rss', budget: '≤ 1 GiB at 5,000 pages', at: `${largest} pages`, value: mib(at(ours, largest)!.peakRssBytes), holds: at(ours, largest)!.peakRssBytes <= 2 ** 30 }] : []),
    ...(persona && glossary
      ? [
          { id: 'persona-page-weight', budget: '≤ 30 kB HTML+CSS+JS before search', at: persona.page, value: kb(persona.total), holds: persona.total <= 30_000 },
          { id: 'js-without-islands', budget: '≤ 2 kB JS on pages without the fit island', at: 'persona and glossary pages', value: kb(Math.max(persona.js, glossary.js)), holds: Math.max(persona.js, glossary.js) <= 2_000 },
        ]
      : []),
    ...(search ? [{ id: 'search-first-query', budget: '≤ 150 kB gzip for the first query at 5,000 pages', at: `${largest} pages, "${search.query}"`, value: kb(search.bytes), holds: search.bytes <= 150_000 }] : []),
  ];

  const results = {
    version: 1,
    date: started.toISOString(),
    durationMs: Math.round(Date.now() - started.getTime()),
    machine: { ...machine, loadAverageAtEnd: loadavg().map((n) => Number(n.toFixed(2))) },
    options: { lintSizes, buildSizes, runs, seed, today: CORPUS_TODAY, query: values.query, starlight: withStarlight },
    corpus: Object.fromEntries(buildSizes.concat(lintSizes).map((n) => [n, corpusCounts(n)])),
    lint,
    build: { ours, starlight, starlightVersions: versions, ratios, linearity, pagefindAlone },
    pageWeight: { persona, glossary },
    search,
    searchPasted,
    budgets,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

  // A budget is judged at the largest size measured; smaller sizes show "–".
  const judge = (n: number, sizes: number[], ok: boolean) => (n === Math.max(...sizes) ? (ok ? 'yes' : 'no') : '–');
  say('');
  say('| figure | value | budget | holds |');
  say('|---|---|---|---|');
  for (const l of lint) say(`| lint, ${l.files} files (median of ${runs}) | ${l.msPerFile} ms per file (${sec(l.medianMs)}); cold cache ${l.coldMsPerFile} ms | ≤ 1 ms at 10,000 | ${judge(l.files, lintSizes, l.msPerFile <= 1)} |`);
  for (const b of ours) say(`| build (ours), ${b.pages} pages | ${sec(b.wallMs)}, peak RSS ${mib(b.peakRssBytes)} (${programs(b.peakByProgram)}) | ≤ 1 GiB at 5,000 | ${judge(b.pages, buildSizes, b.peakRssBytes <= 2 ** 30)} |`);
  for (const b of starlight) say(`| build (Starlight ${versions?.starlight}), ${b.pages} pages | ${sec(b.wallMs)}, peak RSS ${mib(b.peakRssBytes)} | | |`);
  for (const r of ratios) say(`| ours / Starlight, ${r.pages} pages | ${r.ratio} × | ≤ 0.25 × at 5,000 | ${judge(r.pages, buildSizes, r.ratio <= 0.25)} |`);
  if (pagefindAlone) say(`| Pagefind CLI alone, ${largest} pages | ${sec(pagefindAlone.wallMs)}, peak RSS ${mib(pagefindAlone.peakRssBytes)} | | |`);
  if (linearity) say(`| T(${linearity.to}) / T(${linearity.from}) | ${linearity.factor} × | ≤ 5.5 × | ${budgets.find((b) => b.id === 'build-linearity')!.holds ? 'yes' : 'no'} |`);
  if (persona && glossary) {
    say(`| persona page before search | ${kb(persona.total)} (HTML ${kb(persona.html)}, CSS ${kb(persona.css)}, JS ${kb(persona.js)}) | ≤ 30 kB | ${persona.total <= 30_000 ? 'yes' : 'no'} |`);
    say(`| JS on pages without islands | persona ${kb(persona.js)}, glossary ${kb(glossary.js)} | ≤ 2 kB | ${Math.max(persona.js, glossary.js) <= 2_000 ? 'yes' : 'no'} |`);
  }
  if (search) say(`| first search query typed, ${largest} pages | ${kb(search.bytes)} gzip (${Object.entries(search.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}) | ≤ 150 kB | ${search.bytes <= 150_000 ? 'yes' : 'no'} |`);
  if (searchPasted) say(`| first search query pasted at once, ${largest} pages | ${kb(searchPasted.bytes)} gzip | (for comparison) | |`);
  say('');
  say(`Results written to ${relative(process.cwd(), out) || out} in ${sec(results.durationMs)}.`);
  return EXIT_OK;
});

function programs(byProgram: Record<string, number>): string {
  return Object.entries(byProgram)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${mib(bytes)}`)
    .join(', ');
}

function countHtml(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}
