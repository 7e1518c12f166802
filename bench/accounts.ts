/**
 * A seeded accounts CSV in the shape `npm run score` reads (DESIGN §3, §10): the columns the example
 * ICPs test, values mostly from their rule lists, and the mess a CRM export has: missing cells,
 * odd case, whitespace around values and around the `;` of `tech`, names that need quoting. Every
 * row is one the CSV scorer accepts, so the row count is the account count on every engine.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ATTRIBUTES } from '../src/schema/criterion.ts';
import { Rng } from './corpus/rng.ts';

/** The columns the scorer reads: the account's name, then every attribute a rule can test. */
export const ACCOUNT_COLUMNS = ['name', ...ATTRIBUTES] as const;

/** Industries, each with the tools such companies tend to run (a few others are mixed in). */
const STACKS: Record<string, string[]> = {
  'B2B SaaS': ['Salesforce', 'HubSpot', 'Stripe', 'Chargebee', 'Snowflake', 'BigQuery', 'Databricks', 'dbt'],
  'Vertical SaaS': ['Salesforce', 'HubSpot', 'Stripe', 'Redshift', 'dbt'],
  Fintech: ['Salesforce', 'HubSpot', 'Stripe', 'Snowflake', 'BigQuery'],
  'E-commerce': [
    'Shopify Plus',
    'BigCommerce',
    'Recharge',
    'Skio',
    'Klaviyo',
    'Amazon Seller Central',
    'BigQuery',
  ],
  'Consumer subscription': ['Shopify Plus', 'Recharge', 'Skio', 'Ordergroove', 'Klaviyo', 'Stripe'],
  Retail: ['Shopify Plus', 'Adobe Commerce', 'Amazon Seller Central', 'Snowflake', 'NetSuite'],
  Wholesale: ['Shopify Plus', 'NetSuite', 'Microsoft Power BI'],
  Distribution: ['NetSuite', 'Microsoft Power BI'],
  Banking: ['Fiserv', 'Jack Henry', 'FIS', 'Azure Synapse', 'Snowflake', 'Microsoft Power BI'],
  'Credit unions': ['Fiserv', 'Jack Henry', 'Microsoft Power BI'],
  'Healthcare providers': ['athenahealth', 'NextGen', 'eClinicalWorks', 'Snowflake', 'Microsoft Power BI'],
  'Specialty clinics': ['athenahealth', 'eClinicalWorks', 'Azure Synapse'],
  Hospitals: ['Epic', 'Microsoft Power BI'],
  Government: ['Salesforce', 'Microsoft Power BI'],
  'Non-profit': ['Salesforce', 'Google Sheets'],
  Manufacturing: ['NetSuite', 'Databricks', 'Microsoft Power BI'],
};
const INDUSTRIES = Object.keys(STACKS);
const TECH = [...new Set(Object.values(STACKS).flat())];
const PLACES: Record<string, string[]> = {
  'North America': ['United States', 'United States', 'United States', 'Canada', 'Mexico'],
  Europe: ['United Kingdom', 'Germany', 'Sweden', 'Netherlands', 'France'],
  'Asia Pacific': ['Singapore', 'Japan', 'India'],
  'Australia and New Zealand': ['Australia', 'New Zealand'],
};
const REGIONS = Object.keys(PLACES);
const STAGES = ['startup', 'growth', 'mid-market', 'enterprise'];
const NAME_PARTS = ['Harbor', 'Lumen', 'Cascadia', 'Kestrel', 'Norrland', 'Bluegate', 'Prairie', 'Sable'];
const NAME_ENDS = ['Ledger', 'Outfitters', 'Bank', 'Payments, Inc.', 'Health Partners', 'Supply "Co."'];
/** Whitespace a CRM export leaves around values; JavaScript's trim() and the SQL query both remove it. */
const PADDING = [' ', '  ', '\t', '\u00a0'];

/** A cell as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** `Banking`, `banking`, `BANKING` or `bAnKiNg`. */
function oddCase(r: Rng, word: string): string {
  const which = r.int(0, 9);
  if (which < 6) return word;
  if (which < 8) return word.toLowerCase();
  if (which < 9) return word.toUpperCase();
  return [...word].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

/** A text value as exported: usually as is, sometimes in odd case or padded, sometimes missing or blank. */
function text(r: Rng, value: string, missing: number): string {
  if (r.chance(missing)) return r.chance(0.8) ? '' : r.pick(PADDING);
  const word = oddCase(r, value);
  return r.chance(0.1) ? `${r.pick(PADDING)}${word}${r.chance(0.5) ? r.pick(PADDING) : ''}` : word;
}

/** A number cell: missing sometimes, padded with a space sometimes. */
const number = (r: Rng, value: string, missing: number) =>
  r.chance(missing) ? '' : r.chance(0.05) ? ` ${value} ` : value;

/** One data row of account `i`, as a CSV line. */
export function accountLine(r: Rng, i: number): string {
  const industry = r.pick(INDUSTRIES);
  const region = r.chance(0.6) ? 'North America' : r.pick(REGIONS);
  const country = r.pick(PLACES[region]!);
  const employees = Math.round(Math.exp(r.next() * Math.log(20_000))) + 4;
  const revenue = Math.round(employees * r.int(40, 400) * 1000);
  const growth = r.chance(0.3) ? (r.int(-200, 1200) / 10).toFixed(1) : String(r.int(-20, 120));
  const stack = r.sample(STACKS[industry]!, r.int(1, 4));
  if (r.chance(0.2)) stack.push(r.pick(TECH));
  const tech = stack.map((t) => oddCase(r, t)).join(r.pick([';', ';', '; ', ' ; ', ';;']));
  const name = `${r.pick(NAME_PARTS)} ${r.pick(NAME_ENDS)} ${i}`;
  return [
    cell(name),
    cell(text(r, industry, 0.06)),
    cell(text(r, region, 0.05)),
    cell(text(r, country, 0.08)),
    cell(text(r, r.pick(STAGES), 0.1)),
    number(r, String(employees), 0.05),
    number(r, String(revenue), 0.1),
    number(r, growth, 0.12),
    cell(r.chance(0.1) ? '' : tech),
  ].join(',');
}

/** The CSV text of `count` accounts, header first, in chunks of up to 10,000 lines. */
export function* accountChunks(count: number, seed: number): Generator<string> {
  const r = new Rng(seed);
  let lines = [ACCOUNT_COLUMNS.join(',')];
  for (let i = 1; i <= count; i++) {
    lines.push(accountLine(r, i));
    if (lines.length === 10_000) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}

/** Writes `accounts-<count>-s<seed>.csv` into `dir`, afresh; returns its path and size in bytes. */
export function writeAccounts(dir: string, count: number, seed: number): { file: string; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `accounts-${count}-s${seed}.csv`);
  const fd = openSync(file, 'w');
  let bytes = 0;
  try {
    for (const chunk of accountChunks(count, seed)) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { file, bytes };
}
