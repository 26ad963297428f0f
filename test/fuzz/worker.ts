/**
 * The fuzzer's worker thread: runs the property and tells the main thread
 * when each case starts and ends, so the main thread can stop a case that
 * never ends (a hang cannot be caught from inside the loop that hangs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { caseArb } from './mutate.ts';
import { runCase } from './pipeline.ts';

const { numRuns, seed, caseLimitMs } = workerData as { numRuns: number; seed: number; caseLimitMs: number };
const port = parentPort;
if (!port) throw new Error('run as a worker thread');

/** The failing case by scenario, settings and mutations (its text is long), and the error with its stack. */
function failure(r: fc.RunDetails<[typeof caseArb extends fc.Arbitrary<infer T> ? T : never]>): string {
  const c = r.counterexample?.[0];
  const err = r.errorInstance instanceof Error ? (r.errorInstance.stack ?? r.errorInstance.message) : String(r.errorInstance);
  const what = c ? `${c.scenario}, settings ${JSON.stringify(c.settings)}, flows ${JSON.stringify(c.flows)}, mutations ${JSON.stringify(c.mutations)}` : '';
  return `seed ${r.seed}, path ${r.counterexamplePath}\ncase: ${what.slice(0, 3000)}\n${err.slice(0, 3000)}`;
}

let index = 0;
let slowest = { ms: 0, index: -1, scenario: '', mutations: '' };
let loaded = 0;
const result = fc.check(
  fc.property(caseArb, (c) => {
    port.postMessage({ type: 'start', index });
    const start = performance.now();
    const first = runCase(c);
    const ms = performance.now() - start;
    if (!first.startsWith('errors\n')) loaded++;
    if (ms > slowest.ms) slowest = { ms, index, scenario: c.scenario, mutations: JSON.stringify(c.mutations).slice(0, 400) };
    if (ms > caseLimitMs) throw new Error(`case took ${ms.toFixed(0)} ms (limit ${caseLimitMs})`);
    const again = runCase(c);
    if (again !== first) throw new Error('two runs of the same case printed different output');
    index++;
  }),
  { numRuns, seed },
);
port.postMessage({
  type: 'done',
  cases: index,
  loaded,
  slowest,
  failed: result.failed,
  report: result.failed ? failure(result) : undefined,
});
