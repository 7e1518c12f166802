/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`, written by the indexer after the
 * Astro build) that the search UI uses. The `pagefind` package ships types for its Node indexing
 * API only; these follow Pagefind 1.x's `pagefind_web_js/types/index.d.ts`.
 */

/** Options for `options()`: only the ones the search UI sets. */
export interface PagefindOptions {
  /** Run search on the main thread instead of in a web worker. */
  noWorker?: boolean;
  /** Words per excerpt (Pagefind's default is 30). */
  excerptLength?: number;
}

/** Filters as `search()` takes them: group name → values, any of which may match. */
export type PagefindFilters = Record<string, { any: string[] }>;

/** Filter counts from `filters()`: group name → value → pages. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearchResults {
  /** Every page that matches, best first; its data is loaded per result with `data()`. */
  results: PagefindSearchResult[];
}

export interface PagefindSearchResult {
  id: string;
  score: number;
  /** Loads the page's fragment; call it only for results that are shown. */
  data(): Promise<PagefindSearchFragment>;
}

export interface PagefindSearchFragment {
  url: string;
  /** The page's indexed text; split on whitespace, word `location`s index into it. */
  content: string;
  /** HTML-escaped text with the matched words in `<mark>` elements. */
  excerpt: string;
  weighted_locations?: PagefindWordLocation[];
  filters?: Record<string, string[]>;
  meta?: Record<string, string>;
  /** Every element with an id, in page order. */
  anchors?: PagefindAnchor[];
}

export interface PagefindWordLocation {
  weight: number;
  /** How well this word matches the query, comparable within one result set. */
  balanced_score: number;
  location: number;
}

export interface PagefindAnchor {
  /** The element's tag name, e.g. "article" or "h2". */
  element: string;
  id: string;
  text?: string;
  /** Index of the first word after the element's start in `content`. */
  location: number;
}

/** The module `/pagefind/pagefind.js` exports. */
export interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  /** May resolve to null (preload calls; a debounced search that a newer one superseded). */
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearchResults | null>;
  filters(): Promise<PagefindFilterCounts>;
}
