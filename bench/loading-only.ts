/**
 * `node --import tsx bench/loading-only.ts [--scale 1] [--browser]`: only the
 * loading figures (section 1b, and with --browser the page's Load of the
 * large file), for working on the loader without the whole `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { benchLoadInPage, CHROMIUM } from './browser/index.ts';
import { buildApp } from './browser/build.ts';
import { serveDir } from './browser/serve.ts';
import { generateCluster } from './generate.ts';
import { benchLoading } from './loading.ts';
import { Report } from './report.ts';

const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
const size = { nodes: Math.round(1000 * scale), pods: Math.round(100_000 * scale), services: Math.round(2000 * scale), seed: 42 };
const report = new Report();
const { yaml } = generateCluster(size);
const files = await benchLoading(report, yaml);
if (process.argv.includes('--browser') && existsSync(CHROMIUM)) {
  report.section('4. Browser: the large file opened in the page');
  const build = await buildApp();
  if (!build.ok) report.skip(`the app did not build:\n${build.tail}`);
  else {
    const server = await serveDir(build.outDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
    try {
      await benchLoadInPage(report, browser, server.url, files.yaml);
    } finally {
      await browser.close();
      await server.close();
    }
  }
}
const { met, missed } = report.summary();
console.log(`\n${met} targets met, ${missed} missed`);
