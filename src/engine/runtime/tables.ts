/**
 * Map contents as of a step: the state the agent programmed (derived once per
 * node and cached) with the updates of events 0..step applied. Stepping back
 * is recomputing from the cached initial state, never re-simulating.
 */
import { ipv4ToU32 } from '../../scenario/values.ts';
import type { Datapath } from '../derive/types.ts';
import { ipcacheValueFor } from '../derive/ipcache.ts';
import { routeKey, routeText } from '../derive/route-table.ts';
import { ipcacheKey, ipcacheValue, neighKey, neighValue, tunnelKey, tunnelValue } from '../maps/format.ts';
import { backendsV3Rows, revNatRows, servicesV2Rows } from '../formats/cilium/lb-rows.ts';
import { lxcRows } from '../formats/cilium/lxc-rows.ts';
import { policyRows } from '../policy/index.ts';
import { writesOn } from '../maps/replay.ts';
import { netdevOf } from '../derive/lookups.ts';
import { must } from '../util/internal.ts';
import type { MapTables } from '../maps/rows.ts';
import type { MapName, Trace } from '../trace.ts';

/** Maps shown per node, in panel order. Those written by traffic start empty. */
export const NODE_MAPS: MapName[] = [
  'cilium_ipcache', 'cilium_lxc', 'cilium_lb4_services_v2', 'cilium_lb4_backends_v3', 'cilium_lb4_reverse_nat',
  'cilium_lb4_reverse_sk', 'cilium_ct4_global', 'cilium_ct_any4_global', 'cilium_snat_v4_external', 'cilium_ipmasq_v4',
  'cilium_policy',
  'cilium_tunnel_map', 'fib', 'neigh',
];

const cache = new WeakMap<Datapath, Map<string, MapTables>>();

export function initialTables(dp: Datapath, nodeName: string): MapTables {
  let perDp = cache.get(dp);
  if (!perDp) cache.set(dp, (perDp = new Map()));
  const hit = perDp.get(nodeName);
  if (hit) return hit;
  const node = dp.node(nodeName);
  const t: MapTables = {};
  for (const m of NODE_MAPS) t[m] = new Map();
  if (!node) return t;
  // Every map the node has starts empty (above); the rows go into these.
  const table = (m: MapName) => must(t[m], () => `table ${m}`);
  const nodeIp = (n: string) => must(dp.node(n), () => `node ${n}`).ip;
  const sorted = [...dp.ipcache].sort((a, b) => ipv4ToU32(a.prefix.base) - ipv4ToU32(b.prefix.base) || a.prefix.bits - b.prefix.bits);
  for (const e of sorted) {
    const v = ipcacheValueFor(e, nodeName, nodeIp);
    table('cilium_ipcache').set(ipcacheKey(e.prefix), ipcacheValue(v.identity, v.tunnelEndpoint, v.encryptKey, v.flagSkipTunnel));
  }
  // The agent-written maps: one definition of their rows, shared with the cilium CLI views.
  t.cilium_lxc = lxcRows(dp, nodeName);
  t.cilium_lb4_services_v2 = servicesV2Rows(dp, nodeName);
  t.cilium_lb4_backends_v3 = backendsV3Rows(dp, nodeName);
  t.cilium_lb4_reverse_nat = revNatRows(dp, nodeName);
  // Every local endpoint's cilium_policy_<EPID> rows, keyed with the map name so they group.
  t.cilium_policy = policyRows(dp, nodeName);
  for (const c of dp.ipMasqCidrs) table('cilium_ipmasq_v4').set(`${c.base}/${c.bits}`, '');
  if (dp.config.routingMode === 'tunnel') {
    // Tunnel mode: each remote node's pod CIDR → its node IP (the fallback when the ipcache has none).
    for (const other of dp.nodes) {
      if (other !== node) for (const c of other.podCIDRs) table('cilium_tunnel_map').set(tunnelKey(c), tunnelValue(other.ip));
    }
  }
  for (const r of node.routes) table('fib').set(routeKey(r), routeText(r));
  for (const other of dp.nodes) {
    if (other !== node) table('neigh').set(neighKey(other.ip, node.device), neighValue(netdevOf(other).mac));
  }
  table('neigh').set(neighKey(node.gatewayIp, node.device), neighValue(node.gatewayMac));
  perDp.set(nodeName, t);
  return t;
}

/** The node's tables after events 0..step of the trace (step < 0: before the first event). */
export function tablesAt(dp: Datapath, trace: Trace | undefined, step: number, nodeName: string): MapTables {
  const init = initialTables(dp, nodeName);
  const out: MapTables = {};
  for (const [name, rows] of Object.entries(init)) out[name] = new Map(rows);
  if (!trace) return out;
  for (const op of writesOn(trace.events, step, nodeName)) {
    const rows = (out[op.map] ??= new Map());
    if (op.op === 'delete') rows.delete(op.key);
    else rows.set(op.key, op.value ?? '');
  }
  return out;
}
