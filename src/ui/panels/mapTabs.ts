/** Which BPF maps each tab of the map panel shows, and the tab of a map. */
import type { MapTab } from '../../state/store.ts';

export const MAP_TABS: { id: MapTab; maps: string[]; /** cilium-dbg views shown above the rows. */ cli?: string[] }[] = [
  { id: 'ipcache', maps: ['cilium_ipcache'] },
  { id: 'endpoints', maps: ['cilium_lxc'], cli: ['bpf endpoint list'] },
  { id: 'services', maps: ['cilium_lb4_services_v2', 'cilium_lb4_backends_v3', 'cilium_lb4_reverse_nat'], cli: ['service list', 'bpf lb list'] },
  { id: 'reverse_sk', maps: ['cilium_lb4_reverse_sk'] },
  { id: 'conntrack', maps: ['cilium_ct4_global', 'cilium_ct_any4_global'] },
  { id: 'nat', maps: ['cilium_snat_v4_external'] },
];

export function tabOfMap(map: string): MapTab | undefined {
  return MAP_TABS.find((t) => t.maps.includes(map))?.id;
}
