/**
 * The site model: everything the pages show, computed once from the content graph in linear time.
 * Pages read it; they never walk the graph themselves. Bodies are not rendered here (see
 * `render.ts`): each page renders its own body when it is built, so memory stays flat.
 */
import { type Config, DMU_ROLES, type DmuRole, type EntryType, type Status } from '../../schema/index.ts';
import { displayName, type Graph, keyOf } from '../graph/graph.ts';
import type { Entry, GuideEntry, IcpEntry, PersonaEntry, TermEntry } from '../parse/entry.ts';
import { editUrl, urlOf } from '../routes.ts';
import type { Diagnostic } from '../types.ts';
import { DMU_LABELS, GROWTH_STAGE_LABELS, SENIORITY_LABELS } from '../words.ts';
import {
  type CriterionView,
  criterionView,
  formatBand,
  formatMoney,
  formatNumber,
  ruleSentence,
} from './format.ts';
import { type Review, reviewOf } from './review.ts';

/** A link to an entry, with what indexes need to mark it. */
export interface Ref {
  type: EntryType;
  id: string;
  name: string;
  url: string;
  status: Status;
}

export interface IcpCard extends Ref {
  summary: string;
  segment?: string;
  /** "100–1,000 employees · $25M–$500M revenue", or undefined when the ICP gives no size. */
  sizeBand?: string;
  personaCount: number;
  review: Review;
}

export interface PersonaCard extends Ref {
  role: string;
  seniority: string;
  dmuRoles: string[];
  icps: Ref[];
  review: Review;
}

export interface DmuSlot {
  role: DmuRole;
  label: string;
  /** Named in `lint.required_dmu_roles`. */
  required: boolean;
  personas: (Ref & { role: string })[];
}

export interface MarketRow {
  key: 'tam' | 'sam' | 'som';
  abbr: string;
  label: string;
  value: number;
  display: string;
  /** Bar length relative to TAM, 0–100, at least 1 so a tiny SOM stays visible. */
  percent: number;
  /** Share of TAM as text: "2.1% of TAM". */
  share?: string;
}

export interface MarketView {
  measures: { name: string; rows: MarketRow[] }[];
  currency: string;
  source?: string;
  asOf?: string;
}

export interface ScoringView {
  threshold: number;
  rules: { label: string; condition: string; weight: number; share: number }[];
  totalWeight: number;
}

export interface IcpPage {
  entry: IcpEntry;
  card: IcpCard;
  editUrl?: string;
  employees?: string;
  revenue?: string;
  growthStages: string[];
  mustHaves: CriterionView[];
  dealBreakers: CriterionView[];
  scoring?: ScoringView;
  market?: MarketView;
  dmu: DmuSlot[];
  /** Required DMU roles nobody covers. */
  gaps: string[];
  personas: PersonaCard[];
  backlinks: Ref[];
}

export interface PersonaPage {
  entry: PersonaEntry;
  card: PersonaCard;
  editUrl?: string;
  /** ICP ids that resolve to nothing (lint stops the build on them; kept for `astro dev`). */
  missingIcps: string[];
  /** Segments and industries of the persona's ICPs, for the search filters. */
  segments: string[];
  industries: string[];
  backlinks: Ref[];
}

export interface TermView extends Ref {
  entry: TermEntry;
  abbr?: string;
  aliases: string[];
  short: string;
  related: Ref[];
  editUrl?: string;
}

export interface GuideView extends Ref {
  entry: GuideEntry;
  description?: string;
  editUrl?: string;
  backlinks: Ref[];
}

export interface MatrixView {
  icps: Ref[];
  personas: (Ref & { role: string })[];
  /** `cells[row][column]`: the persona's DMU role labels when it belongs to the row's ICP. */
  cells: (string[] | undefined)[][];
  /** Set when the grid would be too large to read; the page lists personas per ICP instead. */
  tooLarge: boolean;
  /** Per ICP, its personas with their roles (always available). */
  rows: { icp: Ref; personas: (Ref & { roles: string[] })[] }[];
}

export interface HealthItem {
  ref: Ref;
  review: Review;
  draft: boolean;
  warnings: string[];
}

export interface HealthView {
  totals: { stale: number; dueSoon: number; drafts: number; warnings: number; reviewed: number };
  /** Owners with pages that need attention (stale, due soon, draft or with warnings). */
  owners: { owner: string; items: HealthItem[]; fine: number }[];
  /** Owners whose pages are all up to date, with how many pages they own. */
  upToDate: { owner: string; fine: number }[];
}

export interface SiteModel {
  title: string;
  description?: string;
  today: string;
  counts: { icps: number; personas: number; terms: number; guides: number };
  /** Non-retired ICPs, by name. */
  icps: IcpCard[];
  /** The same ICPs grouped by segment (ICPs without one last, under "Other"). */
  segments: { segment: string; icps: IcpCard[] }[];
  /** Non-retired personas, by name. */
  personas: PersonaCard[];
  icpPages: Map<string, IcpPage>;
  personaPages: Map<string, PersonaPage>;
  /** Terms A–Z grouped by first letter. */
  glossary: { letter: string; terms: TermView[] }[];
  /** Guides by `order`, then title. */
  guides: GuideView[];
  guidePages: Map<string, GuideView>;
  matrix: MatrixView;
  health: HealthView;
}

export interface SiteModelInput {
  graph: Graph;
  config: Config;
  today: string;
  /** Lint findings; warnings feed the health page. */
  diagnostics?: Diagnostic[];
  /** Above this many cells the matrix is listed per ICP instead of drawn as a grid. */
  maxMatrixCells?: number;
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.name < b.name ? -1 : 1);

export function refOf(entry: Entry): Ref {
  const status = ((entry.data as { status?: Status } | undefined)?.status ?? 'active') as Status;
  return {
    type: entry.type,
    id: entry.id,
    name: displayName(entry),
    url: urlOf(entry.type, entry.id),
    status,
  };
}

export function buildSiteModel(input: SiteModelInput): SiteModel {
  const { graph, config, today } = input;
  const cadence = config.review_every_days;
  const required = new Set<string>(config.lint.required_dmu_roles);

  const personaCards = new Map<string, PersonaCard>();
  for (const p of graph.personas.values()) {
    const icps: Ref[] = [];
    for (const id of new Set(p.data.icps)) {
      const icp = graph.icps.get(id);
      if (icp) icps.push(refOf(icp));
    }
    personaCards.set(p.id, {
      ...refOf(p),
      role: p.data.role,
      seniority: SENIORITY_LABELS[p.data.seniority],
      dmuRoles: p.data.dmu_roles.map((r) => DMU_LABELS[r]),
      icps,
      review: reviewOf(p.data, cadence.persona, today),
    });
  }

  const backlinksOf = (e: Entry): Ref[] =>
    (graph.backlinks.get(keyOf(e.type, e.id)) ?? []).map((b) => refOf(b.from)).sort(byName);

  const icpPages = new Map<string, IcpPage>();
  for (const icp of graph.icps.values()) {
    const members = (graph.personasByIcp.get(icp.id) ?? []).filter((p) => p.data.status !== 'retired');
    icpPages.set(icp.id, icpPage(icp, members, personaCards, config, today, required, backlinksOf(icp)));
  }
  const icpCards = [...icpPages.values()].map((p) => p.card);
  const visibleIcps = icpCards.filter((c) => c.status !== 'retired').sort(byName);

  const personaPages = new Map<string, PersonaPage>();
  for (const p of graph.personas.values()) {
    const icps = [...new Set(p.data.icps)].flatMap((id) => graph.icps.get(id) ?? []);
    personaPages.set(p.id, {
      entry: p,
      card: personaCards.get(p.id)!,
      editUrl: editUrl(config, p.path),
      missingIcps: [...new Set(p.data.icps)].filter((id) => !graph.icps.has(id)),
      segments: [...new Set(icps.flatMap((icp) => icp.data.segment ?? []))].sort(),
      industries: [...new Set(icps.flatMap((icp) => icp.data.firmographics.industries))].sort(),
      backlinks: backlinksOf(p),
    });
  }
  const visiblePersonas = [...personaCards.values()].filter((c) => c.status !== 'retired').sort(byName);

  const guides = [...graph.guides.values()]
    .map(
      (g): GuideView => ({
        ...refOf(g),
        entry: g,
        description: g.data.description,
        editUrl: editUrl(config, g.path),
        backlinks: backlinksOf(g),
      }),
    )
    .sort((a, b) => (a.entry.data.order ?? Infinity) - (b.entry.data.order ?? Infinity) || byName(a, b));

  return {
    title: config.title,
    description: config.description,
    today,
    counts: {
      icps: visibleIcps.length,
      personas: visiblePersonas.length,
      terms: graph.terms.size,
      guides: guides.length,
    },
    icps: visibleIcps,
    segments: groupBySegment(visibleIcps),
    personas: visiblePersonas,
    icpPages,
    personaPages,
    glossary: glossaryOf(graph, config),
    guides,
    guidePages: new Map(guides.map((g) => [g.id, g])),
    matrix: matrixOf(visibleIcps, visiblePersonas, graph, input.maxMatrixCells ?? 2500),
    health: healthOf(graph, config, today, input.diagnostics ?? []),
  };
}

function icpPage(
  icp: IcpEntry,
  members: PersonaEntry[],
  personaCards: Map<string, PersonaCard>,
  config: Config,
  today: string,
  required: Set<string>,
  backlinks: Ref[],
): IcpPage {
  const d = icp.data;
  const f = d.firmographics;
  const revenueCurrency = f.annual_revenue?.currency ?? config.currency;
  const employees = formatBand(f.employees?.min, f.employees?.max);
  const revenue = formatBand(f.annual_revenue?.min, f.annual_revenue?.max, (n) =>
    formatMoney(n, revenueCurrency),
  );
  const sizeBand =
    [employees && `${employees} employees`, revenue && `${revenue} revenue`].filter(Boolean).join(' · ') ||
    undefined;
  const personas = members.map((p) => personaCards.get(p.id)!).sort(byName);
  const dmu: DmuSlot[] = DMU_ROLES.map((role) => ({
    role,
    label: DMU_LABELS[role],
    required: required.has(role),
    personas: members
      .filter((p) => p.data.dmu_roles.includes(role))
      .map((p) => ({ ...refOf(p), role: p.data.role }))
      .sort(byName),
  }));
  const card: IcpCard = {
    ...refOf(icp),
    summary: d.summary,
    segment: d.segment,
    sizeBand,
    personaCount: personas.length,
    review: reviewOf(d, config.review_every_days.icp, today),
  };
  return {
    entry: icp,
    card,
    editUrl: editUrl(config, icp.path),
    employees,
    revenue,
    growthStages: (f.growth_stages ?? []).map((s) => GROWTH_STAGE_LABELS[s] ?? s),
    mustHaves: d.must_haves.map(criterionView),
    dealBreakers: d.deal_breakers.map(criterionView),
    scoring: scoringOf(d.scoring),
    market: marketOf(d.market, config.currency),
    dmu,
    gaps: dmu.filter((s) => s.required && s.personas.length === 0).map((s) => s.label),
    personas,
    backlinks,
  };
}

function scoringOf(scoring: IcpEntry['data']['scoring']): ScoringView | undefined {
  if (!scoring) return undefined;
  const totalWeight = scoring.rules.reduce((sum, r) => sum + r.weight, 0);
  return {
    threshold: scoring.threshold,
    totalWeight,
    rules: scoring.rules.map((r) => ({
      label: r.label,
      condition: ruleSentence(r),
      weight: r.weight,
      share: Math.round((100 * r.weight) / totalWeight),
    })),
  };
}

const MARKET_LABELS = {
  tam: 'Total addressable market',
  sam: 'Serviceable addressable market',
  som: 'Serviceable obtainable market',
} as const;

function marketOf(market: IcpEntry['data']['market'], defaultCurrency: string): MarketView | undefined {
  if (!market) return undefined;
  const currency = market.currency ?? defaultCurrency;
  const measure = (name: string, key: 'accounts' | 'value', fmt: (n: number) => string) => {
    const top = market.tam[key];
    const rows: MarketRow[] = [];
    for (const k of ['tam', 'sam', 'som'] as const) {
      const value = market[k]?.[key];
      if (value === undefined) continue;
      const ratio = top ? value / top : 0;
      rows.push({
        key: k,
        abbr: k.toUpperCase(),
        label: MARKET_LABELS[k],
        value,
        display: fmt(value),
        percent: top ? Math.max(1, Math.min(100, Math.round(ratio * 1000) / 10)) : 0,
        share:
          k !== 'tam' && top
            ? `${ratio >= 0.1 ? Math.round(ratio * 100) : Math.round(ratio * 1000) / 10}% of TAM`
            : undefined,
      });
    }
    return rows.length ? { name, rows } : undefined;
  };
  const measures = [
    measure('Accounts', 'accounts', formatNumber),
    measure(`Value (${currency})`, 'value', (n) => formatMoney(n, currency)),
  ].filter((m): m is NonNullable<typeof m> => m !== undefined);
  return { measures, currency, source: market.source, asOf: market.as_of };
}

function groupBySegment(cards: IcpCard[]): SiteModel['segments'] {
  const groups = new Map<string, IcpCard[]>();
  for (const c of cards) {
    const key = c.segment ?? '';
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en')))
    .map(([segment, icps]) => ({ segment: segment || 'Other', icps }));
}

function glossaryOf(graph: Graph, config: Config): SiteModel['glossary'] {
  const terms = [...graph.terms.values()].map(
    (t): TermView => ({
      ...refOf(t),
      entry: t,
      abbr: t.data.abbr,
      aliases: t.data.aliases ?? [],
      short: t.data.short,
      related: (t.data.related ?? []).flatMap((id) => {
        const r = graph.terms.get(id);
        return r ? [refOf(r)] : [];
      }),
      editUrl: editUrl(config, t.path),
    }),
  );
  terms.sort(byName);
  const letters = new Map<string, TermView[]>();
  for (const t of terms) {
    const first = t.name.normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    const list = letters.get(letter);
    if (list) list.push(t);
    else letters.set(letter, [t]);
  }
  return [...letters.entries()]
    .sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : a < b ? -1 : 1))
    .map(([letter, list]) => ({ letter, terms: list }));
}

function matrixOf(icps: IcpCard[], personas: PersonaCard[], graph: Graph, maxCells: number): MatrixView {
  const column = new Map(personas.map((p, i) => [p.id, i]));
  const rows: MatrixView['rows'] = [];
  const cells: MatrixView['cells'] = [];
  const tooLarge = icps.length * personas.length > maxCells;
  for (const icp of icps) {
    const members = (graph.personasByIcp.get(icp.id) ?? []).filter((p) => column.has(p.id));
    const entries = members
      .map((p) => ({ ...personaRef(p), roles: p.data.dmu_roles.map((r) => DMU_LABELS[r]) }))
      .sort(byName);
    rows.push({ icp: stripCard(icp), personas: entries });
    if (!tooLarge) {
      const row: (string[] | undefined)[] = new Array(personas.length).fill(undefined);
      for (const e of entries) row[column.get(e.id)!] = e.roles;
      cells.push(row);
    }
  }
  return {
    icps: icps.map(stripCard),
    personas: tooLarge ? [] : personas.map((p) => ({ ...stripCard(p), role: p.role })),
    cells,
    tooLarge,
    rows,
  };
}

const stripCard = (c: Ref): Ref => ({ type: c.type, id: c.id, name: c.name, url: c.url, status: c.status });
const personaRef = (p: PersonaEntry): Ref => refOf(p);

function healthOf(graph: Graph, config: Config, today: string, diagnostics: Diagnostic[]): HealthView {
  const warningsByFile = new Map<string, string[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'warning') continue;
    const list = warningsByFile.get(d.file);
    if (list) list.push(d.message);
    else warningsByFile.set(d.file, [d.message]);
  }
  const owners = new Map<string, { items: HealthItem[]; fine: number }>();
  const totals = { stale: 0, dueSoon: 0, drafts: 0, warnings: 0, reviewed: 0 };
  const reviewed: (IcpEntry | PersonaEntry)[] = [...graph.icps.values(), ...graph.personas.values()];
  for (const e of reviewed) {
    if (e.data.status === 'retired') continue;
    const review = reviewOf(
      e.data,
      e.type === 'icp' ? config.review_every_days.icp : config.review_every_days.persona,
      today,
    );
    const item: HealthItem = {
      ref: refOf(e),
      review,
      draft: e.data.status === 'draft',
      warnings: warningsByFile.get(e.file) ?? [],
    };
    totals.reviewed++;
    if (review.state === 'stale') totals.stale++;
    if (review.state === 'due-soon') totals.dueSoon++;
    if (item.draft) totals.drafts++;
    totals.warnings += item.warnings.length;
    const needsAttention = review.state !== 'ok' || item.draft || item.warnings.length > 0;
    for (const owner of e.data.owners) {
      const group = owners.get(owner) ?? { items: [], fine: 0 };
      if (needsAttention) group.items.push(item);
      else group.fine++;
      owners.set(owner, group);
    }
  }
  const urgency = (i: HealthItem) =>
    i.review.state === 'stale' ? 0 : i.review.state === 'due-soon' ? 1 : i.draft ? 2 : 3;
  const sorted = [...owners.entries()].sort(([a], [b]) => a.localeCompare(b, 'en'));
  return {
    totals,
    owners: sorted
      .filter(([, g]) => g.items.length > 0)
      .map(([owner, g]) => ({
        owner,
        fine: g.fine,
        items: g.items.sort(
          (a, b) => urgency(a) - urgency(b) || a.review.daysLeft - b.review.daysLeft || byName(a.ref, b.ref),
        ),
      })),
    upToDate: sorted.filter(([, g]) => g.items.length === 0).map(([owner, g]) => ({ owner, fine: g.fine })),
  };
}
