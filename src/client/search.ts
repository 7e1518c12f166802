/**
 * Site search: a small UI over Pagefind's JS API. The page loader (./loader.ts) imports this module
 * as a separate chunk the first time a reader reaches for search. `mount(root)` builds the UI
 * inside the search dialog and returns `open()`, which focuses the input and starts loading
 * Pagefind.
 *
 * Bandwidth: Pagefind is loaded on first open, without its web worker (the same code runs on the
 * main thread; searching a few thousand pages takes milliseconds). Index chunks load only for the
 * query actually searched, after typing pauses (no preload per keystroke); result data (one
 * fragment per page) only for the results shown, PAGE at a time; filter data only when the reader
 * opens "Filters". Text from the index goes in through textContent; Pagefind's excerpt is
 * HTML-escaped text with <mark> elements, and only those marks are kept.
 */
import type {
  Pagefind,
  PagefindFilterCounts,
  PagefindFilters,
  PagefindSearchFragment,
  PagefindSearchResult,
} from './pagefind.d.ts';

/** Results shown at a time. */
const PAGE = 5;
/** Milliseconds of quiet after a keystroke before searching. */
const WAIT = 250;
/** Filter groups offered, in this order (groups the index lacks are left out). */
const GROUPS = ['Type', 'Segment', 'Industry', 'DMU role', 'Seniority', 'Tag'];
/** Written by the indexer after the Astro build, so it is fetched at run time, not bundled. */
const PAGEFIND_URL = '/pagefind/pagefind.js';

type Tag = keyof HTMLElementTagNameMap;

/** An element with properties set and children appended. */
function h<K extends Tag>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(el, props);
  el.append(...kids);
  return el;
}

/** Excerpt HTML → text nodes and <mark> elements only. */
function excerpt(html: string): Node[] {
  const t = document.createElement('template');
  t.innerHTML = html;
  return [...t.content.childNodes].map((n) => {
    const text = n.textContent ?? '';
    return n.nodeName === 'MARK' ? h('mark', { textContent: text }) : document.createTextNode(text);
  });
}

/**
 * On a page of many entries (the glossary: one <article id> per term), the entry with the best
 * match: its link and its name, the content from the anchor up to the first full stop.
 */
function target(data: PagefindSearchFragment): { url: string; title: string } {
  let url = data.url;
  let title = data.meta?.title || url;
  const ranked = [...(data.weighted_locations ?? [])].sort((a, b) => b.balanced_score - a.balanced_score);
  const best = ranked[0]?.location;
  const anchor =
    best === undefined
      ? undefined
      : (data.anchors ?? []).filter((a) => a.element === 'article' && a.location <= best).at(-1);
  if (anchor) {
    const words = (data.content ?? '').split(/\s+/).slice(anchor.location, anchor.location + 12);
    const end = words.findIndex((w) => w.endsWith('.'));
    const name = words
      .slice(0, end + 1 || words.length)
      .join(' ')
      .replace(/\.$/, '');
    url += `#${encodeURIComponent(anchor.id)}`;
    if (name) title += ` › ${name}`;
  }
  return { url, title };
}

/** One result: its link, its type, segment and seniority, and the excerpt. */
function item(data: PagefindSearchFragment): HTMLLIElement {
  const f = data.filters ?? {};
  const meta = [...(f.Type ?? []), ...(f.Segment ?? []), ...(f.Seniority ?? [])].join(' · ');
  const { url, title } = target(data);
  return h(
    'li',
    { className: 'search-result' },
    h('a', { href: url, textContent: title }),
    meta ? h('p', { className: 'search-meta', textContent: meta }) : '',
    h('p', { className: 'search-excerpt' }, ...excerpt(data.excerpt ?? '')),
  );
}

/** Builds the search UI inside `root` and returns `open()`. */
export default function mount(root: HTMLElement): () => void {
  let pagefind: Promise<Pagefind> | undefined;
  let results: PagefindSearchResult[] = [];
  let shown = 0;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let filtersLoaded: Promise<void> | undefined;

  const api = () =>
    (pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(async (pf) => {
      await pf.options({ noWorker: true, excerptLength: 24 });
      await pf.init();
      return pf;
    }));

  const input = h('input', {
    type: 'search',
    id: '_search-q',
    autocomplete: 'off',
    spellcheck: false,
    placeholder: 'Search ICPs, personas, terms…',
  });
  input.setAttribute('aria-controls', '_search-results');
  input.setAttribute('aria-describedby', '_search-status');
  const label = h('label', { htmlFor: '_search-q', className: 'sr-only' }, 'Search the playbook');
  const form = h('form', { role: 'search', className: 'search-form' }, label, input);
  const summary = h('summary', { textContent: 'Filters' });
  const groups = h('div', { className: 'search-groups' });
  const filters = h('details', { className: 'search-filters' }, summary, groups);
  const status = h('p', { id: '_search-status', className: 'search-status', role: 'status' });
  const list = h('ol', { id: '_search-results', className: 'search-results' });
  list.setAttribute('aria-label', 'Results');
  const more = h('button', { type: 'button', className: 'search-more', hidden: true }, 'Show more results');
  root.replaceChildren(form, filters, status, list, more);

  const unavailable = () => {
    status.textContent = 'Search is not available: the index has not been built.';
  };

  /** The checked filters (undefined when none), also counted in the "Filters" summary. */
  const chosen = (): PagefindFilters | undefined => {
    const checked = [...groups.querySelectorAll<HTMLInputElement>('input:checked')];
    const f: PagefindFilters = {};
    for (const box of checked) f[box.name] = { any: [...(f[box.name]?.any ?? []), box.value] };
    summary.textContent = checked.length ? `Filters (${checked.length})` : 'Filters';
    return checked.length ? f : undefined;
  };

  async function showMore(run = seq) {
    const next = results.slice(shown, shown + PAGE);
    shown += next.length;
    const data = await Promise.all(next.map((r) => r.data()));
    if (run !== seq) return;
    list.append(...data.map(item));
    more.hidden = shown >= results.length;
  }

  async function search() {
    clearTimeout(timer);
    timer = undefined;
    const run = ++seq;
    const q = input.value.trim();
    const f = chosen();
    if (!q && !f) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    try {
      const found = await (await api()).search(q || null, f ? { filters: f } : {});
      if (run !== seq || !found) return;
      results = found.results;
      shown = 0;
      list.replaceChildren();
      await showMore(run);
    } catch {
      if (run === seq) unavailable();
      return;
    }
    if (run !== seq) return;
    const n = results.length;
    const what = `${n ? n : 'No'} result${n === 1 ? '' : 's'}`;
    status.textContent = `${what}${q ? ` for ${q}` : ''}${f ? ' with the chosen filters' : ''}`;
  }

  /** One fieldset of checkboxes per filter group, values A–Z with their page counts. */
  async function loadFilters() {
    groups.textContent = 'Loading filters…';
    let all: PagefindFilterCounts;
    try {
      all = await (await api()).filters();
    } catch {
      groups.textContent = 'Filters are not available.';
      return;
    }
    const fieldset = (group: string, i: number) => {
      const values = Object.entries(all[group] ?? {}).sort(([a], [b]) => a.localeCompare(b));
      const boxes = values.map(([value, count], j) => {
        const box = h('input', { type: 'checkbox', name: group, value, id: `_sf-${i}-${j}` });
        const tally = h('span', { className: 'search-count', textContent: `(${count})` });
        return h('label', {}, box, ` ${value} `, tally);
      });
      return h('fieldset', {}, h('legend', { textContent: group }), ...boxes);
    };
    groups.replaceChildren(...GROUPS.filter((g) => all[g] && Object.keys(all[g]).length).map(fieldset));
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, WAIT);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (timer !== undefined || !list.firstChild) search();
    else list.querySelector('a')?.click();
  });
  groups.addEventListener('change', () => search());
  filters.addEventListener('toggle', () => {
    if (filters.open && !filtersLoaded) filtersLoaded = loadFilters();
  });
  more.addEventListener('click', () => {
    const first = shown;
    showMore().then(() => list.querySelectorAll('a')[first]?.focus());
  });

  // Arrow keys move between the input and the result links; Tab and Enter work as usual. Escape
  // closes the dialog at once (in a search field it would first clear the query).
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      root.closest('dialog')?.close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a')];
    const at = e.target === input ? -1 : links.indexOf(e.target as HTMLAnchorElement);
    if (at === -1 && e.target !== input) return;
    const to = at + (e.key === 'ArrowDown' ? 1 : -1);
    if (to < -1 || to >= links.length) return;
    e.preventDefault();
    (to === -1 ? input : links[to]!).focus();
  });

  return () => {
    input.focus();
    input.select();
    api().catch(unavailable);
  };
}
