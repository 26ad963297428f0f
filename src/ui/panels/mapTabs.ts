/** Which BPF maps each tab of the map panel shows, and the tab of a map. */
import type { MapTab } from '../../state/store.ts';

export const MAP_TABS: { id: MapTab; maps: string[]; /** cilium-dbg views shown above the rows. */ cli?: string[] }[] = [
  { id: 'ipcache', maps: ['cilium_ipcache'] },
  { id: 'endpoints', maps: ['cilium_lxc'], cli: ['bpf endpoint list'] },
  { id: 'services', maps: ['cilium_lb4_services_v2', 'cilium_lb4_backends_v3', 'cilium_lb4_reverse_nat'], cli: ['service list', 'bpf lb list'] },
  { id: 'reverse_sk', maps: ['cilium_lb4_reverse_sk'] },
  { id: 'conntrack', maps: ['cilium_ct4_global', 'cilium_ct_any4_global'] },
  { id: 'nat', maps: ['cilium_snat_v4_external'], cli: ['bpf nat list'] },
  // Rows are keyed `cilium_policy_<EPID5> ...`: the panel shows one endpoint's at a time.
  { id: 'policy', maps: ['cilium_policy'] },
  { id: 'tunnel', maps: ['cilium_tunnel_map'], cli: ['bpf tunnel list'] },
];

/** `cilium_policy_00759 Ingress identity=1 ANY` → 759. */
export function policyEndpointOf(key: string): number | undefined {
  const m = /^cilium_policy_(\d+)\b/.exec(key);
  return m ? Number(m[1]) : undefined;
}

export function tabOfMap(map: string): MapTab | undefined {
  return MAP_TABS.find((t) => t.maps.includes(map))?.id;
}
