/**
 * Lookups in the derived datapath that cannot miss when the model is sound
 * (a node named by an endpoint, a backend named by a frontend, a node's
 * netdev): a miss is a bug in derive, reported as an InternalError.
 */
import type { Backend, Datapath, Frontend, Interface, NodeDatapath } from '../derive/types.ts';
import { must } from '../util/internal.ts';

export const nodeOf = (dp: Datapath, name: string): NodeDatapath => must(dp.node(name), () => `node ${name}`);

export const backendOf = (dp: Datapath, id: number): Backend => must(dp.backends.get(id), () => `backend ${id}`);

/** The backend id in slot `slot` (1-based, as cilium_lb4_services_v2 numbers them) of a frontend. */
export const backendIdAt = (f: Frontend, slot: number): number =>
  must(f.backendIds[slot - 1], () => `slot ${slot} of ${f.service}`);

export const frontendById = (dp: Datapath, id: number): Frontend =>
  must(dp.frontends.find((f) => f.id === id), () => `frontend with rev_nat_index ${id}`);

/** The node's own device (ens5), where cil_to_netdev and cil_from_netdev are attached. */
export const netdevOf = (node: NodeDatapath): Interface =>
  must(node.interfaces.find((i) => i.kind === 'netdev'), () => `netdev of ${node.name}`);

/** A device of the node by name (a route's `dev`). */
export const deviceOf = (node: NodeDatapath, name: string): Interface =>
  must(node.interfaces.find((i) => i.name === name), () => `device ${name} of ${node.name}`);
