// Site search: a small UI over Pagefind's JS API, fetched by the layout's loader the first time a
// reader opens search (see src/layouts/Base.astro). `mount(root)` builds the UI inside the search
// dialog and returns `open()`, which focuses the input and starts loading Pagefind.
//
// Bandwidth: Pagefind is loaded on first open, without its web worker (the same code runs on the
// main thread; searching a few thousand pages takes milliseconds). Index chunks load only for the
// query actually searched, after typing pauses (no preload per keystroke); result data (one
// fragment per page) only for the results shown, PAGE at a time; filter data only when the reader
// opens "Filters". Text from the index goes in through textContent; Pagefind's excerpt is
// HTML-escaped text with <mark> elements, and only those marks are kept.

const PAGE = 5;
const WAIT = 250;
const GROUPS = ['Type', 'Segment', 'Industry', 'DMU role', 'Seniority', 'Tag'];

const h = (tag, props = {}, ...kids) => {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...kids);
  return el;
};

/** Excerpt HTML → text nodes and <mark> elements only. */
function excerpt(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  return [...t.content.childNodes].map((n) => (n.nodeName === 'MARK' ? h('mark', { textContent: n.textContent }) : document.createTextNode(n.textContent)));
}

export default function mount(root) {
  let pagefind;
  let results = [];
  let shown = 0;
  let seq = 0;
  let timer;
  let filtersLoaded;

  const api = () =>
    (pagefind ??= import('/pagefind/pagefind.js').then(async (pf) => {
      await pf.options({ noWorker: true, excerptLength: 24 });
      await pf.init();
      return pf;
    }));

  const input = h('input', { type: 'search', id: '_search-q', autocomplete: 'off', spellcheck: false, placeholder: 'Search ICPs, personas, terms…' });
  input.setAttribute('aria-controls', '_search-results');
  input.setAttribute('aria-describedby', '_search-status');
  const form = h('form', { role: 'search', className: 'search-form' }, h('label', { htmlFor: '_search-q', className: 'sr-only', textContent: 'Search the playbook' }), input);
  const summary = h('summary', { textContent: 'Filters' });
  const groups = h('div', { className: 'search-groups' });
  const filters = h('details', { className: 'search-filters' }, summary, groups);
  const status = h('p', { id: '_search-status', className: 'search-status', role: 'status' });
  const list = h('ol', { id: '_search-results', className: 'search-results' });
  list.setAttribute('aria-label', 'Results');
  const more = h('button', { type: 'button', className: 'search-more', hidden: true, textContent: 'Show more results' });
  root.replaceChildren(form, filters, status, list, more);

  const unavailable = () => {
    status.textContent = 'Search is not available: the index has not been built.';
  };

  const chosen = () => {
    const f = {};
    for (const box of groups.querySelectorAll('input:checked')) (f[box.name] ??= { any: [] }).any.push(box.value);
    const n = groups.querySelectorAll('input:checked').length;
    summary.textContent = n ? `Filters (${n})` : 'Filters';
    return n ? f : undefined;
  };

  // On a page of many entries (the glossary: one <article id> per term), link to the entry with
  // the best match and name it; its name is the content from the anchor up to the first full stop.
  function target(data) {
    let url = data.url;
    let title = data.meta?.title || url;
    const best = [...(data.weighted_locations ?? [])].sort((a, b) => b.balanced_score - a.balanced_score)[0]?.location;
    const anchor = best === undefined ? undefined : (data.anchors ?? []).filter((a) => a.element === 'article' && a.location <= best).at(-1);
    if (anchor) {
      const words = (data.content ?? '').split(/\s+/).slice(anchor.location, anchor.location + 12);
      const end = words.findIndex((w) => w.endsWith('.'));
      const name = words.slice(0, end + 1 || words.length).join(' ').replace(/\.$/, '');
      url += `#${encodeURIComponent(anchor.id)}`;
      if (name) title += ` › ${name}`;
    }
    return { url, title };
  }

  function item(data) {
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

  async function loadFilters() {
    groups.textContent = 'Loading filters…';
    let all;
    try {
      all = await (await api()).filters();
    } catch {
      groups.textContent = 'Filters are not available.';
      return;
    }
    groups.replaceChildren(
      ...GROUPS.filter((g) => all[g] && Object.keys(all[g]).length).map((g, i) =>
        h(
          'fieldset',
          {},
          h('legend', { textContent: g }),
          ...Object.entries(all[g])
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([value, count], j) =>
              h('label', {}, h('input', { type: 'checkbox', name: g, value, id: `_sf-${i}-${j}` }), ` ${value} `, h('span', { className: 'search-count', textContent: `(${count})` })),
            ),
        ),
      ),
    );
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
    const at = e.target === input ? -1 : links.indexOf(e.target);
    if (at === -1 && e.target !== input) return;
    const to = at + (e.key === 'ArrowDown' ? 1 : -1);
    if (to < -1 || to >= links.length) return;
    e.preventDefault();
    (to === -1 ? input : links[to]).focus();
  });

  return () => {
    input.focus();
    input.select();
    api().catch(unavailable);
  };
}
