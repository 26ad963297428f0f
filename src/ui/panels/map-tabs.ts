/** Which BPF maps each tab of the map panel shows, and the tab of a map. */
import type { MapName } from '../../engine/index.ts';
import type { MapTab } from '../../state/store.ts';
import type { CiliumView } from '../../worker/protocol.ts';

export interface MapTabSpec {
  id: MapTab;
  maps: MapName[];
  /** cilium-dbg views shown above the rows. */
  cli?: CiliumView[];
}

export const MAP_TABS: MapTabSpec[] = [
  { id: 'ipcache', maps: ['cilium_ipcache'] },
  { id: 'endpoints', maps: ['cilium_lxc'], cli: [{ view: 'bpf endpoint list' }] },
  {
    id: 'services',
    maps: ['cilium_lb4_services_v2', 'cilium_lb4_backends_v3', 'cilium_lb4_reverse_nat'],
    cli: [{ view: 'service list' }, { view: 'bpf lb list', mode: 'services' }],
  },
  { id: 'reverse_sk', maps: ['cilium_lb4_reverse_sk'] },
  { id: 'conntrack', maps: ['cilium_ct4_global', 'cilium_ct_any4_global'] },
  // ip-masq-agent's CIDRs decide whether a packet is masqueraded at all: they sit beside the NAT table they gate.
  { id: 'nat', maps: ['cilium_snat_v4_external', 'cilium_ipmasq_v4'], cli: [{ view: 'bpf nat list' }, { view: 'bpf ipmasq list' }] },
  // One cilium_policy_<EPID> map per endpoint (the row's endpointId): the panel shows one at a time.
  { id: 'policy', maps: ['cilium_policy'] },
  { id: 'tunnel', maps: ['cilium_tunnel_map'], cli: [{ view: 'bpf tunnel list' }] },
];

export function tabOfMap(map: MapName): MapTab | undefined {
  return MAP_TABS.find((t) => t.maps.includes(map))?.id;
}
