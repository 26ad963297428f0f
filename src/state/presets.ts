/**
 * Preset flows computed from the loaded scenario: the seed lab's four flows
 * when its names exist, otherwise the same four shapes (same node, across
 * nodes, to a service, to the internet) with whatever pods the cluster has.
 */
import type { FlowRequest } from '../engine/index.ts';
import type { ScenarioSummary, SummaryPod } from '../worker/summary.ts';

export interface Preset {
  /** i18n key of the preset's label. */
  id: 'same-node' | 'cross-node' | 'service' | 'external';
  flow: FlowRequest;
  /** Names to show in the label, e.g. netpod → netpod2. */
  label: string;
}

/** How a flow names a pod: bare in `default`, `ns/name` elsewhere. */
export function podRef(p: Pick<SummaryPod, 'namespace' | 'name'>): string {
  return p.namespace === 'default' ? p.name : `${p.namespace}/${p.name}`;
}

export function serviceRef(s: { namespace: string; name: string }): string {
  return s.namespace === 'default' ? s.name : `${s.namespace}/${s.name}`;
}

const EXTERNAL_IP = '8.8.8.8';

export function presetsFor(summary: ScenarioSummary): Preset[] {
  const pods = summary.nodes.flatMap((n) => n.pods);
  const find = (name: string) => pods.find((p) => p.name === name && p.namespace === 'default');
  const out: Preset[] = [];
  // Prefer the seed's own names; fall back to the first pod that has a same-node peer.
  const client = find('netpod') ?? pods.find((p) => pods.some((q) => q !== p && q.node === p.node)) ?? pods[0];
  if (!client) return out;
  const sameNode = find('netpod2') ?? pods.find((q) => q !== client && q.node === client.node);
  if (sameNode && sameNode.node === client.node) {
    out.push(mk('same-node', client, podRef(sameNode), 'icmp'));
  }
  const remote = find('webpod1') ?? pods.find((q) => q.node !== client.node);
  if (remote && remote.node !== client.node) out.push(mk('cross-node', client, podRef(remote), 'icmp'));
  const svc =
    summary.services.find((s) => s.name === 'svc' && s.namespace === 'default' && s.ip) ??
    summary.services.find((s) => s.ip && s.ports.some((p) => p.protocol === 'TCP') && s.name !== 'kubernetes') ??
    summary.services.find((s) => s.ip && s.ports.length > 0);
  const svcPort = svc?.ports.find((p) => p.protocol === 'TCP') ?? svc?.ports[0];
  if (svc && svcPort) {
    out.push(mk('service', client, serviceRef(svc), svcPort.protocol === 'UDP' ? 'udp' : 'tcp', svcPort.port));
  }
  out.push(mk('external', client, EXTERNAL_IP, 'tcp', 443));
  return out;
}

function mk(id: Preset['id'], from: SummaryPod, to: string, proto: FlowRequest['proto'], port?: number): Preset {
  const flow: FlowRequest = { from: podRef(from), to, proto, ...(port !== undefined ? { port } : {}) };
  return { id, flow, label: `${flow.from} → ${to}${port !== undefined ? `:${port}` : ''}` };
}

/** True when every name of the flow exists in the scenario (pod, service, node or an IP). */
export function flowFits(flow: FlowRequest, summary: ScenarioSummary): boolean {
  const names = new Set<string>();
  for (const n of summary.nodes) {
    names.add(n.name);
    for (const p of n.pods) {
      names.add(podRef(p));
      names.add(p.key);
    }
  }
  for (const s of summary.services) {
    names.add(serviceRef(s));
    names.add(s.key);
  }
  const ok = (x: string) => names.has(x.replace(/:\d+$/, '')) || /^\d+\.\d+\.\d+\.\d+$/.test(x);
  return ok(flow.from) && ok(flow.to);
}
