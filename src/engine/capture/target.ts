/**
 * Where a capture listens (`tcpdump -i`): a host interface of a node (its
 * netdev, an lxc, cilium_host, the overlay device) or a pod's eth0 inside the
 * pod's network namespace.
 */
import { flowError } from '../request.ts';
import type { Datapath } from '../derive/types.ts';

export type CaptureTarget =
  | { kind: 'device'; node: string; iface: string }
  | { kind: 'pod'; node: string; /** `namespace/name` */ pod: string; podIp: string };

/** The interface name `tcpdump -i` takes for the target. */
export const captureIface = (t: CaptureTarget): string => (t.kind === 'pod' ? 'eth0' : t.iface);

/** Every target of a datapath, as `NODE:IFACE` (host interfaces) or a pod's `namespace/name` (its eth0). */
export function captureNames(dp: Datapath): string[] {
  return [
    ...dp.nodes.flatMap((n) => n.interfaces.map((i) => `${n.name}:${i.name}`)),
    ...dp.nodes.flatMap((n) => n.endpoints.filter((e) => !e.isHealth).map((e) => e.key)),
  ];
}

/** `NODE:IFACE` or a pod (`name`, `namespace/name`, optionally `:eth0`), as a person types it. */
export function resolveCaptureTarget(dp: Datapath, text: string): CaptureTarget {
  const colon = text.lastIndexOf(':');
  const [name, iface] = colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
  const node = dp.node(name);
  if (node && iface !== undefined && node.interfaces.some((i) => i.name === iface)) return { kind: 'device', node: node.name, iface };
  if (iface === undefined || iface === 'eth0') {
    const ep = dp.endpointByKey.get(name) ?? dp.endpointByKey.get(`default/${name}`);
    if (ep && !ep.isHealth) return { kind: 'pod', node: ep.node, pod: ep.key, podIp: ep.ip };
  }
  throw flowError('error.no_capture_iface', { name: text }, captureNames(dp));
}
