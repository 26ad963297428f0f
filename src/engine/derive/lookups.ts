/**
 * Lookups in the derived datapath that cannot miss when the model is sound
 * (a node named by an endpoint, a backend named by a frontend, a node's
 * netdev): a miss is a bug in derive, reported as an InternalError. Written
 * as plain checks (no closure per call): several run on every hop.
 */
import type { Backend, Datapath, Frontend, Interface, NodeDatapath } from '../derive/types.ts';
import { missing } from '../util/internal.ts';

export function nodeOf(dp: Datapath, name: string): NodeDatapath {
  const n = dp.node(name);
  if (!n) throw missing(`node ${name}`);
  return n;
}

export function backendOf(dp: Datapath, id: number): Backend {
  const b = dp.backends.get(id);
  if (!b) throw missing(`backend ${id}`);
  return b;
}

/** The backend id in slot `slot` (1-based, as cilium_lb4_services_v2 numbers them) of a frontend. */
export function backendIdAt(f: Frontend, slot: number): number {
  const id = f.backendIds[slot - 1];
  if (id === undefined) throw missing(`slot ${slot} of ${f.service}`);
  return id;
}

/** lb4_service.count on the master slot: the active backends (terminating ones sit after them, uncounted). */
export function countOf(dp: Datapath, f: Frontend): number {
  return f.backendIds.filter((id) => dp.backends.get(id)?.state === 'active').length;
}

export function frontendById(dp: Datapath, id: number): Frontend {
  const f = dp.frontends.find((x) => x.id === id);
  if (!f) throw missing(`frontend with rev_nat_index ${id}`);
  return f;
}

/** The node's own device (ens5), where cil_to_netdev and cil_from_netdev are attached. */
export function netdevOf(node: NodeDatapath): Interface {
  const dev = node.interfaces.find((i) => i.kind === 'netdev');
  if (!dev) throw missing(`netdev of ${node.name}`);
  return dev;
}

/** A device of the node by name (a route's `dev`). */
export function deviceOf(node: NodeDatapath, name: string): Interface {
  const dev = node.interfaces.find((i) => i.name === name);
  if (!dev) throw missing(`device ${name} of ${node.name}`);
  return dev;
}
