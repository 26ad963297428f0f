/**
 * Engine figures in Node: loading and deriving a large generated cluster, and
 * tracing flows on the lab and on that cluster.
 */
import { readFileSync } from 'node:fs';
import { derive, traceFlow, type Datapath, type FlowRequest, type Trace } from '../src/engine/index.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { render } from '../src/i18n/index.ts';
import { generateCluster, type ClusterSize, type GeneratedCluster } from './generate.ts';
import { mb, ms, type Report } from './report.ts';
import { timeLoop, timeOnce, type LoopOptions } from './stats.ts';

export const LAB_FILE = new URL('../public/scenarios/kans-lab.yaml', import.meta.url);

export interface Loaded {
  dp: Datapath;
  probes: GeneratedCluster['probes'];
  /** The cluster's text, for the loading section (1b) and the browser's Load. */
  yaml: string;
}

/** Section 1: generate, load (parse + validate) and derive the large cluster. */
export function benchLargeCluster(report: Report, size: ClusterSize): Loaded | undefined {
  report.section(`1. Large cluster: ${size.nodes.toLocaleString('en-US')} nodes, ${size.pods.toLocaleString('en-US')} pods, ${size.services.toLocaleString('en-US')} services`);
  const gen = timeOnce(() => generateCluster(size));
  const { yaml, counts, probes } = gen.result;
  report.info(`generated in ${ms(gen.wallMs)}: ${counts.documents.toLocaleString('en-US')} documents, ${counts.pods.toLocaleString('en-US')} pods (${counts.podNetworkPods.toLocaleString('en-US')} on the pod network, the rest host-network agents), ${counts.services} services`);
  report.add('YAML text size', Buffer.byteLength(yaml) / 1e6, 'MB');

  const load = timeOnce(() => loadScenario(yaml, 'bench-large'));
  report.add('loadScenario (parse + validate)', load.wallMs, 'ms', undefined, `CPU ${ms(load.cpuMs)}`);
  if (!load.result.ok) {
    report.info(`the generated cluster did not load: ${load.result.errors.slice(0, 3).map((e) => e.message).join(' | ')}`);
    report.skip('no datapath for the large cluster: sections 2 (large) and 3 cannot run');
    return undefined;
  }
  const warnings = load.result.model.warnings.length;
  if (warnings > 0) report.info(`${warnings} loader warnings, first: ${load.result.model.warnings[0]!.message}`);
  const model = load.result.model;
  const der = timeOnce(() => derive(model));
  const dp = der.result;
  report.add('derive', der.wallMs, 'ms', { op: '<', value: 3000 }, `CPU ${ms(der.cpuMs)}`);
  report.add('total (load + derive)', load.wallMs + der.wallMs, 'ms', undefined, `CPU ${ms(load.cpuMs + der.cpuMs)}`);
  const endpoints = dp.nodes.reduce((a, n) => a + n.endpoints.length, 0);
  const routes = dp.nodes.reduce((a, n) => a + n.routes.length, 0);
  report.info(`derived: ${dp.nodes.length} nodes, ${endpoints.toLocaleString('en-US')} endpoints, ${dp.identities.size.toLocaleString('en-US')} identities, ${dp.ipcache.length.toLocaleString('en-US')} ipcache entries, ${routes.toLocaleString('en-US')} routes, ${dp.frontends.length} frontends, ${dp.backends.size.toLocaleString('en-US')} backends; heap ${mb(process.memoryUsage().heapUsed)}`);
  return { dp, probes, yaml };
}

export function loadLab(): Datapath {
  const r = loadScenario(readFileSync(LAB_FILE, 'utf8'), 'kans-lab');
  if (!r.ok) throw new Error(`kans-lab did not load: ${r.errors[0]?.message}`);
  return derive(r.model);
}

const LAB_LOOP: LoopOptions = { warmup: 300, iterations: 5000, budgetMs: 2500, minIterations: 500 };
const LARGE_LOOP: LoopOptions = { warmup: 100, iterations: 3000, budgetMs: 4000, minIterations: 200 };

/** Times one flow request (a new seed each call, so backends and ports vary as in use) and prints median and p95. */
function benchTrace(report: Report, label: string, dp: Datapath, req: FlowRequest, loop: LoopOptions, targetMs?: number): void {
  let first: Trace;
  try {
    first = traceFlow(dp, req);
  } catch (err) {
    report.add(label, undefined, 'ms', targetMs === undefined ? undefined : { op: '<', value: targetMs }, `failed: ${(err as Error).message}`);
    return;
  }
  let hops = 0;
  const s = timeLoop((i) => traceFlow(dp, { ...req, seed: i + 1 }), loop, (t) => (hops += t.events.length));
  const what = `${req.from} → ${req.to} ${req.proto.toUpperCase()}`;
  report.add(`${label} median`, s.median, 'ms', targetMs === undefined ? undefined : { op: '<', value: targetMs },
    `p95 ${ms(s.p95)}, mean ${ms(s.mean)} (CPU ${ms(s.cpuMean!)}), n=${s.n}; ${what}: ${first.outcome.status}, ${first.events.length} hops`);
  if (first.outcome.status !== 'completed') report.info(`note: ${render('en', first.outcome.message)}`);
  if (hops === 0) report.info('note: the traces had no events');
}

/** Section 2: trace latency on the lab and on the large cluster. */
export function benchTraces(report: Report, lab: { dp: Datapath; wallMs: number; cpuMs: number }, large: Loaded | undefined): void {
  report.section('2. Trace latency (traceFlow)');
  // The first load of the process (cold JIT), as the page's worker does it before the topology shows.
  report.add('lab loadScenario + derive, first call', lab.wallMs, 'ms', undefined, `CPU ${ms(lab.cpuMs)}`);
  benchTrace(report, 'lab pod → service TCP', lab.dp, { from: 'netpod', to: 'svc', proto: 'tcp' }, LAB_LOOP, 0.2);
  benchTrace(report, 'lab cross-node ICMP', lab.dp, { from: 'netpod', to: 'webpod1', proto: 'icmp' }, LAB_LOOP);
  if (!large) {
    report.skip('large cluster not available');
    return;
  }
  const { client, service, crossNodePod } = large.probes;
  benchTrace(report, 'large pod → service TCP', large.dp, { from: client, to: service, proto: 'tcp' }, LARGE_LOOP, 2);
  benchTrace(report, 'large cross-node ICMP', large.dp, { from: client, to: crossNodePod, proto: 'icmp' }, LARGE_LOOP);
}
