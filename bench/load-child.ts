/**
 * One load, alone in a child process, so its heap is its own: `node
 * --max-old-space-size=1536 bench/results/load-child/load-child.js FILE` (this
 * file as loading.ts bundles it; `--import tsx bench/load-child.ts` works too) reads the
 * file's bytes, loads them with the one entry the CLI and the page's worker
 * use (loadScenario: JSON or YAML by content), derives, and prints one JSON
 * line of figures. `--json-parse` instead times JSON.parse of the file's text.
 * Peak heap: sampled at every progress report (every 256 objects) and after
 * each phase; the --max-old-space-size guard makes a load that needs more
 * than the target die (the parent reports that as a miss).
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { derive } from '../src/engine/index.ts';
import { loadScenario } from '../src/scenario/load.ts';

const file = process.argv[2] ?? '';
const mode = process.argv[3] ?? 'load';
let peakHeap = 0;
const sample = () => {
  // V8's own counter (what memoryUsage().heapUsed reports) without memoryUsage's RSS read, which cost ~50 ms over a
  // load's 400 samples on a big heap: the sampling must not be the figure.
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
};
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

const bytes = new Uint8Array(readFileSync(file));
sample();
if (mode === '--json-parse') {
  const text = new TextDecoder().decode(bytes);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const data = JSON.parse(text) as { items?: unknown[] };
  const ms = performance.now() - t0;
  sample();
  console.log(JSON.stringify({ ok: true, parseMs: ms, parseCpuMs: cpuMs(process.cpuUsage(cpu0)), objects: data.items?.length ?? 0, peakHeap }));
} else {
  let phases = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = loadScenario(bytes, 'bench-large', () => {
    phases++;
    sample();
  });
  const loadMs = performance.now() - t0;
  const loadCpu = cpuMs(process.cpuUsage(cpu0));
  sample();
  if (!r.ok) {
    console.log(JSON.stringify({ ok: false, error: r.errors[0]?.message ?? 'did not load' }));
  } else {
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    const dp = derive(r.model);
    const deriveMs = performance.now() - t1;
    const deriveCpu = cpuMs(process.cpuUsage(cpu1));
    sample();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(JSON.stringify({ ok: true, loadMs, loadCpu, deriveMs, deriveCpu, pods: r.model.pods.length, nodes: dp.nodes.length, progressCalls: phases, peakHeap, maxRss }));
  }
}
