/**
 * The service worker that makes the page work offline after the first visit
 * (a classroom without network is normal). vite-plugin-pwa's generateSW
 * (Workbox) precaches everything the build wrote: the chunks, the worker,
 * the stylesheet, index.html, the built-in scenarios and lessons (YAML) and
 * their summaries (JSON). Each file is precached under its content revision,
 * so a new build installs a new worker that fetches only what changed,
 * takes over at once (skipWaiting + clientsClaim) and deletes the old cache.
 *
 * CSP (src/csp.ts): the worker is `sw.js` from the page's own origin
 * (worker-src 'self'); it loads its Workbox runtime with importScripts from
 * the same origin (script-src 'self'); the page registers it from its own
 * bundle (virtual:pwa-register), so no inline script is injected.
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

export function offline(): PluginOption {
  return VitePWA({
    // Registered by src/offline/register.ts, inside the bundle: no injected <script>.
    injectRegister: false,
    registerType: 'autoUpdate',
    // No install prompt or icons: offline use is the point, not an installable app.
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{js,css,html,yaml,json,svg,txt}'],
      // Any URL of the page (?scenario=…&lesson=…) opens the precached index.html offline.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      // The engine chunk is large; the default 2 MiB limit would silently leave a file out.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
  });
}
