/**
 * What every page runs before search is opened (src/layouts/Base.astro includes it): the theme
 * toggle, the search dialog and the glossary tooltips' Escape handling. It stays tiny (DESIGN §7:
 * ≤ 2 kB of JS with the theme snippet): the search UI (./search.ts) is a separate chunk, imported
 * on the first focus or click of a [data-search] button or the "/" key, and Pagefind loads only
 * when the dialog opens.
 */

const root = document.documentElement;
const dialog = document.getElementById('_search') as HTMLDialogElement;
const ui = document.getElementById('_search-ui') as HTMLElement;
const toggle = document.querySelector('[data-theme-toggle]');
const systemDark = matchMedia('(prefers-color-scheme: dark)');
/** Where a "/" is typed as text rather than opening search. */
const FIELD = /^(INPUT|TEXTAREA|SELECT)$/;

/** The theme shown: the reader's choice (`data-theme`, set in <head> from storage) or the system's. */
const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);
const syncToggle = () => toggle?.setAttribute('aria-pressed', String(isDark()));

function toggleTheme() {
  const theme = isDark() ? 'light' : 'dark';
  root.dataset.theme = theme;
  try {
    localStorage.setItem('theme', theme);
  } catch {
    // Storage is blocked: the choice holds for this page only.
  }
  syncToggle();
}

type SearchUi = typeof import('./search.ts');
let searchUi: Promise<() => void> | undefined;

/**
 * Imports the search UI once and mounts it in the dialog; resolves to its `open()`. The specifier is
 * a sum on purpose: the bundler folds it and still emits ./search.ts as a chunk of its own, while
 * Vite wraps only literal specifiers in its module preload helper, 1.6 kB on every page for nothing
 * here (the chunk imports no other module and no CSS). `astro dev` warns that it cannot analyse the
 * import and leaves it to the browser, which resolves it the same way.
 */
const loadSearch = () =>
  (searchUi ??= (import('./search' + '.ts') as Promise<SearchUi>).then((module) => module.default(ui)));

function openSearch() {
  if (!dialog.open) dialog.showModal();
  loadSearch().then(
    (open) => open(),
    () => {
      ui.textContent = 'Search is not available.';
    },
  );
}

syncToggle();
systemDark.addEventListener('change', syncToggle);

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (target.closest('[data-search]')) openSearch();
  else if (target.closest('[data-close]') || target === dialog) dialog.close();
  else if (target.closest('[data-theme-toggle]')) toggleTheme();
});

// Focusing a search button fetches the UI ahead of the click. Any focus or pointer movement brings
// back the glossary tooltips that Escape hid.
document.addEventListener('focusin', (event) => {
  root.classList.remove('notip');
  if ((event.target as Element).closest('[data-search]')) loadSearch();
});
document.addEventListener('pointermove', () => root.classList.remove('notip'), { passive: true });

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key === 'Escape') root.classList.add('notip');
  if (event.key !== '/' || dialog.open || event.ctrlKey || event.metaKey) return;
  // A "/" typed in a field is text, except in the just-closed dialog, where focus may still sit
  // in the search input (browsers move it out lazily): there it reopens search.
  const typing = FIELD.test(target.tagName) || target.isContentEditable;
  if (typing && !dialog.contains(target)) return;
  event.preventDefault();
  openSearch();
});
