/**
 * Section 4: the built app in Chromium. Skipped, with the reason, when
 * Chromium is missing or the app does not build.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ms, type Report } from '../report.ts';
import { summarize } from '../stats.ts';
import { buildApp } from './build.ts';
import { gzipOfFetched, initialJs } from './bundle.ts';
import type { ClusterSize } from '../generate.ts';
import { benchMapScroll } from './map-scroll.ts';
import { loadFileInPage, playbackFrames, timeToTopology } from './page.ts';
import type { LoadFiles } from '../loading.ts';
import { serveDir } from './serve.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LOADS = 3;
const LONGEST_FLOW = '/?from=netpod&to=svc&proto=tcp';

export async function benchBrowser(report: Report, loadFiles?: LoadFiles, large?: ClusterSize): Promise<void> {
  report.section('4. Browser (Chromium)');
  if (!existsSync(CHROMIUM)) {
    report.skip(`${CHROMIUM} is missing: no browser figures`);
    return;
  }
  const build = await buildApp();
  if (!build.ok) {
    report.skip(`the app did not build (npx vite build):\n${build.tail}`);
    return;
  }
  report.info(`built with vite in ${ms(build.ms)} into ${build.outDir}`);

  const bundle = initialJs(build.outDir);
  report.add('initial JavaScript, gzipped', bundle.initialGzip / 1024, 'KB', { op: '<', value: 250 },
    `${bundle.initial.length} files: ${bundle.initial.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
  report.info(`loaded later (worker, lazy chunks): ${bundle.otherFiles} files, ${(bundle.otherGzip / 1024).toFixed(1)} KB gzipped`);

  const server = await serveDir(build.outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await timeToTopology(browser, `${server.url}/`));
    const ok = loads.filter((l) => l.readyMs !== undefined).map((l) => l.readyMs!);
    const failed = loads.find((l) => l.error);
    report.add('navigation → interactive topology (median)', ok.length ? summarize(ok).median : undefined, 'ms', { op: '<', value: 1000 },
      ok.length ? `runs: ${ok.map((v) => v.toFixed(0)).join(', ')} ms (fresh context each)` : `failed: ${failed?.error}`);
    if (failed && ok.length) report.info(`a load failed: ${failed.error}`);
    // The page may import the app dynamically right away: what it really waits for is every script
    // fetched before the topology shows (dynamic chunks and the engine worker included).
    const first = loads.find((l) => l.readyMs !== undefined);
    if (first) {
      const fetched = gzipOfFetched(build.outDir, server.url, first.scriptsBeforeReady);
      report.add('JS fetched until the topology shows, gzipped', fetched.gzip / 1024, 'KB', { op: '<', value: 250 },
        `${fetched.files.length} files (incl. dynamic imports and the worker): ${fetched.files.join(', ')}`);
    }
    const errors = [...new Set(loads.flatMap((l) => l.consoleErrors))];
    if (errors.length) report.info(`console errors while loading: ${errors.slice(0, 3).join(' | ')}`);
    const startupTask = Math.max(...loads.map((l) => l.longestStartupTaskMs).filter(Number.isFinite), 0);
    const median = loads.find((l) => l.readyMs !== undefined && l.readyMs === summarize(ok).median);
    const steps = Object.entries(median?.timeline ?? {}).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    report.info(`longest task during startup: ${ms(startupTask)}${steps ? `; median run, ms since navigation: ${steps}, topology ${median!.readyMs!.toFixed(0)}` : ''}`);

    if (loadFiles) await benchLoadInPage(report, browser, server.url, loadFiles.yaml);
    else report.skip('no large cluster file: the page load of the 1,000-node cluster was not measured');
    // The large cluster's ipcache in the map panel (virtualised rows), scrolled as fast as a fling.
    if (large) await benchMapScroll(report, browser, `${server.url}/`, large);

    const run = await playbackFrames(browser, `${server.url}${LONGEST_FLOW}`);
    if (run.error) report.info(`playback: ${run.error}`);
    if (run.frames.length === 0) {
      report.add('frame interval p95 during playback', undefined, 'ms', { op: '<=', value: 17 }, 'no frames recorded');
      return;
    }
    const f = summarize(run.frames);
    const played = `${run.frames.length} frames, ${run.playingFrames} while playing; ${run.advanced ?? '?'} hops advanced; packet marker ${run.packetMarker ? 'seen' : 'NOT seen'}`;
    report.add('frame interval p50', f.median, 'ms', undefined, played);
    report.add('frame interval p95', f.p95, 'ms', { op: '<=', value: 17 });
    report.add('frame interval max', f.max, 'ms');
    report.add('longest task during playback', run.longestTaskMs, 'ms', { op: '<=', value: 50 }, `${run.longTasks} long tasks (> 50 ms), ${run.longTasksAtHopChange} of them right before a hop change`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The large cluster's YAML (1,000 nodes at scale 1) chosen in the page's Open dialog: Load → topology, and the progress bar's updates. */
export async function benchLoadInPage(report: Report, browser: Awaited<ReturnType<typeof chromium.launch>>, url: string, file: string): Promise<void> {
  const r = await loadFileInPage(browser, `${url}/`, file);
  report.add('large cluster file: Load → topology drawn', r.drawnMs, 'ms', { op: '<', value: 12_000 },
    r.error ?? `${r.updates} progress updates, phases: ${r.phases.join(' → ')}`);
  report.add('longest time between progress updates', r.longestGapMs, 'ms', { op: '<=', value: 500 },
    r.error ? `until the time ran out (${r.updates} updates)` : 'from Load until the last update (deriving reports its progress; the summary sent to the page and the drawing after it are not in this figure)');
}
