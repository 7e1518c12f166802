/**
 * A deterministic, seeded synthetic playbook for benchmarks: ICPs, personas and glossary terms
 * with realistic frontmatter and 400–600-word bodies, forming a graph that lints clean under
 * the default `playbook.yaml` settings on the pinned date. Pure: it returns file texts keyed
 * by path (relative to the content folder) and never touches the file system.
 *
 * The mix is about 72% personas, 18% ICPs and 10% glossary terms. Personas outnumber ICPs by at
 * most four to one so that every ICP stays inside the default `personas_per_icp: [2, 4]`, and
 * the first persona of every ICP is its economic buyer (`dmu-coverage`).
 */

export interface CorpusOptions {
  /** Number of content files (ICPs + personas + glossary terms); `playbook.yaml` comes on top. At least 4. */
  files: number;
  /** Same seed, same bytes. Default 1. */
  seed?: number;
  /** The date lint runs with (`--today`); every date in the corpus lies in the 90 days before it. Default 2026-11-22. */
  today?: string;
}

export interface CorpusCounts {
  icps: number;
  personas: number;
  terms: number;
}

/** The pinned date the benchmark lints and builds with. */
export const CORPUS_TODAY = '2026-11-22';

/** How many files of each type a corpus of `files` files holds. */
export function corpusCounts(files: number): CorpusCounts {
  if (!Number.isInteger(files) || files < 4) throw new RangeError(`A corpus needs at least 4 files, got ${files}.`);
  const terms = Math.max(1, Math.round(files * 0.1));
  const rest = files - terms;
  const icps = Math.max(1, Math.ceil(rest / 5));
  return { icps, personas: rest - icps, terms };
}

/** Generates the corpus: `playbook.yaml` first, then `icps/…`, `personas/…` and `glossary/…` files. */
export function generateCorpus(options: CorpusOptions): Map<string, string> {
  const today = options.today ?? CORPUS_TODAY;
  const counts = corpusCounts(options.files);
  const rng = new Rng(options.seed ?? 1);
  const terms = makeTerms(rng, counts.terms);
  const icps = makeIcps(rng, counts.icps);
  const personas = makePersonas(rng, counts.personas, icps);
  const out = new Map<string, string>();
  out.set('playbook.yaml', playbookYaml(options.seed ?? 1, options.files));
  for (const icp of icps) out.set(`icps/${icp.id}.mdx`, icpFile(rng, icp, terms, today));
  for (const persona of personas) out.set(`personas/${persona.id}.mdx`, personaFile(rng, persona, terms, today));
  for (const term of terms) out.set(`glossary/${term.id}.mdx`, termFile(rng, term, terms, icps));
  return out;
}

/** Words in a Markdown text, as a reader counts them (markup such as `|`, `-` or `##` is not a word). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** sfc32 seeded through splitmix32: small, fast and the same on every platform. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `k` distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const INDUSTRIES = [
  'B2B SaaS', 'Vertical SaaS', 'Fintech', 'E-commerce', 'Specialty retail', 'Logistics', 'Freight forwarding',
  'Discrete manufacturing', 'Process manufacturing', 'Healthcare providers', 'Insurance', 'Regional banking',
  'Wealth management', 'Telecommunications', 'Media and publishing', 'Higher education', 'Hospitality',
  'Energy utilities', 'Renewable energy', 'Construction', 'Commercial real estate', 'Professional services',
  'Legal services', 'Automotive suppliers', 'Pharmaceuticals', 'Medical devices', 'Food and beverage',
  'Agritech', 'Travel technology', 'Gaming', 'Cybersecurity', 'Online marketplaces', 'Staffing agencies',
  'Facilities management', 'Clinical research', 'Payments', 'Proptech', 'Edtech', 'Martech', 'Insurtech',
] as const;

const EXCLUDED_INDUSTRIES = ['Government', 'Non-profit', 'Defence', 'Gambling', 'Tobacco', 'Public education'] as const;

const REGIONS = [
  'North America', 'Europe', 'United Kingdom and Ireland', 'DACH', 'Nordics', 'Benelux', 'Southern Europe',
  'Latin America', 'Australia and New Zealand', 'Southeast Asia', 'Middle East', 'India', 'Japan', 'Central Europe',
] as const;

const COUNTRIES = [
  'United States', 'Canada', 'United Kingdom', 'Germany', 'France', 'Netherlands', 'Sweden', 'Spain', 'Italy',
  'Australia', 'Singapore', 'Brazil', 'Mexico', 'Japan', 'India', 'Ireland', 'Denmark', 'Switzerland', 'Poland', 'Austria',
] as const;

const CITIES = [
  'Austin', 'Boston', 'Chicago', 'Denver', 'Toronto', 'London', 'Manchester', 'Dublin', 'Berlin', 'Munich', 'Hamburg',
  'Amsterdam', 'Rotterdam', 'Stockholm', 'Copenhagen', 'Oslo', 'Madrid', 'Barcelona', 'Milan', 'Paris', 'Lyon',
  'Zurich', 'Vienna', 'Warsaw', 'Sydney', 'Melbourne', 'Auckland', 'Singapore', 'Sao Paulo', 'Mexico City',
  'Bangalore', 'Tokyo', 'Dubai', 'Seattle', 'Atlanta', 'New York', 'San Francisco', 'Raleigh', 'Helsinki', 'Lisbon',
] as const;

const SEGMENTS = [
  { name: 'Small business', slug: 'smb', employees: [20, 200], revenue: [2, 25] },
  { name: 'Scale-ups', slug: 'scaleup', employees: [80, 600], revenue: [10, 80] },
  { name: 'Mid-market', slug: 'midmarket', employees: [200, 2000], revenue: [20, 300] },
  { name: 'Upper mid-market', slug: 'upper-midmarket', employees: [1000, 5000], revenue: [150, 900] },
  { name: 'Enterprise', slug: 'enterprise', employees: [5000, 50000], revenue: [800, 12000] },
  { name: 'Strategic accounts', slug: 'strategic', employees: [20000, 200000], revenue: [5000, 60000] },
] as const;

const STAGES = ['startup', 'growth', 'mid-market', 'enterprise'] as const;

const TECH = [
  'Salesforce', 'HubSpot', 'Microsoft Dynamics', 'Pipedrive', 'Zendesk', 'Intercom', 'Stripe', 'Chargebee', 'Zuora',
  'NetSuite', 'SAP S/4HANA', 'Oracle Fusion', 'Workday', 'Snowflake', 'BigQuery', 'Databricks', 'Redshift', 'dbt',
  'Fivetran', 'Airbyte', 'Looker', 'Tableau', 'Power BI', 'Segment', 'Marketo', 'Outreach', 'Salesloft', 'Gong',
  'Slack', 'Microsoft Teams', 'Jira', 'Shopify', 'Magento', 'Okta', 'AWS', 'Azure', 'Google Cloud', 'Epic', 'Cerner',
  'Guidewire', 'ServiceNow', 'Kubernetes', 'Twilio', 'DocuSign', 'Coupa', 'Anaplan', 'Adaptive Planning', 'Metabase',
] as const;

const LEGACY_TECH = [
  'Custom-built billing on a mainframe ERP', 'Spreadsheet-only reporting', 'An in-house data warehouse on bare metal',
  'A frozen on-premise CRM', 'Homegrown forecasting macros', 'A single-vendor suite contract with exclusivity terms',
] as const;

const FIRST_NAMES = [
  'Alex', 'Amara', 'Anika', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Dana', 'Daniel', 'Dev', 'Diego', 'Elena',
  'Elif', 'Emeka', 'Emma', 'Farah', 'Felix', 'Fatima', 'Freya', 'Gabriel', 'Grace', 'Hana', 'Hannah', 'Henrik', 'Hugo',
  'Ingrid', 'Isabel', 'Ivan', 'Jamal', 'Jana', 'Jonas', 'Julia', 'Kai', 'Kalani', 'Kenji', 'Kofi', 'Lars', 'Laura',
  'Leila', 'Liam', 'Lina', 'Lucas', 'Maya', 'Malik', 'Marco', 'Marta', 'Mateo', 'Mei', 'Mila', 'Nadia', 'Nate',
  'Nia', 'Nikolai', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oskar', 'Paula', 'Pedro', 'Priya', 'Quinn', 'Rafael', 'Rania',
  'Rita', 'Rohan', 'Rosa', 'Sam', 'Sana', 'Sara', 'Sebastian', 'Sofia', 'Soren', 'Tariq', 'Tessa', 'Theo', 'Tomas',
  'Uma', 'Valentina', 'Victor', 'Wen', 'Yara', 'Yusuf', 'Zara', 'Zoe', 'Aiko', 'Arjun', 'Beatrice', 'Camille',
  'Dmitri', 'Esther', 'Fiona', 'Goran', 'Helga', 'Ines', 'Joaquin', 'Katja', 'Lorenzo', 'Magnus', 'Noor', 'Olga',
] as const;

interface RoleTemplate {
  role: string;
  label: string;
  seniority: 'ic' | 'manager' | 'director' | 'vp' | 'c-level' | 'owner';
  department: string;
  team: string;
}

/** Role templates by their place in an ICP's DMU: economic buyer, champion, technical buyer, other. */
const ROLES: readonly (readonly RoleTemplate[])[] = [
  [
    { role: 'Chief Financial Officer', label: 'CFO', seniority: 'c-level', department: 'Finance', team: 'finance' },
    { role: 'Chief Operating Officer', label: 'COO', seniority: 'c-level', department: 'Operations', team: 'operations' },
    { role: 'Chief Revenue Officer', label: 'CRO', seniority: 'c-level', department: 'Sales', team: 'revenue' },
    { role: 'VP of Finance', label: 'Finance VP', seniority: 'vp', department: 'Finance', team: 'finance' },
    { role: 'Chief Information Officer', label: 'CIO', seniority: 'c-level', department: 'IT', team: 'IT' },
    { role: 'Chief Marketing Officer', label: 'CMO', seniority: 'c-level', department: 'Marketing', team: 'marketing' },
    { role: 'Founder and CEO', label: 'Founder', seniority: 'owner', department: 'Executive', team: 'leadership' },
    { role: 'VP of Operations', label: 'Ops VP', seniority: 'vp', department: 'Operations', team: 'operations' },
  ],
  [
    { role: 'Head of Revenue Operations', label: 'RevOps', seniority: 'director', department: 'Revenue Operations', team: 'RevOps' },
    { role: 'Director of FP&A', label: 'FP&A', seniority: 'director', department: 'Finance', team: 'planning' },
    { role: 'Head of Data', label: 'Data', seniority: 'director', department: 'Data', team: 'data' },
    { role: 'Marketing Operations Manager', label: 'MOps', seniority: 'manager', department: 'Marketing', team: 'marketing operations' },
    { role: 'Director of Sales Operations', label: 'SalesOps', seniority: 'director', department: 'Sales', team: 'sales operations' },
    { role: 'Head of Customer Success', label: 'Success', seniority: 'director', department: 'Customer Success', team: 'customer success' },
    { role: 'Director of Business Systems', label: 'Systems', seniority: 'director', department: 'IT', team: 'business systems' },
    { role: 'Growth Lead', label: 'Growth', seniority: 'manager', department: 'Marketing', team: 'growth' },
  ],
  [
    { role: 'Data Engineering Lead', label: 'Data Engineer', seniority: 'manager', department: 'Data', team: 'data engineering' },
    { role: 'Head of IT', label: 'IT', seniority: 'director', department: 'IT', team: 'IT' },
    { role: 'Security Architect', label: 'Security', seniority: 'ic', department: 'Security', team: 'security' },
    { role: 'Enterprise Architect', label: 'Architect', seniority: 'ic', department: 'IT', team: 'architecture' },
    { role: 'Director of Engineering', label: 'Engineering', seniority: 'director', department: 'Engineering', team: 'engineering' },
    { role: 'Analytics Engineer', label: 'Analytics', seniority: 'ic', department: 'Data', team: 'analytics' },
    { role: 'Chief Information Security Officer', label: 'CISO', seniority: 'c-level', department: 'Security', team: 'security' },
  ],
  [
    { role: 'Financial Analyst', label: 'Analyst', seniority: 'ic', department: 'Finance', team: 'finance' },
    { role: 'Account Executive', label: 'Seller', seniority: 'ic', department: 'Sales', team: 'sales' },
    { role: 'Regional Sales Manager', label: 'Sales Manager', seniority: 'manager', department: 'Sales', team: 'sales' },
    { role: 'Procurement Manager', label: 'Procurement', seniority: 'manager', department: 'Procurement', team: 'procurement' },
    { role: 'Customer Success Manager', label: 'CSM', seniority: 'ic', department: 'Customer Success', team: 'customer success' },
    { role: 'Senior Legal Counsel', label: 'Legal', seniority: 'ic', department: 'Legal', team: 'legal' },
    { role: 'Corporate Controller', label: 'Controller', seniority: 'director', department: 'Finance', team: 'accounting' },
    { role: 'VP of Sales', label: 'Sales VP', seniority: 'vp', department: 'Sales', team: 'sales' },
  ],
];

const OTHER_ROLE_DMU: Record<string, 'end-user' | 'influencer' | 'procurement'> = {
  Analyst: 'end-user',
  Seller: 'end-user',
  'Sales Manager': 'end-user',
  Procurement: 'procurement',
  CSM: 'end-user',
  Legal: 'influencer',
  Controller: 'influencer',
  'Sales VP': 'influencer',
};

const METRICS = [
  'days to close', 'forecast accuracy', 'pipeline coverage', 'win rate', 'net revenue retention', 'gross margin',
  'churn', 'ramp time for new sellers', 'cost per lead', 'time to first value', 'renewal rate', 'days sales outstanding',
  'report turnaround', 'quota attainment', 'onboarding time', 'ticket backlog', 'audit findings', 'analyst hours per month',
  'discount depth', 'lead response time', 'expansion bookings', 'cash conversion', 'data freshness', 'deal slippage',
] as const;

const PERIODS = ['the next quarter', 'the end of the fiscal year', 'the next board meeting', 'two quarters', 'the renewal window', 'the planning cycle', 'the next audit'] as const;

const TEAM_PAINS = [
  'rebuild the same numbers in spreadsheets every month',
  'reconcile three systems before anyone trusts a report',
  'wait days for answers the data team cannot prioritise',
  'argue over whose pipeline number is right',
  'lose deals because quotes and contracts take too long',
  'explain variances they cannot trace back to a source',
  'chase approvals through email threads and chat messages',
  'keep a shadow copy of the CRM in personal workbooks',
  'miss renewals because usage data arrives too late',
  'spend the last week of each quarter cleaning records',
] as const;

const CHANNELS = ['LinkedIn', 'Peer referrals', 'Industry dinners', 'Webinars', 'Email', 'Analyst briefings', 'Podcasts', 'Slack communities', 'Trade shows', 'Partner introductions', 'Customer advisory boards', 'Newsletters'] as const;
const CONTENT = ['Case studies with numbers', 'ROI models', 'Benchmark reports', 'One-page executive briefs', 'Technical documentation', 'Architecture diagrams', 'Short product videos', 'Security questionnaires', 'Implementation plans', 'Peer reviews', 'Templates and checklists', 'Live demos'] as const;
const SOURCES = ['Win/loss interviews', 'Customer advisory board notes', 'Customer survey', 'Sales call recordings', 'Support ticket review', 'Churn interviews', 'Partner feedback sessions', 'Product usage analysis'] as const;
const EDUCATION = ['MBA', 'Chartered accountant', 'Computer science degree', 'Economics degree', 'Engineering degree', 'Law degree', 'Business degree', 'Statistics degree'] as const;

interface BaseTerm {
  term: string;
  abbr?: string;
  aliases?: string[];
  short: string;
}

const BASE_TERMS: readonly BaseTerm[] = [
  { term: 'Annual recurring revenue', abbr: 'ARR', short: 'The yearly value of all active subscription contracts, excluding one-off fees.' },
  { term: 'Monthly recurring revenue', abbr: 'MRR', short: 'The monthly value of all active subscription contracts.' },
  { term: 'Net revenue retention', abbr: 'NRR', aliases: ['net dollar retention'], short: 'Recurring revenue kept from a cohort of customers after a year, including expansion, contraction and churn.' },
  { term: 'Gross revenue retention', abbr: 'GRR', short: 'Recurring revenue kept from a cohort after a year, counting losses but not expansion.' },
  { term: 'Customer acquisition cost', abbr: 'CAC', short: 'Sales and marketing spend divided by the number of new customers won in the same period.' },
  { term: 'Customer lifetime value', abbr: 'LTV', aliases: ['lifetime value'], short: 'The gross margin a customer is expected to bring over the whole relationship.' },
  { term: 'Ideal customer profile', short: 'A description of the companies that get the most value from the product and are most valuable to us.' },
  { term: 'Total addressable market', abbr: 'TAM', short: 'Total revenue opportunity if every possible customer bought the product.' },
  { term: 'Serviceable addressable market', abbr: 'SAM', short: 'The part of the total market our product and channels can actually reach.' },
  { term: 'Serviceable obtainable market', abbr: 'SOM', short: 'The share of the serviceable market we can realistically win in the planning period.' },
  { term: 'Decision-making unit', abbr: 'DMU', aliases: ['buying committee'], short: 'Everyone who shapes a purchase decision: users, influencers, buyers, approvers and gatekeepers.' },
  { term: 'Economic buyer', short: 'The person who owns the budget and gives final approval for the purchase.' },
  { term: 'Champion', short: 'An insider who wants the deal to happen and sells on our behalf when we are not in the room.' },
  { term: 'Technical buyer', short: 'The person who judges whether the product fits the existing systems, security and architecture.' },
  { term: 'Account-based marketing', abbr: 'ABM', short: 'Marketing aimed at a named list of target accounts rather than at a broad audience.' },
  { term: 'Marketing qualified lead', abbr: 'MQL', short: 'A lead whose engagement suggests they are worth handing to sales.' },
  { term: 'Sales qualified lead', short: 'A lead that sales has accepted as a real opportunity after a first conversation.' },
  { term: 'Product qualified lead', abbr: 'PQL', short: 'A user or account whose product usage shows buying intent.' },
  { term: 'Intent signal', aliases: ['buying signal'], short: 'Observable behaviour suggesting an account is researching a purchase.' },
  { term: 'Pipeline coverage', short: 'Open pipeline value divided by the remaining quota for the period.' },
  { term: 'Win rate', short: 'Closed-won opportunities divided by all closed opportunities in a period.' },
  { term: 'Sales cycle length', aliases: ['sales cycle'], short: 'Median days from opportunity creation to close.' },
  { term: 'Average contract value', abbr: 'ACV', short: 'The average yearly value of a customer contract.' },
  { term: 'Churn rate', short: 'The share of customers or revenue lost in a period.' },
  { term: 'Payback period', aliases: ['CAC payback'], short: 'Months of gross margin needed to recover the cost of acquiring a customer.' },
  { term: 'Expansion revenue', short: 'New recurring revenue from existing customers through upsell and cross-sell.' },
  { term: 'Land and expand', short: 'Winning a small first deal and growing the account over time.' },
  { term: 'Go-to-market', abbr: 'GTM', short: 'The plan for reaching target customers: segments, messages, channels, pricing and sales motion.' },
  { term: 'Revenue operations', abbr: 'RevOps', short: 'The team that runs the systems, data and processes behind sales, marketing and success.' },
  { term: 'Service level agreement', abbr: 'SLA', short: 'A committed level of service, such as uptime or response time.' },
  { term: 'Request for proposal', abbr: 'RFP', short: 'A formal document in which a buyer asks vendors for proposals against stated requirements.' },
  { term: 'Proof of concept', abbr: 'POC', short: 'A short, scoped trial that shows the product solves a specific problem on customer data.' },
  { term: 'Mutual action plan', short: 'A shared plan of the steps, owners and dates that lead to a signed contract.' },
  { term: 'Total cost of ownership', abbr: 'TCO', short: 'All costs of a solution over its life: licences, implementation, operation and staff time.' },
  { term: 'Return on investment', abbr: 'ROI', short: 'The gain from an investment relative to its cost.' },
  { term: 'Net promoter score', abbr: 'NPS', short: 'A loyalty measure from the question of how likely a customer is to recommend us.' },
  { term: 'Time to value', abbr: 'TTV', short: 'How long a new customer takes to get the first meaningful result from the product.' },
  { term: 'Firmographics', short: 'Company attributes such as industry, size, revenue and location.' },
  { term: 'Technographics', short: 'The technologies a company uses, as signals of fit and readiness.' },
  { term: 'Lead scoring', short: 'Ranking leads by fit and engagement so that sellers work the best ones first.' },
  { term: 'Buyer journey', short: 'The stages a buyer moves through, from first awareness of a problem to purchase.' },
  { term: 'Value proposition', short: 'The specific outcome we promise a customer, and why we deliver it better than the alternatives.' },
  { term: 'Battle card', short: 'A one-page sales aid with positioning, objections and competitor facts.' },
  { term: 'Objection handling', short: 'Answering a buyer concern in a way that keeps the deal moving.' },
  { term: 'Discovery call', short: 'An early conversation that qualifies the account and uncovers pains and priorities.' },
  { term: 'Forecast accuracy', short: 'How close forecast bookings came to actual bookings.' },
  { term: 'Quota attainment', short: 'The share of quota a seller or team closed in a period.' },
  { term: 'Data processing agreement', abbr: 'DPA', short: 'The contract that governs how a vendor handles personal data on the customer side.' },
  { term: 'Single sign-on', abbr: 'SSO', short: 'Signing in to many applications with one identity provider account.' },
  { term: 'Multi-threading', short: 'Building relationships with several people in the buying committee, not only the champion.' },
  { term: 'Win-loss analysis', short: 'A structured review of why deals were won or lost, based on buyer interviews.' },
  { term: 'Product-led growth', abbr: 'PLG', short: 'A motion in which product usage drives acquisition, conversion and expansion.' },
  { term: 'Customer health score', short: 'A composite of usage, support and relationship signals that predicts renewal.' },
];

const TERM_QUALIFIERS = [
  'Regional', 'Segment', 'Cohort', 'Blended', 'Weighted', 'Quarterly', 'Trailing', 'Forward', 'Adjusted', 'Channel',
  'Partner-sourced', 'Inbound', 'Outbound', 'Self-serve', 'Field', 'Renewal', 'Named-account', 'Territory', 'Rolling', 'Committed',
] as const;
const TERM_NOUNS = [
  'pipeline coverage', 'win rate', 'churn rate', 'deal velocity', 'lead velocity', 'conversion rate', 'quota capacity',
  'bookings', 'renewal rate', 'discount rate', 'forecast category', 'territory plan', 'account tier', 'ramp time',
  'sales capacity', 'attach rate', 'activation rate', 'usage score', 'engagement score', 'opportunity aging',
  'stage conversion', 'contract value', 'seat expansion', 'meeting rate', 'reply rate',
] as const;
const TERM_SUFFIXES = ['', ' benchmark', ' target', ' index', ' threshold'] as const;

// ---------------------------------------------------------------------------------------------
// Entities

interface TermSpec extends BaseTerm {
  id: string;
  related: string[];
}

interface IcpSpec {
  id: string;
  name: string;
  segment: (typeof SEGMENTS)[number];
  industries: string[];
  regions: string[];
  countries: string[];
  tech: string[];
  personas: PersonaSpec[];
}

interface PersonaSpec {
  id: string;
  name: string;
  first: string;
  template: RoleTemplate;
  slot: number;
  icp: IcpSpec;
  status: 'active' | 'draft';
}

function kebab(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An id not yet in `used`: the slug itself, else the slug with `-2`, `-3`… */
function uniqueId(slug: string, used: Set<string>): string {
  let id = slug;
  for (let n = 2; used.has(id); n++) id = `${slug}-${n}`;
  used.add(id);
  return id;
}

function makeTerms(rng: Rng, count: number): TermSpec[] {
  const names = new Set<string>();
  const ids = new Set<string>();
  const terms: TermSpec[] = [];
  const claim = (t: BaseTerm) => {
    const words = [t.term, t.abbr, ...(t.aliases ?? [])].filter((w): w is string => w !== undefined).map((w) => w.toLowerCase());
    if (words.some((w) => names.has(w))) return;
    for (const w of words) names.add(w);
    terms.push({ ...t, id: uniqueId(kebab(t.abbr && t.term.length > 24 ? t.abbr : t.term), ids), related: [] });
  };
  for (const base of BASE_TERMS) {
    if (terms.length >= count) break;
    claim(base);
  }
  for (let i = 0; terms.length < count; i++) {
    const q = TERM_QUALIFIERS[i % TERM_QUALIFIERS.length]!;
    const noun = TERM_NOUNS[Math.floor(i / TERM_QUALIFIERS.length) % TERM_NOUNS.length]!;
    const round = Math.floor(i / (TERM_QUALIFIERS.length * TERM_NOUNS.length));
    const suffix = round < TERM_SUFFIXES.length ? TERM_SUFFIXES[round]! : ` ${round + 1}`;
    const term = `${q} ${noun}${suffix}`;
    claim({ term, short: `${capital(noun)} measured ${q.toLowerCase()}${suffix ? ` and used as a${/^ [aeiou]/.test(suffix) ? 'n' : ''}${suffix}` : ''}, so teams compare like with like.` });
  }
  for (const t of terms) {
    const others = rng.sample(terms, 4).filter((o) => o !== t).slice(0, rng.int(1, 3));
    t.related = others.map((o) => o.id);
  }
  return terms;
}

function makeIcps(rng: Rng, count: number): IcpSpec[] {
  const ids = new Set<string>();
  const icps: IcpSpec[] = [];
  for (let i = 0; i < count; i++) {
    const segment = rng.pick(SEGMENTS);
    const industries = rng.sample(INDUSTRIES, rng.int(1, 3));
    const regions = rng.sample(REGIONS, rng.int(1, 2));
    const lead = industries[0]!;
    const name = `${segment.name} ${lowerFirst(lead)} in ${regions.join(' and ')}`;
    icps.push({
      id: uniqueId(kebab(`${segment.slug} ${lead} ${regions[0]}`), ids),
      name: name.length > 80 ? `${segment.name} ${lowerFirst(lead)}` : name,
      segment,
      industries,
      regions,
      countries: rng.sample(COUNTRIES, rng.int(1, 3)),
      tech: rng.sample(TECH, rng.int(4, 8)),
      personas: [],
    });
  }
  return icps;
}

function makePersonas(rng: Rng, count: number, icps: IcpSpec[]): PersonaSpec[] {
  const ids = new Set<string>();
  const personas: PersonaSpec[] = [];
  for (let j = 0; j < count; j++) {
    const icp = icps[j % icps.length]!;
    const slot = Math.floor(j / icps.length);
    const template = rng.pick(ROLES[slot]!);
    const first = rng.pick(FIRST_NAMES);
    const persona: PersonaSpec = {
      id: uniqueId(kebab(`${template.label} ${first}`), ids),
      name: `${template.label} ${first}`,
      first,
      template,
      slot,
      icp,
      // The economic buyer stays active so every ICP keeps one (icp-without-personas, dmu-coverage).
      status: slot > 0 && rng.chance(0.05) ? 'draft' : 'active',
    };
    icp.personas.push(persona);
    personas.push(persona);
  }
  return personas;
}

// ---------------------------------------------------------------------------------------------
// YAML

const PLAIN = /^(?:[A-Za-z][^\n:#"'`\\]*|\d{4}-\d{2}-\d{2})$/;
const FLOW_UNSAFE = /[,[\]{}]/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null)$/i;

function scalar(value: string | number, flow = false): string {
  if (typeof value === 'number') return String(value);
  const plain = PLAIN.test(value) && !RESERVED.test(value) && value.trim() === value && !(flow && FLOW_UNSAFE.test(value));
  return plain ? value : JSON.stringify(value);
}

type Yaml = string | number | Yaml[] | { [key: string]: Yaml | undefined };

/** A flow list or mapping on one line, as people write short lists: `[a, b]`, `{ min: 1 }`. */
function flow(value: Yaml): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object') {
    const parts = Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${flow(v!)}`);
    return `{ ${parts.join(', ')} }`;
  }
  return scalar(value, true);
}

function yaml(value: { [key: string]: Yaml | undefined }, indent = ''): string {
  let out = '';
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      const line = flow(v);
      if (v.every((x) => typeof x !== 'object') && line.length + key.length < 96) out += `${indent}${key}: ${line}\n`;
      else out += `${indent}${key}:\n${v.map((x) => `${indent}  - ${typeof x === 'object' ? flow(x) : scalar(x)}\n`).join('')}`;
    } else if (typeof v === 'object') {
      const line = flow(v);
      if (Object.values(v).every((x) => typeof x !== 'object') && line.length + key.length < 72) out += `${indent}${key}: ${line}\n`;
      else out += `${indent}${key}:\n${yaml(v, `${indent}  `)}`;
    } else {
      out += `${indent}${key}: ${scalar(v)}\n`;
    }
  }
  return out;
}

function playbookYaml(seed: number, files: number): string {
  return `# Synthetic playbook for benchmarks (seed ${seed}, ${files} files).
title: Benchmark GTM Playbook
description: A generated playbook with ${files} ICPs, personas and glossary terms.
site_url: https://playbook.example.com
repo_url: https://github.com/example/gtm-playbook
repo_branch: main
content_path: content
currency: USD
review_every_days:
  icp: 90
  persona: 90
lint:
  rules: {}
  min_must_haves: 3
  min_deal_breakers: 2
  min_interviews: 5
  required_dmu_roles: [economic-buyer]
  personas_per_icp: [2, 4]
mdx:
  components: []
`;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lowercases the first letter of a phrase unless it is an acronym or a name such as "B2B SaaS". */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^[A-Z][a-z]+[A-Z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function dateBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function money(millions: number): string {
  return millions >= 1000 ? `$${(millions / 1000).toFixed(millions % 1000 === 0 ? 0 : 1)}B` : `$${millions}M`;
}

/** Rounds a head count the way people write one: 230, 1,400, 27,000. */
function nice(n: number): number {
  const step = n < 1000 ? 10 : n < 10000 ? 100 : 1000;
  return Math.max(step, Math.round(n / step) * step);
}

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

function owners(rng: Rng, team: string): string[] {
  const teams = ['revops', 'product-marketing', 'sales-enablement', 'demand-gen', 'customer-success', 'strategy'];
  const list = [`@acme/${kebab(team) || 'revops'}`, `@acme/${rng.pick(teams)}`];
  return [...new Set(list)];
}

type Say = () => string;

/** Draws sentences (functions, so that every call draws new words) without repeating one until all were used. */
function deck(rng: Rng, sentences: readonly Say[]): Say {
  let pool: Say[] = [];
  return () => {
    if (pool.length === 0) pool = rng.sample(sentences, sentences.length);
    return pool.pop()!();
  };
}

function paragraph(draw: Say, n: number): string {
  return Array.from({ length: n }, draw).join(' ');
}

interface NoteContext {
  /** Who the page is about, in a sentence: "Ingrid", "the buyer". */
  who: string;
  team: string;
  metric: Say;
  tech: Say;
  city: Say;
  /** A glossary term as it reads in prose (auto-linked by the site). */
  term: Say;
  /** A `[[term:id]]` cross-link. */
  termLink: Say;
}

/** Neutral sentences from sales and marketing practice, shared by every page type. */
function notes(rng: Rng, c: NoteContext): Say[] {
  return [
    () => `Agree on how ${c.who} reads ${c.term()} before the first review, and write it down.`,
    () => `New sellers should read the enablement notes on ${c.term()} before their first call in this segment.`,
    () => `When ${c.term()} comes up in discovery, capture the customer's own definition in the CRM.`,
    () => `Win-loss interviews from last quarter mention ${c.metric()} more often than price.`,
    () => `${capital(rng.pick(['three', 'two', 'four']))} of the last five lost deals stalled at the security review, not at the business case.`,
    () => `Partners who implement ${c.tech()} are the fastest route to a warm introduction.`,
    () => `A short benchmark on ${c.metric()} gets more replies than any product announcement.`,
    () => `Reference calls work best when the reference runs the same ${c.tech()} setup.`,
    () => `Our customer advisory board in ${c.city()} asked for better exports of ${c.metric()}.`,
    () => `Pricing conversations go better once ${c.metric()} is agreed as the success measure.`,
    () => `The ${c.team} team keeps a running list of objections; review it before every renewal.`,
    () => `Expect the evaluation to take ${rng.int(3, 6)} to ${rng.int(7, 14)} weeks when procurement joins early.`,
    () => `Deals that include a ${c.termLink()} discussion in the first meeting close faster.`,
    () => `Keep slides to a minimum: a live walk-through on sample data lands better.`,
    () => `Follow up within two working days with a written summary and the agreed next step.`,
    () => `Marketing runs a quarterly webinar on ${c.metric()} that reliably sources new pipeline.`,
    () => `If ${c.who} goes quiet for more than two weeks, re-engage through a peer rather than another email.`,
    () => `Case studies from ${c.city()} and ${c.city()} are the ones most often forwarded internally.`,
    () => `Most pilots succeed or fail on data access in the first week, so agree on it before kick-off.`,
    () => `Buyers compare us with ${c.tech()} add-ons; be ready to show where the built-in reports stop.`,
    () => `Expansion usually starts in a second team once ${c.metric()} improves visibly.`,
    () => `A ${c.termLink()} review at the halfway point of the evaluation prevents late surprises.`,
    () => `Sales engineering should join once the technical questions move beyond ${c.tech()}.`,
    () => `Renewal risk rises when the original champion changes roles, so map a second contact early.`,
    () => `Survey answers point to ${c.metric()} as the number executives check first each week.`,
    () => `In regulated markets the data processing terms take longer than the commercial terms.`,
    () => `Annual planning in this segment starts about ${rng.int(6, 16)} weeks before the fiscal year ends.`,
    () => `Keep the mutual plan in a shared document rather than in email attachments.`,
    () => `Most doubts about ${c.term()} disappear once the buyer sees their own data.`,
    () => `Budget holders respond to a clear cost of inaction, expressed in ${c.metric()}.`,
  ];
}

const NOTE_HEADINGS = ['Field notes', 'What we heard', 'Notes from the field', 'Lessons from recent deals', 'Working notes'] as const;

/** How a glossary term reads in the middle of a sentence. */
function inProse(t: TermSpec): string {
  return lowerFirst(t.term);
}

/**
 * Assembles a body from required sections, then adds filler paragraphs from `extra` until the
 * text reaches a random length between 440 and 560 words (and never beyond 600).
 */
function assemble(rng: Rng, sections: string[], extra: Say): string {
  const target = rng.int(440, 560);
  let words = countWords(sections.join('\n\n'));
  const added: string[] = [];
  for (let guard = 0; words < target && guard < 40; guard++) {
    const p = extra();
    const w = countWords(p);
    if (words + w + 4 > 600) continue;
    added.push(p);
    words += w;
  }
  const tail = sections.pop()!;
  if (added.length > 0) sections.push(`## ${rng.pick(NOTE_HEADINGS)}\n\n${added.join('\n\n')}`);
  sections.push(tail);
  return `\n${sections.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// ICP files

function icpFile(rng: Rng, icp: IcpSpec, terms: TermSpec[], today: string): string {
  const seg = icp.segment;
  const empMin = nice(rng.int(seg.employees[0], Math.floor((seg.employees[0] + seg.employees[1]) / 2)));
  const empMax = Math.max(nice(rng.int(Math.floor((seg.employees[0] + seg.employees[1]) / 2), seg.employees[1])), empMin * 2);
  const revMin = rng.int(seg.revenue[0], Math.floor((seg.revenue[0] + seg.revenue[1]) / 2));
  const revMax = rng.int(Math.max(revMin + 5, Math.floor((seg.revenue[0] + seg.revenue[1]) / 2)), seg.revenue[1]);
  const team = rng.pick(['finance', 'RevOps', 'operations', 'data', 'sales', 'marketing']);
  const pain = rng.pick(TEAM_PAINS);
  const summary = `${icp.industries.join(', ')} companies in ${icp.regions.join(' and ')} with ${thousands(empMin)}–${thousands(empMax)} employees and ${money(revMin)}–${money(revMax)} in revenue, whose ${team} teams still ${pain}.`;
  const acv = rng.int(8, 120) * 1000;
  const tam = rng.int(4000, 60000);
  const sam = Math.floor(tam * rng.int(25, 60) / 100);
  const som = Math.floor(sam * rng.int(3, 12) / 100);
  const stages = STAGES.filter((s) => (seg.slug === 'smb' || seg.slug === 'scaleup' ? s !== 'enterprise' : s !== 'startup'));
  const growth = rng.int(10, 40);
  const mustHaves: Yaml[] = [
    { label: `${thousands(empMin)}–${thousands(empMax)} employees`, field: 'employees', between: [empMin, empMax] },
    { label: icp.industries.length === 1 ? icp.industries[0]! : `${icp.industries.slice(0, -1).join(', ')} or ${icp.industries[icp.industries.length - 1]}`, field: 'industry', in: icp.industries },
    { label: `Sells in ${icp.regions.join(' or ')}`, field: 'region', in: icp.regions },
  ];
  if (rng.chance(0.7)) mustHaves.push(rng.pick(['Recurring revenue makes up most of the income', 'Has a data team of at least two people', 'Runs a quarterly planning cycle with a named owner', 'Reports revenue metrics to a board or investors', 'Has a dedicated operations function for sales or finance']));
  const dealBreakers: Yaml[] = [
    { label: 'Public sector or regulated exclusion', field: 'industry', in: rng.sample(EXCLUDED_INDUSTRIES, rng.int(1, 3)) },
    { label: `Annual revenue of ${money(Math.max(1, Math.floor(revMin / 2)))} or less`, field: 'annual_revenue', max: Math.max(1, Math.floor(revMin / 2)) * 1_000_000 },
  ];
  if (rng.chance(0.5)) dealBreakers.push(rng.pick(['A mandate to build every revenue metric in-house', 'A multi-year exclusive contract with a competing suite', 'No budget owner above the team level', 'Data residency rules we cannot meet yet']));
  const scoring: Yaml | undefined = rng.chance(0.7)
    ? {
        threshold: rng.int(5, 14) * 5,
        rules: [
          { label: `Revenue growth of ${growth}% or more`, field: 'growth_rate', min: growth, weight: rng.int(15, 30) },
          { label: `Runs ${icp.tech[0]} or ${icp.tech[1]}`, field: 'tech', includes_any: icp.tech.slice(0, 2), weight: rng.int(10, 25) },
          { label: `Headquartered in ${icp.countries.join(' or ')}`, field: 'country', in: icp.countries, weight: rng.int(5, 15) },
          { label: `${money(revMin)}–${money(revMax)} annual revenue`, field: 'annual_revenue', between: [revMin * 1_000_000, revMax * 1_000_000], weight: rng.int(5, 20) },
        ],
      }
    : undefined;
  const fm = {
    name: icp.name,
    summary,
    segment: seg.name,
    status: 'active',
    owners: owners(rng, team),
    last_reviewed: dateBefore(today, rng.int(1, 80)),
    tags: [seg.slug, ...icp.industries.map(kebab), kebab(icp.regions[0]!)].filter((t, i, a) => a.indexOf(t) === i),
    firmographics: {
      industries: icp.industries,
      employees: { min: empMin, max: empMax },
      annual_revenue: { min: revMin * 1_000_000, max: revMax * 1_000_000, currency: 'USD' },
      regions: icp.regions,
      growth_stages: rng.sample(stages, rng.int(1, 2)),
    },
    technographics: { uses: icp.tech, avoids: rng.sample(LEGACY_TECH, rng.int(1, 2)) },
    pains: rng.sample(TEAM_PAINS, rng.int(3, 5)).map((p) => `${capital(team)} and ${team === 'sales' ? 'finance' : 'sales'} teams ${p}`),
    signals: rng.sample(
      [
        'Hiring a first RevOps lead or a Head of Business Systems',
        'Raised a growth round in the last 12 months',
        `${growth}%+ year-over-year revenue growth`,
        `Moving from ${icp.tech[2] ?? 'HubSpot'} to ${icp.tech[3] ?? 'Salesforce'}`,
        'Bought a smaller competitor and now runs two billing systems',
        `Job posts that mention ${icp.tech[0]} next to revenue reporting`,
        'A new CFO or CRO in the last six months',
        'Opened a second sales region this year',
      ],
      rng.int(3, 5),
    ),
    must_haves: mustHaves,
    deal_breakers: dealBreakers,
    scoring,
    market: {
      tam: { accounts: tam, value: tam * acv },
      sam: { accounts: sam, value: sam * acv },
      som: { accounts: som, value: som * acv },
      currency: 'USD',
      source: `Account model from ${rng.pick(['Crunchbase', 'LinkedIn Sales Navigator', 'ZoomInfo', 'Dun & Bradstreet'])} exports, average contract value of $${thousands(acv)}`,
      as_of: dateBefore(today, rng.int(10, 89)),
    },
  };
  return `---\n${yaml(fm)}---\n${icpBody(rng, icp, terms, { empMin, empMax, revMin, revMax, team, pain, acv, growth })}`;
}

interface IcpFacts {
  empMin: number;
  empMax: number;
  revMin: number;
  revMax: number;
  team: string;
  pain: string;
  acv: number;
  growth: number;
}

function icpBody(rng: Rng, icp: IcpSpec, terms: TermSpec[], f: IcpFacts): string {
  const t = () => rng.pick(terms);
  const lead = icp.industries[0]!;
  const region = icp.regions[0]!;
  const city = () => rng.pick(CITIES);
  const metric = () => rng.pick(METRICS);
  const tech = () => rng.pick(icp.tech);
  const why = deck(rng, [
    () => `${capital(lowerFirst(icp.segment.name))} ${lowerFirst(lead)} companies have outgrown spreadsheet reporting but rarely staff a full revenue data team.`,
    () => `Their ${f.team} teams ${f.pain}, and the cost shows up in ${metric()} and in ${metric()}.`,
    () => `Closed-won deals in this ICP reach production in a median of ${rng.int(12, 60)} days and renew at ${rng.int(95, 130)}% net revenue retention.`,
    () => `The average contract is worth $${thousands(f.acv)} a year, and the first expansion usually comes within ${rng.int(4, 14)} months.`,
    () => `Accounts around ${city()} and ${city()} convert best, largely because our reference customers there speak at the same events.`,
    () => `We win when the buyer already owns ${tech()} and wants one trusted view of ${metric()}.`,
    () => `Compared with our other segments, win rates are higher and sales cycles are shorter by about ${rng.int(10, 40)}%.`,
    () => `Most of these companies sell through a mix of field and inside sales, with ${rng.int(2, 6)} regional teams.`,
    () => `Finance and operations leaders here read ${inProse(t())} reports every month and want them explained in plain words.`,
  ]);
  const spot = deck(rng, [
    () => `Look for a company that has just hired its first operations lead or raised a growth round.`,
    () => `Job posts that pair ${tech()} with reporting work are the strongest buying signal we track.`,
    () => `A new executive in ${f.team} often reopens tooling decisions within the first ${rng.int(60, 180)} days.`,
    () => `Public revenue growth above ${f.growth}% a year is a reliable sign that manual processes are about to break.`,
    () => `Events in ${city()} and partner referrals from ${tech()} implementers bring the warmest introductions.`,
    () => `Review sites and community forums show the same complaints about ${metric()} again and again.`,
  ]);
  const traps = [
    () => `Companies below ${money(Math.max(1, Math.floor(f.revMin / 2)))} in revenue love the demo and rarely buy.`,
    () => `Teams whose leaders want to build everything in-house run long evaluations and then write their own scripts.`,
    () => `Deals stall when nobody above the team level owns the budget, so confirm the economic buyer before the second meeting.`,
    () => `Procurement in ${region} often asks for a security review late; start it during the evaluation.`,
    () => `Avoid discounting to win a pilot: accounts that start discounted expand ${rng.int(20, 50)}% less in the first year.`,
    () => `Do not promise integrations with ${tech()} that are still on the roadmap.`,
  ];
  const extra = deck(rng, notes(rng, { who: 'the buyer', team: f.team, metric, tech, city, term: () => inProse(t()), termLink: () => `[[term:${t().id}]]` }));
  const personas = icp.personas;
  const dmu = personas
    .map((p, i) => {
      const what = ['signs as the economic buyer and owns the budget', 'finds us first and becomes the champion', 'decides whether the systems and security fit', 'uses the product every week and shapes the renewal'][p.slot]!;
      return `${i === 0 ? '' : i === personas.length - 1 ? 'Finally, ' : ''}[[persona:${p.id}]] ${what}.`;
    })
    .join(' ');
  const table = [
    '| Attribute | Sweet spot | Still a fit |',
    '|---|---|---|',
    `| Employees | ${thousands(nice(f.empMin + (f.empMax - f.empMin) / 4))}–${thousands(nice(f.empMax - (f.empMax - f.empMin) / 4))} | ${thousands(f.empMin)}–${thousands(f.empMax)} |`,
    `| Annual revenue | ${money(f.revMin + Math.floor((f.revMax - f.revMin) / 4))}–${money(f.revMax - Math.floor((f.revMax - f.revMin) / 4))} | ${money(f.revMin)}–${money(f.revMax)} |`,
    `| Stack | ${icp.tech[0]} | ${icp.tech[1]} |`,
    `| Growth | ${f.growth}%+ a year | ${Math.max(5, f.growth - 10)}%+ with a new pricing model |`,
  ].join('\n');
  const sections = [
    `## Why this ICP\n\n${paragraph(why, 4)}`,
    `## How to spot them\n\n${paragraph(spot, 3)}\n\n${table}\n\nRun any account through the [fit check](/fit/) before you add it to a target account list; it applies the scoring rules above.`,
    `## Who is in the deal\n\nThe buying committee is usually ${personas.length} people. ${dmu} The [DMU matrix](/matrix/) shows how these roles compare with our other ICPs, and [[term:${t().id}]] explains the vocabulary.`,
    `## Common traps\n\n${rng
      .sample(traps, 3)
      .map((s) => `- ${s()}`)
      .join('\n')}`,
  ];
  return assemble(rng, sections, () => paragraph(extra, 3));
}

// ---------------------------------------------------------------------------------------------
// Persona files

function personaFile(rng: Rng, p: PersonaSpec, terms: TermSpec[], today: string): string {
  const r = p.template;
  const dmu: string[] = [['economic-buyer'], ['champion'], ['technical-buyer'], [OTHER_ROLE_DMU[r.label] ?? 'end-user']][p.slot]!;
  if (p.slot === 1 && rng.chance(0.3)) dmu.push('influencer');
  if (p.slot === 2 && rng.chance(0.2)) dmu.push('influencer');
  const metric = () => rng.pick(METRICS);
  const pct = () => rng.int(10, 60);
  const goals = rng.sample(
    [
      () => `Cut ${metric()} by ${pct()}% before ${rng.pick(PERIODS)}`,
      () => `Present ${metric()} to leadership without last-minute reconciliation`,
      () => `Forecast ${metric()} within ${rng.int(2, 10)}% a quarter ahead`,
      () => `Give the ${r.team} team one trusted number for ${metric()}`,
      () => `Free ${rng.int(5, 40)} hours a month from manual reporting`,
      () => `Prepare the company for ${rng.pick(['an acquisition audit', 'a new funding round', 'an IPO readiness review', 'a new market entry'])}`,
      () => `Improve ${metric()} while keeping headcount flat`,
    ],
    rng.int(3, 5),
  ).map((g) => g());
  const pains = rng.sample(TEAM_PAINS, rng.int(2, 4)).map((x) => `The ${r.team} team has to ${x}`);
  const fm = {
    name: p.name,
    role: r.role,
    seniority: r.seniority,
    department: r.department,
    dmu_roles: dmu,
    icps: [p.icp.id],
    status: p.status,
    owners: owners(rng, r.team),
    last_reviewed: dateBefore(today, rng.int(1, 85)),
    tags: [kebab(r.department), kebab(r.label), p.icp.segment.slug].filter((t, i, a) => a.indexOf(t) === i),
    quote: rng.pick([
      `I don't need another dashboard. I need one number for ${metric()} that everyone agrees on.`,
      `If it takes more than a quarter to show value, it will not survive the next budget review.`,
      `Show me it works on our data, with our ${rng.pick(p.icp.tech)} setup, and I will listen.`,
      `My team should spend its time on decisions, not on copying numbers between systems.`,
      `Every tool promises visibility. I want fewer meetings about whose number is right.`,
    ]),
    goals,
    pains,
    objections: rng.sample(
      [
        `We already pay for ${rng.pick(p.icp.tech)} reports; why add another system?`,
        'My team has no time for a six-month implementation',
        'I am not sending customer data to another vendor without a security review',
        'The last tool like this was abandoned after the pilot',
        'The price is hard to justify before the next planning cycle',
        'Our processes are too specific for an off-the-shelf product',
      ],
      rng.int(2, 4),
    ),
    buying_criteria: rng.sample(
      ['Payback within 12 months, shown on our own data', 'SOC 2 Type II report and a clear data processing agreement', 'Live in weeks, with reference customers of our size', `A native connector for ${rng.pick(p.icp.tech)}`, 'Pricing that scales with usage, not seats', 'Role-based access and audit logs'],
      rng.int(2, 4),
    ),
    channels: rng.sample(CHANNELS, rng.int(3, 5)),
    content_preferences: rng.sample(CONTENT, rng.int(2, 4)),
    success_metrics: rng.sample(METRICS, rng.int(2, 4)).map(capital),
    messaging: {
      value_proposition: `One trusted view of ${metric()} for the ${r.team} team, live in ${rng.int(2, 8)} weeks.`,
      key_messages: [
        `Reconciles ${rng.pick(p.icp.tech)} and ${rng.pick(p.icp.tech)} data automatically, every night`,
        'Every metric has a written, versioned definition',
        `Customers like yours improved ${metric()} by ${pct()}% in the first two quarters`,
      ].filter((m, i, a) => a.indexOf(m) === i),
      avoid: rng.sample(['Leading with dashboards or chart types', 'Promising to replace the ERP', 'Technical detail before it is asked for', 'Generic productivity claims'], 2),
    },
    evidence: {
      interviews: rng.int(5, 14),
      surveys: rng.int(0, 120),
      sources: rng.sample(SOURCES, rng.int(1, 3)).map((s) => `${s} ${rng.pick(['Q2', 'Q3', 'Q4'])} 2026`).filter((s, i, a) => a.indexOf(s) === i),
      last_interview: dateBefore(today, rng.int(1, 89)),
    },
    demographics: {
      age_range: rng.pick(['25-35', '30-45', '35-50', '40-55', '45-60']),
      location: `${rng.pick(p.icp.regions)}, major metros`,
      education: rng.pick(EDUCATION),
    },
  };
  return `---\n${yaml(fm)}---\n${personaBody(rng, p, terms)}`;
}

function personaBody(rng: Rng, p: PersonaSpec, terms: TermSpec[]): string {
  const r = p.template;
  const first = p.first;
  const t = () => rng.pick(terms);
  const metric = () => rng.pick(METRICS);
  const tech = () => rng.pick(p.icp.tech);
  const city = () => rng.pick(CITIES);
  const peers = p.icp.personas.filter((x) => x !== p);
  const peer = () => (peers.length ? `[[persona:${rng.pick(peers).id}]]` : `the ${r.team} lead`);
  const life = deck(rng, [
    () => `${first} runs a ${r.team} group of ${rng.int(3, 40)} people at a ${lowerFirst(p.icp.industries[0]!)} company with about ${thousands(rng.int(2, 40) * 100)} employees.`,
    () => `Mornings go to ${metric()}, hiring plans and the weekly forecast; afternoons to reviews, audits and vendor calls.`,
    () => `In the last week of each month ${first} spends more time reconciling ${metric()} than analysing it.`,
    () => `${first} reports to the ${rng.pick(['CEO', 'CFO', 'COO', 'CRO', 'CIO'])} and is measured on ${metric()} and ${metric()}.`,
    () => `Most of the team's tooling sits on ${tech()} and ${tech()}, with exports stitched together by hand.`,
    () => `${first} has seen two tools fail in the last ${rng.int(2, 5)} years and is wary of anything that needs a long project.`,
    () => `The team is based around ${city()}, with a second hub near ${city()}.`,
    () => `Quarter-end weeks are the busiest; avoid outreach in the last ${rng.int(5, 10)} days of a quarter.`,
    () => `${first} came to the role from ${rng.pick(['consulting', 'a larger competitor', 'a startup', 'audit', 'product management', 'sales'])} and still thinks in ${rng.pick(['projects', 'quarters', 'experiments', 'controls', 'territories'])}.`,
  ]);
  const engage = deck(rng, [
    () => `${first} rarely finds us alone and usually hears about us from ${peer()} or from a peer at another company.`,
    () => `As ${/^[AEIOU]/.test(r.role) ? 'an' : 'a'} ${r.role} in the [[icp:${p.icp.id}]] buying committee, ${first} ${['signs off on anything above', 'champions deals up to', 'reviews the technical side of deals above', 'uses tools bought for deals around'][p.slot]} $${thousands(rng.int(10, 90) * 1000)} a year.`,
    () => `Open with a short brief on ${metric()} and a benchmark from a company of the same size, then offer a working session.`,
    () => `Reach ${first} through ${lowerFirst(rng.pick(CHANNELS))} or a warm introduction, not through a cold sequence.`,
    () => `Bring ${peer()} into the second meeting so the technical questions surface early.`,
    () => `Time to value matters more to ${first} than feature depth, so lead with outcomes.`,
  ]);
  const talk = [
    () => `"How many days after month-end do you trust your ${metric()} numbers?"`,
    () => `"When ${r.team} and sales disagree on ${metric()}, who settles it, and how long does it take?"`,
    () => `"What would change if ${metric()} were ready on day three instead of day ten?"`,
    () => `"Which reports does your team rebuild by hand from ${tech()} every month?"`,
    () => `"Who else needs to agree before a change like this goes ahead?"`,
    () => `"Customers like you improved ${metric()} by ${rng.int(10, 50)}% within one quarter. How would that land with your leadership?"`,
  ];
  const extra = deck(rng, notes(rng, { who: first, team: r.team, metric, tech, city, term: () => inProse(t()), termLink: () => `[[term:${t().id}]]` }));
  const stages = [
    `| Stage | What ${first} needs |`,
    '|---|---|',
    `| First meeting | ${rng.pick(['A one-page brief', 'A benchmark', 'A peer story'])} on ${metric()} |`,
    `| Evaluation | ${rng.pick(['An ROI model built on their own export', 'A working session on real data', 'A security review pack'])} |`,
    `| Decision | ${rng.pick(['Two reference calls', 'A mutual action plan', 'A signed-off business case'])} with ${rng.pick(['peers of the same size', 'the economic buyer', 'procurement'])} |`,
  ].join('\n');
  const sections = [
    `## A day in the life\n\n${paragraph(life, 4)}`,
    `## How to engage\n\n${paragraph(engage, 4)}\n\n${stages}`,
    `## Talk track\n\n${rng
      .sample(talk, 3)
      .map((s) => `- ${s()}`)
      .join('\n')}`,
    `## Before the next call\n\nCheck the [fit](/fit/) of the account against [[icp:${p.icp.id}]], read the notes on [[term:${t().id}]], and keep the conversation on numbers ${first} can take to leadership.`,
  ];
  return assemble(rng, sections, () => paragraph(rng.chance(0.3) ? life : extra, 3));
}

// ---------------------------------------------------------------------------------------------
// Glossary files

function termFile(rng: Rng, term: TermSpec, terms: TermSpec[], icps: IcpSpec[]): string {
  const fm = { term: term.term, abbr: term.abbr, aliases: term.aliases, short: term.short, related: term.related };
  return `---\n${yaml(fm)}---\n${termBody(rng, term, terms, icps)}`;
}

function termBody(rng: Rng, term: TermSpec, terms: TermSpec[], icps: IcpSpec[]): string {
  const name = term.abbr ?? inProse(term);
  const other = () => rng.pick(terms);
  const metric = () => rng.pick(METRICS);
  const define = deck(rng, [
    () => `Teams use ${name} to compare accounts, segments and periods on the same footing.`,
    () => `We calculate ${name} from the CRM and the billing system, never from spreadsheets.`,
    () => `A change in ${name} is only meaningful when the definition stays the same across quarters.`,
    () => `Finance owns the definition of ${name}; RevOps owns the data that feeds it.`,
    () => `Most disagreements about ${name} come from different date ranges, not different formulas.`,
    () => `Analysts sometimes confuse it with ${inProse(other())}, but the two answer different questions.`,
  ]);
  const use = deck(rng, [
    () => `In [[icp:${rng.pick(icps).id}]] deals, ${name} is one of the first numbers the economic buyer asks about.`,
    () => `Sellers should be able to explain ${name} in one sentence, without slides.`,
    () => `Read it together with ${inProse(other())}, which often moves in the opposite direction.`,
    () => `A sudden drop usually points to a data problem before it points to a market problem.`,
    () => `Report ${name} monthly, and review the trend each quarter with the owners of ${metric()}.`,
  ]);
  const extra = deck(rng, notes(rng, { who: 'the team', team: 'RevOps', metric, tech: () => rng.pick(TECH), city: () => rng.pick(CITIES), term: () => inProse(other()), termLink: () => `[[term:${other().id}]]` }));
  const bench = [
    '| Segment | Typical value | Strong value |',
    '|---|---|---|',
    ...rng.sample(SEGMENTS, 3).map((s) => `| ${s.name} | ${rng.int(5, 40)}% | ${rng.int(41, 90)}% |`),
  ].join('\n');
  const sections = [
    `${term.short} ${paragraph(define, 3)}`,
    `## How we measure it\n\n1. Take the ${metric()} figures for the period from the system of record.\n2. Exclude test accounts, internal users and one-off fees.\n3. Compare against the same period last year, not the previous month.\n\n${bench}`,
    `## Why it matters\n\n${paragraph(use, 3)}`,
    `## Related terms\n\n${term.related.map((id) => `- [[term:${id}]]`).join('\n')}`,
  ];
  return assemble(rng, sections, () => paragraph(extra, 3));
}
