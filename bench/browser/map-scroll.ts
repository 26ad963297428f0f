/**
 * Section 4, map panel: frame intervals while the ipcache tab of the large
 * cluster scrolls (issue #9 point 3: only the rows on screen are rendered, so
 * a 512k-row ipcache scrolls at 60 fps). The cluster is opened in the page as
 * a person would (Open…, a file, Load); the scroll is a hard fling,
 * 120 px a frame, wrapping at the end, for `durationMs`.
 * `node --import tsx bench/browser/map-scroll.ts --scale 0.05` runs this section alone.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { generateCluster, type ClusterSize } from '../generate.ts';
import { Report } from '../report.ts';
import { summarize } from '../stats.ts';
import { buildApp } from './build.ts';
import { serveDir } from './serve.ts';
import { fileURLToPath } from 'node:url';

const PX_PER_FRAME = 120;
const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A hard fling (7,200 px a second, about 300 rows),  back to the top at the end. A string: the page's CSP is bypassed, tsx helpers are not there. */
const FLING = (durationMs: number) => `new Promise((done) => {
  const el = document.querySelector('[data-testid="map-body"]');
  const STEP = ${PX_PER_FRAME};
  if (!el) { done(0); return; }
  const end = performance.now() + ${durationMs};
  let moved = 0;
  const f = () => {
    el.scrollTop = el.scrollTop + el.clientHeight >= el.scrollHeight - 1 ? 0 : el.scrollTop + STEP;
    moved++;
    if (performance.now() < end) requestAnimationFrame(f); else done(moved);
  };
  requestAnimationFrame(f);
})`;

export async function benchMapScroll(report: Report, browser: Browser, url: string, size: ClusterSize, durationMs = 4000): Promise<void> {
  const { yaml } = generateCluster(size);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  await page.addInitScript({ path: PROBE });
  await page.addInitScript(() => localStorage.setItem('flowlab.hint.dismissed', '1'));
  try {
    await page.goto(url);
    await page.locator('[data-testid="packet"]').waitFor({ timeout: 20_000 });
    const opened = performance.now();
    await page.locator('.scenario-picker > button').first().click();
    // A file on disk: Playwright refuses buffers over 50 MB (the 1,000-node cluster is 80 MB).
    const dir = fileURLToPath(new URL('../results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}bench-large.yaml`;
    writeFileSync(file, yaml);
    await page.getByLabel('Choose a YAML or JSON file').setInputFiles(file);
    await page.locator('.open-dialog button.primary').click({ timeout: 120_000 });
    await page.locator('.open-dialog').waitFor({ state: 'hidden', timeout: 600_000 });
    report.info(`the generated cluster (${size.nodes} nodes, ${size.pods} pods, ${(yaml.length / 1e6).toFixed(1)} MB) opened in the page in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
    await page.getByRole('tab', { name: 'ipcache', exact: true }).click();
    const count = page.getByTestId('map-count');
    await page.waitForFunction('(document.querySelectorAll(\'[data-testid="map-body"] [role="row"][data-key]\').length > 10)', null, { timeout: 120_000 });
    const rows = (await count.textContent()) ?? '?';
    const rendered = await page.locator('[data-testid="map-body"] [role="row"]').count();
    // The same page left alone for as long: a busy machine shows here too, telling its cost from the panel's.
    const idleSince = (await page.evaluate('window.__bench.startFrames()')) as number;
    await page.waitForTimeout(durationMs);
    const idle = (await page.evaluate(`window.__bench.stopFrames(${idleSince})`)) as { frames: number[]; tasks: number[] };
    // The renderer's own account of its main-thread work (script, style, layout), which a busy machine
    // inflates far less than frame intervals: per scrolled frame, it is what the panel costs.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const work = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
      return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration') + get('RecalcStyleDuration') };
    };
    const w0 = await work();
    const since = (await page.evaluate('window.__bench.startFrames()')) as number;
    const moved = (await page.evaluate(FLING(durationMs))) as number;
    const data = (await page.evaluate(`window.__bench.stopFrames(${since})`)) as { frames: number[]; tasks: number[] };
    const w1 = await work();
    if (data.frames.length === 0) {
      report.add('map panel scroll: frame interval p95', undefined, 'ms', { op: '<=', value: 17 }, 'no frames recorded');
      return;
    }
    const f = summarize(data.frames);
    report.add('map panel scroll (ipcache): frame interval p95', f.p95, 'ms', { op: '<=', value: 17 },
      `${rows}; ${rendered} rows in the DOM; ${moved} frames scrolled by ${PX_PER_FRAME} px in ${durationMs / 1000} s, ${data.frames.length} frames, p50 ${f.median.toFixed(1)} ms, max ${f.max.toFixed(1)} ms, ${data.tasks.length} long tasks`);
    const per = (a: number, b: number) => ((b - a) * 1000) / Math.max(1, moved);
    report.add('map panel scroll: main-thread work per frame', per(w0.task, w1.task), 'ms', { op: '<=', value: 8 },
      `script ${per(w0.script, w1.script).toFixed(2)} ms, style + layout ${per(w0.layout, w1.layout).toFixed(2)} ms (CDP Performance.getMetrics over the fling)`);
    if (idle.frames.length) {
      const g = summarize(idle.frames);
      report.add('the same page idle: frame interval p95', g.p95, 'ms', undefined, `${idle.frames.length} frames, max ${g.max.toFixed(1)} ms, ${idle.tasks.length} long tasks`);
    }
  } catch (err) {
    report.skip(`map panel scroll: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

/** This section alone: builds the app, serves it, opens a generated cluster (`--scale` of the bench's 1,000 nodes, 100k pods). */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--scale');
  const scale = at > 0 ? Number(process.argv[at + 1]) : 1;
  const report = new Report();
  report.section('4. Browser: map panel scroll');
  if (!existsSync(CHROMIUM)) return report.skip(`${CHROMIUM} is missing`);
  const build = await buildApp();
  if (!build.ok) return report.skip(`the app did not build:\n${build.tail}`);
  const server = await serveDir(build.outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const size = { nodes: Math.max(4, Math.round(1000 * scale)), pods: Math.round(100_000 * scale), services: Math.round(2000 * scale), seed: 42 };
    await benchMapScroll(report, browser, `${server.url}/`, size);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
