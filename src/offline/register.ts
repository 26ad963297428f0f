/**
 * Registers the offline service worker (src/offline/pwa.ts) in a built page.
 * Not in dev (Vite's dev server has no precache manifest) and not where the
 * browser has no service workers (file://, some private modes): the page
 * works the same without it, only not offline.
 */
export async function registerOffline(): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  try {
    const { registerSW } = await import('virtual:pwa-register');
    // autoUpdate: a new build's worker takes over and the page reloads once onto it; the URL keeps the view.
    registerSW({ immediate: true });
  } catch {
    // Registration refused (storage off, insecure origin): the page still works online.
  }
}
