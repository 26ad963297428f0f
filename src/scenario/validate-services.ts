/**
 * Cluster-wide Service checks: ClusterIPs, service IDs and nodePorts unique;
 * a Service with no possible backend is a warning (it is valid Kubernetes,
 * and the agent then answers with "no backend", which is worth showing).
 */
import { SERVICE_IDS_ANNOTATION } from './frontends.ts';
import type { Assembled } from './validate.ts';
import type { SelectorIndex } from './selector.ts';
import { say } from './issue-text.ts';

export function validateServices(a: Assembled, index: SelectorIndex): void {
  const clusterIPs = new Map<string, string>();
  const ids = new Map<number, string>();
  const nodePorts = new Map<string, string>();
  for (const { model: svc, f } of a.services) {
    const label = f.obj.ref.object;
    if (svc.clusterIP) {
      const first = clusterIPs.get(svc.clusterIP);
      if (first) f.error(['spec', 'clusterIP'], say('scenario.svc.cluster_ip_taken', { ip: svc.clusterIP, other: first }));
      else clusterIPs.set(svc.clusterIP, label);
    }
    for (const id of svc.serviceIds ?? []) {
      const first = ids.get(id);
      if (first) f.error(['metadata', 'annotations', SERVICE_IDS_ANNOTATION], say('scenario.svc.id_taken', { id, other: first }));
      else ids.set(id, label);
    }
    svc.ports.forEach((p, i) => {
      if (p.nodePort === undefined) return;
      const key = `${p.nodePort}/${p.protocol}`;
      const first = nodePorts.get(key);
      if (first && first !== label) f.error(['spec', 'ports', i, 'nodePort'], say('scenario.svc.node_port_taken', { port: key, other: first }));
      else nodePorts.set(key, label);
    });
    checkBackends(index, svc, f);
  }
}

type ServiceEntry = Assembled['services'][number];

function checkBackends(index: SelectorIndex, svc: ServiceEntry['model'], f: ServiceEntry['f']): void {
  if (svc.sliceEndpoints !== undefined) return;
  if (!svc.selector) {
    f.warn(['spec'], say('scenario.svc.no_selector'));
    return;
  }
  const selector = Object.entries(svc.selector);
  if (index.select(svc.namespace, svc.selector).length === 0) {
    const text = selector.map(([k, v]) => `${k}=${v}`).join(',');
    f.warn(['spec', 'selector'], say('scenario.svc.selects_none', { selector: text, namespace: svc.namespace }));
  }
}
