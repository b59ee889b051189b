/**
 * The light/dark toggle. ThemeScript.astro has already set the theme before the first paint; this
 * keeps the buttons' pressed state true to it, follows the system while the reader has not chosen,
 * and stores a choice. Choosing the theme the system already has forgets the choice, so the page
 * follows the system again from then on. Clicks are handled by delegation, so a toggle works
 * wherever it is rendered.
 */
const THEME_STORAGE_KEY = 'papershelf-theme';

type Theme = 'light' | 'dark';
const root = document.documentElement;
const system = matchMedia('(prefers-color-scheme: dark)');
const systemTheme = (): Theme => (system.matches ? 'dark' : 'light');

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function apply(theme: Theme): void {
  root.dataset['theme'] = theme;
  for (const button of document.querySelectorAll('[data-theme-toggle]')) button.setAttribute('aria-pressed', String(theme === 'dark'));
}

apply(stored() ?? systemTheme());
system.addEventListener('change', () => stored() ?? apply(systemTheme()));
document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('[data-theme-toggle]')) return;
  const theme: Theme = root.dataset['theme'] === 'dark' ? 'light' : 'dark';
  try {
    if (theme === systemTheme()) localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage refused (private mode, a full quota): the choice holds for this page only.
  }
  apply(theme);
});
