/**
 * What a person waits for in Chromium: the topology on screen after
 * navigation, and smooth frames while the longest lab flow plays. Selectors
 * are the UI's contract (DESIGN §6); when one is missing the figure says which.
 * The in-page half is probe.js; here only string expressions are evaluated.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
const VIEWPORT = { width: 1280, height: 720 };

async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[]; scripts: string[] }> {
  // The probe's string expressions run through Playwright's eval, which the app's CSP (no 'unsafe-eval')
  // refuses; the bench measures the app, not its policy (e2e/hostile.spec.ts holds that), so it bypasses it.
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  // Every script fetched (the page's and its workers'), in order.
  const scripts: string[] = [];
  context.on('request', (r) => {
    if (/\.m?js(\?|$)/.test(new URL(r.url()).pathname)) scripts.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.addInitScript({ path: PROBE });
  return { context, page, consoleErrors, scripts };
}

/** Waits for the topology; returns ms since navigation start, or why it did not show. */
async function waitForTopology(page: Page, timeoutMs: number): Promise<{ readyMs?: number; error?: string }> {
  try {
    await page.waitForFunction('window.__bench && window.__bench.ready() !== undefined', null, { timeout: timeoutMs });
    return { readyMs: (await page.evaluate('window.__bench.ready()')) as number };
  } catch (err) {
    const why = await page.evaluate('window.__bench ? window.__bench.diagnose() : "the probe did not run"').catch(() => (err as Error).message.split('\n')[0]);
    return { error: `topology not shown within ${timeoutMs / 1000} s: ${String(why)}` };
  }
}

export interface LoadRun {
  /** ms from navigation start to the frame showing the topology; undefined with `error`. */
  readyMs?: number;
  error?: string;
  consoleErrors: string[];
  longestStartupTaskMs: number;
  /** Navigation timing and the app's flowlab:* performance marks, ms since navigation start. */
  timeline: Record<string, number>;
  /** URLs of the scripts fetched until the topology showed (static, dynamic and worker ones). */
  scriptsBeforeReady: string[];
}

/** One cold load in a fresh context (empty cache). */
export async function timeToTopology(browser: Browser, url: string, timeoutMs = 20_000): Promise<LoadRun> {
  const { context, page, consoleErrors, scripts } = await openPage(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const r = await waitForTopology(page, timeoutMs);
    const scriptsBeforeReady = [...new Set(scripts)];
    const longest = r.error ? Number.NaN : ((await page.evaluate('window.__bench.longestTask(0)')) as number);
    const timeline = (await page.evaluate('window.__bench ? window.__bench.timeline() : {}').catch(() => ({}))) as Record<string, number>;
    return { ...r, consoleErrors, longestStartupTaskMs: longest, timeline, scriptsBeforeReady };
  } finally {
    await context.close();
  }
}

export interface PlaybackRun {
  /** requestAnimationFrame intervals, ms. */
  frames: number[];
  /** Frames during which the player showed its Pause button (i.e. was playing). */
  playingFrames: number;
  longestTaskMs: number;
  longTasks: number;
  /** Long tasks that ended just before a hop change was painted: the work of stepping. */
  longTasksAtHopChange: number;
  /** Hops the player advanced while measured (from the scrubber): playback really ran. */
  advanced?: number;
  packetMarker: boolean;
  error?: string;
}

/** Opens `url`, presses Play (or Space), and records rAF intervals and long tasks for `durationMs`. */
export async function playbackFrames(browser: Browser, url: string, durationMs = 5000): Promise<PlaybackRun> {
  const { context, page } = await openPage(browser);
  const none: PlaybackRun = { frames: [], playingFrames: 0, longestTaskMs: Number.NaN, longTasks: 0, longTasksAtHopChange: 0, packetMarker: false };
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await waitForTopology(page, 20_000);
    if (shown.error) return { ...none, error: shown.error };
    const play = page.getByRole('button', { name: 'Play', exact: true });
    const hasButton = await play.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
    // The trace comes from the worker; Play is enabled once it has arrived.
    if (hasButton) await page.waitForFunction('window.__bench.playEnabled()', null, { timeout: 20_000 }).catch(() => undefined);
    const scrubber = page.getByRole('slider').first();
    const stepAt = async () => Number(await scrubber.inputValue({ timeout: 1000 }).catch(() => Number.NaN));
    const before = await stepAt();
    const since = (await page.evaluate('window.__bench.startFrames()')) as number;
    if (hasButton && (await play.isEnabled())) await play.click();
    else await page.keyboard.press('Space');
    const packetMarker = await page.locator('[data-testid="packet"]').first().waitFor({ state: 'attached', timeout: 3000 }).then(() => true, () => false);
    await page.waitForTimeout(durationMs);
    const after = await stepAt();
    const data = (await page.evaluate(`window.__bench.stopFrames(${since})`)) as { frames: number[]; playingFrames: number; tasks: number[]; tasksAtHopChange: number };
    const error = !hasButton
      ? 'no button named "Play" (pressed Space instead)'
      : data.playingFrames === 0 ? 'the player never showed a "Pause" button: playback may not have started' : undefined;
    return {
      frames: data.frames,
      playingFrames: data.playingFrames,
      longestTaskMs: Math.max(0, ...data.tasks),
      longTasks: data.tasks.length,
      longTasksAtHopChange: data.tasksAtHopChange,
      ...(Number.isFinite(before) && Number.isFinite(after) ? { advanced: after - before } : {}),
      packetMarker,
      ...(error ? { error } : {}),
    };
  } finally {
    await context.close();
  }
}

export interface LoadInPage {
  /** ms from the click on Load to the frame after the new cluster's topology shows. */
  drawnMs?: number;
  /** The longest time between two changes of the progress bar (value or phase), from Load to the dialog closing. */
  longestGapMs?: number;
  updates: number;
  phases: string[];
  error?: string;
}

/**
 * Issue #9: a person opens a big cluster's file in the page: Open…, the file
 * input, Load; the time until its topology is drawn, and how often the
 * progress bar changed meanwhile (recorded in the page by a MutationObserver).
 */
export async function loadFileInPage(browser: Browser, url: string, file: string, timeoutMs = 180_000): Promise<LoadInPage> {
  const { context, page } = await openPage(browser);
  const name = file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/i, '');
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await waitForTopology(page, 20_000);
    if (shown.error) return { updates: 0, phases: [], error: shown.error };
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Choose a YAML or JSON file').setInputFiles(file);
    await page.evaluate(`(() => {
      const w = window; w.__load = { changes: [], start: 0 };
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (!bar) return;
        const key = bar.getAttribute('aria-valuenow') + '|' + bar.getAttribute('aria-label');
        const last = w.__load.changes[w.__load.changes.length - 1];
        if (!last || last.key !== key) w.__load.changes.push({ key, at: performance.now(), label: bar.getAttribute('aria-label') });
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    await page.evaluate('window.__load.start = performance.now()');
    await page.getByRole('dialog').getByRole('button', { name: 'Load' }).click();
    await page.waitForFunction(`(() => {
      const sel = document.querySelector('select[aria-label="Scenario"]');
      const svg = document.querySelector('[aria-label="Cluster topology"]');
      return sel && sel.value === ${JSON.stringify(name)} && svg && svg.querySelector('[data-node]') && !document.querySelector('dialog[open]');
    })()`, null, { timeout: timeoutMs, polling: 50 });
    const drawnAt = (await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(performance.now())))')) as number;
    const data = (await page.evaluate('window.__load')) as { start: number; changes: { at: number; label: string }[] };
    const times = [data.start, ...data.changes.map((c) => c.at)];
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    return {
      drawnMs: drawnAt - data.start,
      longestGapMs: Math.max(0, ...gaps),
      updates: data.changes.length,
      phases: [...new Set(data.changes.map((c) => c.label.replace(/^Loading progress: /, '')))],
    };
  } catch (err) {
    // What the bar did before the time ran out: how far the load got, and how regularly it said so.
    const data = (await page.evaluate('window.__load').catch(() => undefined)) as { start: number; changes: { at: number; label: string; key: string }[] } | undefined;
    const changes = data?.changes ?? [];
    const times = data ? [data.start, ...changes.map((c) => c.at)] : [];
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    const last = changes[changes.length - 1];
    const reached = last ? `; the bar last said ${last.label} at ${last.key.split('|')[0]}%, ${((last.at - (data?.start ?? 0)) / 1000).toFixed(1)} s after Load` : '';
    return {
      updates: changes.length,
      phases: [...new Set(changes.map((c) => c.label.replace(/^Loading progress: /, '')))],
      ...(gaps.length ? { longestGapMs: Math.max(...gaps) } : {}),
      error: `${(err as Error).message.split('\n')[0]}${reached}`,
    };
  } finally {
    await context.close();
  }
}
