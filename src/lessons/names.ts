/**
 * The closed vocabularies a lesson file may use, as runtime lists (the
 * engine's are types). The type checks below fail the build when the
 * engine adds a hop kind or a map and the list here is not told.
 */
import type { HopKind, MapName } from '../engine/index.ts';

export const HOP_KINDS = [
  'send', 'arp-proxy', 'socket-lb-rewrite', 'socket-rev-nat', 'service-lb', 'service-rev-nat', 'lxc-ingress',
  'conntrack', 'ipcache-lookup', 'endpoint-lookup', 'policy', 'native-routing', 'netdev-egress', 'snat', 'wire',
  'netdev-ingress', 'rev-snat', 'tunnel-encap', 'tunnel-decap', 'kernel-stack', 'iptables', 'deliver', 'drop',
] as const satisfies readonly HopKind[];

export const MAP_NAMES = [
  'cilium_ipcache', 'cilium_lxc', 'cilium_lb4_services_v2', 'cilium_lb4_backends_v3', 'cilium_lb4_reverse_nat',
  'cilium_lb4_reverse_sk', 'cilium_ct4_global', 'cilium_ct_any4_global', 'cilium_snat_v4_external', 'cilium_ipmasq_v4',
  'cilium_policy', 'cilium_tunnel_map', 'fib', 'neigh', 'iptables', 'nf_conntrack',
] as const satisfies readonly MapName[];

// Every kind and map of the engine is in the lists (a missing one makes these types `false`).
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const kindsCovered: Covers<HopKind, (typeof HOP_KINDS)[number]> = true;
const mapsCovered: Covers<MapName, (typeof MAP_NAMES)[number]> = true;
export const COVERED = kindsCovered && mapsCovered;
