/**
 * The page's Content-Security-Policy: everything from its own origin, nothing
 * inline, nothing evaluated. vite.config.ts writes it as a <meta> into the
 * built index.html and sends it as a header from `vite preview`.
 *
 * - script-src 'self': the build emits only module files (Vite's preload
 *   helper is inside the entry chunk, not an inline script); no 'unsafe-eval'.
 * - worker-src 'self': the engine worker is a module file of the build.
 *   The offline service worker (sw.js, src/offline/pwa.ts) is one too, and
 *   loads its Workbox runtime with importScripts from the same origin
 *   (script-src 'self'); the page registers it from its bundle, not inline.
 * - style-src 'self': the stylesheet is a file; React's `style={...}` props and
 *   D3's `.style()` write through the CSSOM (element.style), which CSP does not
 *   govern, so no 'unsafe-inline' is needed. A `style="..."` attribute in
 *   markup or setAttribute('style') would be blocked, and the e2e test fails.
 * - img-src data: for the empty favicon (`<link rel="icon" href="data:,">`) and the PNG export, which
 *   draws the exported SVG as a data: image on a canvas (src/ui/export/download.ts).
 * - connect-src 'self': the scenario files and their summaries.
 *
 * Not in dev: Vite's dev server injects inline scripts (React refresh).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For the <meta> tag (frame-ancestors is ignored there, and says so in the console). */
export const CSP_META = DIRECTIVES.join('; ');

/** For the preview server's header: the same, and no framing. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
