/**
 * `npm run bench`: every figure measured in one run, printed beside its
 * target, and written to bench/results/latest.json (git-ignored). A bench,
 * not a test: nothing here fails on a slow figure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchBrowser } from './browser/index.ts';
import { benchLargeCluster, benchTraces, loadLab } from './engine.ts';
import { benchIpcache } from './ipcache.ts';
import { benchLoading, type LoadFiles } from './loading.ts';
import { Report } from './report.ts';
import { timeOnce } from './stats.ts';

/** `npm run bench -- --scale 0.1` runs a tenth of the cluster (for working on the bench itself). */
const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
if (!(scale > 0)) throw new Error('--scale needs a positive number');
const SIZE = { nodes: Math.round(1000 * scale), pods: Math.round(100_000 * scale), services: Math.round(2000 * scale), seed: 42 };
const started = performance.now();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const loadAtStart = loadavg();
console.log(`Cilium Flow Lab bench: ${machine}; load average at start ${load()}`);
console.log('(wall times; "CPU" is this process\'s CPU time over the same call, telling a slow engine from a busy machine)');
if (loadavg()[0]! > cpus().length) {
  console.log(`WARNING: the machine is busy (load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores): wall times are inflated, compare the CPU figures`);
}

const report = new Report();
const labLoad = timeOnce(loadLab);
const lab = { dp: labLoad.result, wallMs: labLoad.wallMs, cpuMs: labLoad.cpuMs };
const large = benchLargeCluster(report, SIZE);
let loadFiles: LoadFiles | undefined;
try {
  if (large) loadFiles = await benchLoading(report, large.yaml);
} catch (err) {
  report.skip(`loading section failed: ${(err as Error).message.split('\n')[0]}`);
}
benchTraces(report, lab, large);
if (large) benchIpcache(report, large.dp);
else {
  report.section('3. ipcache lookups (large cluster)');
  report.skip('the large cluster did not load');
}
try {
  await benchBrowser(report, loadFiles, SIZE);
} catch (err) {
  report.skip(`browser section failed: ${(err as Error).message.split('\n')[0]}`);
}

const { met, missed } = report.summary();
const totalSec = (performance.now() - started) / 1000;
console.log(`\n${met} targets met, ${missed} missed; bench took ${totalSec.toFixed(0)} s; load average at end ${load()}`);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('latest.json', dir), JSON.stringify({
  date: new Date().toISOString(), machine, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg(), size: SIZE, seconds: totalSec,
  figures: report.figures, skipped: report.skipped,
}, null, 2) + '\n');
console.log('written: bench/results/latest.json');
