/**
 * `npm run fuzz`: the fuzzer at full size (FUZZ_RUNS, default 100,000 cases;
 * FUZZ_SEED to repeat a run). Prints the number of cases, how many loaded,
 * the slowest case, and exits 1 on a failure or a hang (a case that does not
 * end within FUZZ_HANG_MS is stopped from here and reported by its index).
 */
import { Worker } from 'node:worker_threads';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? 100_000);
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const caseLimitMs = Number(process.env['FUZZ_CASE_MS'] ?? 5_000);
const hangMs = Number(process.env['FUZZ_HANG_MS'] ?? 60_000);

console.log(`fuzz: ${numRuns} cases, seed ${seed}, case limit ${caseLimitMs} ms`);
const started = Date.now();
const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { numRuns, seed, caseLimitMs } });
let current = -1;
let since = Date.now();
const watch = setInterval(() => {
  if (Date.now() - since > hangMs) {
    console.log(`fuzz: HANG: case ${current} (seed ${seed}) ran for more than ${hangMs} ms`);
    void worker.terminate();
    process.exit(1);
  }
  if (current >= 0 && current % 10_000 === 0) console.log(`fuzz: ${current} cases`);
}, 1000);

worker.on('message', (m: { type: string; index?: number; cases?: number; loaded?: number; slowest?: { ms: number; index: number; scenario: string; mutations: string }; failed?: boolean; report?: string }) => {
  if (m.type === 'start') {
    current = m.index ?? -1;
    since = Date.now();
    return;
  }
  clearInterval(watch);
  const s = m.slowest;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`fuzz: ${m.cases} cases in ${seconds} s (${m.loaded} loaded and traced, the rest refused with located errors), ${m.failed ? 1 : 0} failures`);
  if (s) console.log(`fuzz: slowest case #${s.index}: ${s.ms.toFixed(1)} ms (${s.scenario}; mutations ${s.mutations})`);
  if (m.failed) console.log(m.report);
  process.exitCode = m.failed ? 1 : 0;
  void worker.terminate();
});
worker.on('error', (err) => {
  clearInterval(watch);
  console.log(`fuzz: the worker failed at case ${current}: ${err.stack ?? err.message}`);
  process.exitCode = 1;
});
