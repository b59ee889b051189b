/**
 * The one inline script of every page. It runs before the first paint (inline, in `<head>`), so a
 * page never flashes the wrong theme: the reader's stored choice, else the system's. It does only
 * that, in as few bytes as it can, since every page carries it; the toggle's behaviour is
 * src/scripts/theme-toggle.ts, in the page module, whose THEME_STORAGE_KEY is the key read here.
 * It is a constant here, not markup, so the Content-Security-Policy hashes the very text the page
 * carries (src/lib/security/csp.ts).
 */
export const THEME_SCRIPT =
  "(()=>{let t;try{t=localStorage.getItem('papershelf-theme')}catch{}document.documentElement.dataset.theme=t==='light'||t==='dark'?t:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'})()";
