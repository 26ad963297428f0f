/**
 * The datapath modes a class compares, as the cilium-config keys each needs.
 * Some switches only make sense together (the agent refuses kube-proxy mode
 * with BPF masquerade), so the UI and `--compare` use these bundles.
 */
import type { Settings } from './request.ts';

export interface ModePreset {
  id: string;
  /** Short label (English; the UI translates by id). */
  label: string;
  settings: Settings;
}

export const MODE_PRESETS: readonly ModePreset[] = [
  { id: 'ip-masq-agent-off', label: 'ip-masq-agent off', settings: { 'enable-ip-masq-agent': 'false' } },
  { id: 'tunnel-vxlan', label: 'VXLAN tunnel', settings: { 'routing-mode': 'tunnel', 'tunnel-protocol': 'vxlan' } },
  { id: 'tunnel-geneve', label: 'Geneve tunnel', settings: { 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' } },
  { id: 'socket-lb-off', label: 'socket LB off (per-packet LB)', settings: { 'bpf-lb-sock': 'false' } },
  // Pods on netkit devices (1.16 `bpf.datapathMode: netkit`): L3, no ARP, programs on netkit's own hooks.
  { id: 'netkit', label: 'netkit devices (instead of veth)', settings: { 'datapath-mode': 'netkit', 'enable-tcx': 'true' } },
  { id: 'legacy-tc', label: 'legacy tc attach (no tcx)', settings: { 'enable-tcx': 'false' } },
  { id: 'legacy-host-routing', label: 'legacy host routing', settings: { 'enable-host-legacy-routing': 'true' } },
  {
    id: 'kube-proxy',
    label: 'kube-proxy (no replacement)',
    settings: { 'kube-proxy-replacement': 'false', 'enable-bpf-masquerade': 'false', 'enable-ip-masq-agent': 'false', 'bpf-lb-sock': 'false' },
  },
];
