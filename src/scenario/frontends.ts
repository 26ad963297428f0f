/**
 * The order in which a Service's frontends are numbered: the contract between
 * the `flowlab.cilium.io/service-ids` annotation and the engine's frontend
 * list. ClusterIP frontends first, one per distinct port number (Cilium 1.16
 * writes protocol ANY, so 53/UDP and 53/TCP share one); then, per NodePort,
 * the node-IP frontend followed by its 0.0.0.0 surrogate.
 *
 * Only these IPv4 external-scope frontends are numbered by the annotation. The
 * others the agent also creates get IDs allocated after the annotated ones:
 * the `/i` twins of a two-scopes service (traffic policies that differ), the
 * HostPort frontends of pods, and the IPv6 frontends (enable-ipv6).
 */
import type { ServiceModel } from './model.ts';
import type { Port } from './values.ts';

export const SERVICE_IDS_ANNOTATION = 'flowlab.cilium.io/service-ids';

export type FrontendSlot =
  | { kind: 'cluster'; port: Port }
  | { kind: 'nodeport'; nodePort: Port }
  | { kind: 'surrogate'; nodePort: Port };

export function frontendSlots(svc: Pick<ServiceModel, 'clusterIP' | 'ports'>): FrontendSlot[] {
  const slots: FrontendSlot[] = [];
  if (svc.clusterIP !== undefined) {
    const seen = new Set<number>();
    for (const p of svc.ports) {
      if (seen.has(p.port)) continue;
      seen.add(p.port);
      slots.push({ kind: 'cluster', port: p.port });
    }
  }
  const nodePorts = new Set<number>();
  for (const p of svc.ports) {
    if (p.nodePort === undefined || nodePorts.has(p.nodePort)) continue;
    nodePorts.add(p.nodePort);
    slots.push({ kind: 'nodeport', nodePort: p.nodePort }, { kind: 'surrogate', nodePort: p.nodePort });
  }
  return slots;
}

/** `10.10.25.166:80`, `<node IP>:32283`, `0.0.0.0:32283`: how describe and messages show a slot. */
export function slotText(slot: FrontendSlot, clusterIP: string | undefined): string {
  switch (slot.kind) {
    case 'cluster':
      return `${clusterIP ?? '?'}:${slot.port}`;
    case 'nodeport':
      return `<node IP>:${slot.nodePort}`;
    case 'surrogate':
      return `0.0.0.0:${slot.nodePort}`;
    default: {
      const never: never = slot;
      return never;
    }
  }
}
