/**
 * `cilium map get <name>` (cilium-dbg/cmd/map_get.go): the agent's view of a
 * BPF map. For maps the agent writes through a userspace cache
 * (bpf.Map.WithCache: ipcache, lxc, lb4 services/backends/reverse_nat,
 * ipmasq, snat) it prints that cache, State `sync`. For maps without one
 * (cilium_lb4_reverse_sk, the conntrack maps) it dumps the map live, and
 * State/Error stay empty (pkg/bpf/map_linux.go GetModel).
 *
 * One consequence shown faithfully: cilium_snat_v4_external has a cache but
 * the agent never writes pod flows into it, so `map get` says "Cache is
 * empty" while `bpf nat list` shows the datapath's entries.
 *
 * Where the rows come from: the maps the agent programs from its service and
 * endpoint state (lxc, lb4 services/backends/reverse_nat, ipmasq) are printed
 * from the derived Datapath (lb-rows.ts, lxc-rows.ts: Cilium's String()
 * formats); cilium_ipcache and the maps traffic writes come from the node's
 * MapTables (tablesAt), in the order the engine wrote their rows. Go would
 * print its map order.
 */
import type { Datapath } from '../../derive/types.ts';
import type { MapTables } from '../../maps/rows.ts';
import { ipcacheKey, ipcacheValue } from '../../maps/format.ts';
import { tabwrite } from '../tabwriter.ts';
import { backends6Rows, backendsV3Rows, revNat6Rows, revNatRows, services6Rows, servicesV2Rows } from './lb-rows.ts';
import { lxcRows } from './lxc-rows.ts';

interface MapSource {
  /** Printed from the agent's userspace cache (State `sync`). */
  cached: boolean;
  /** Rows built from the Datapath (agent-written maps). */
  derive?: (dp: Datapath, node: string) => Map<string, string>;
  /** Prefer the node's MapTables, deriving only when they lack the map. */
  tablesFirst?: boolean;
  /** The agent keeps a cache but never writes these entries: always "Cache is empty". */
  agentCacheEmpty?: boolean;
}

export function ipcacheRows(dp: Datapath, node: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const e of dp.ipcache) {
    const hit = dp.ipcacheLookup(node, e.prefix.base);
    if (hit && hit.entry === e) {
      rows.set(ipcacheKey(e.prefix), ipcacheValue(hit.value.identity, hit.value.tunnelEndpoint, hit.value.encryptKey, hit.value.flagSkipTunnel));
    }
  }
  return rows;
}

/** ipmasq Key4.String() prints the address only, without the prefix length; Value prints "". */
function ipmasqRows(dp: Datapath): Map<string, string> {
  return new Map(dp.ipMasqCidrs.map((c) => [String(c.base), '']));
}

export const MAP_SOURCES: Readonly<Record<string, MapSource>> = {
  cilium_ipcache: { cached: true, derive: ipcacheRows, tablesFirst: true },
  cilium_lxc: { cached: true, derive: lxcRows },
  cilium_lb4_services_v2: { cached: true, derive: servicesV2Rows },
  cilium_lb4_backends_v3: { cached: true, derive: backendsV3Rows },
  cilium_lb4_reverse_nat: { cached: true, derive: revNatRows },
  cilium_ipmasq_v4: { cached: true, derive: (dp) => ipmasqRows(dp) },
  cilium_lb4_reverse_sk: { cached: false },
  cilium_ct4_global: { cached: false },
  cilium_ct_any4_global: { cached: false },
  cilium_snat_v4_external: { cached: true, agentCacheEmpty: true },
};

export const MAP_NAMES = Object.keys(MAP_SOURCES);

/** The lb6 maps exist only on an agent with enable-ipv6. */
const MAP6_SOURCES: Readonly<Record<string, MapSource>> = {
  cilium_lb6_services_v2: { cached: true, derive: services6Rows },
  cilium_lb6_backends_v3: { cached: true, derive: backends6Rows },
  cilium_lb6_reverse_nat: { cached: true, derive: revNat6Rows },
};

const sourceOf = (dp: Datapath, name: string): MapSource | undefined =>
  MAP_SOURCES[name] ?? (dp.config.enableIpv6 ? MAP6_SOURCES[name] : undefined);

const namesOf = (dp: Datapath) => [...MAP_NAMES, ...(dp.config.enableIpv6 ? Object.keys(MAP6_SOURCES) : [])];

export type MapGetResult = { ok: true; text: string } | { ok: false; error: string };

/** The rows `cilium map get` would list (before formatting), or undefined for an unknown map. */
export function mapRows(dp: Datapath, tables: MapTables, node: string, name: string): Map<string, string> | undefined {
  const source = sourceOf(dp, name);
  if (!source) return undefined;
  if (source.agentCacheEmpty) return new Map();
  if (source.derive && !source.tablesFirst) return source.derive(dp, node);
  return tables[name] ?? source.derive?.(dp, node) ?? new Map();
}

export function mapGet(dp: Datapath, tables: MapTables, node: string, name: string | undefined): MapGetResult {
  if (!name) return { ok: false, error: 'map name must be specified' };
  const rows = mapRows(dp, tables, node, name);
  if (!rows) {
    return { ok: false, error: `[GET /map/{name}][404] getMapNameNotFound: map ${name} is not known; maps: ${namesOf(dp).join(', ')}` };
  }
  if (rows.size === 0) return { ok: true, text: 'Cache is empty\n\n' };
  const state = sourceOf(dp, name)?.cached ? 'sync' : '';
  let text = 'Key\tValue\tState\tError\n';
  for (const [k, v] of rows) text += `${k}\t${v}\t${state}\t\n`;
  return { ok: true, text: tabwrite(text) };
}
