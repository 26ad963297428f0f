/**
 * enable-tcx and datapath-mode decide how the hops name their attach points,
 * and netkit (L3) pods neither ARP nor carry MACs (pkg/datapath/loader tc.go,
 * tcx.go, netkit.go; docs/cilium-attach-notes.md).
 */
import { describe, expect, test } from 'vitest';
import { traceFlow } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';

const hooksOf = (settings: Record<string, string>) => {
  const t = traceFlow(loadBuiltin('kans-lab', settings), { from: 'netpod', to: 'webpod1', proto: 'tcp' });
  return t;
};

describe('attach modes', () => {
  test('the lab (enable-tcx: true) names tcx hooks on the lxc and the netdev', () => {
    const hooks = new Set(hooksOf({}).events.map((e) => `${e.iface} ${e.hook}`));
    expect(hooks).toContain('lxce880e1eecb7a tcx/ingress');
    expect(hooks).toContain('ens5 tcx/egress');
    expect([...hooks].some((h) => h.includes('tc-'))).toBe(false);
  });

  test('enable-tcx=false falls back to legacy tc hooks', () => {
    const hooks = new Set(hooksOf({ 'enable-tcx': 'false' }).events.map((e) => e.hook));
    expect(hooks).toContain('tc-ingress');
    expect(hooks).toContain('tc-egress');
    expect([...hooks].some((h) => h.startsWith('tcx/'))).toBe(false);
  });

  test('netkit: the pod sends without ARP or MACs, cil_from_container runs at netkit/peer', () => {
    const veth = hooksOf({});
    const nk = hooksOf({ 'datapath-mode': 'netkit' });
    expect(veth.events.some((e) => e.kind === 'arp-proxy')).toBe(true);
    expect(nk.events.some((e) => e.kind === 'arp-proxy' || e.packet?.proto === 'ARP')).toBe(false);
    const lxc = nk.events.find((e) => e.kind === 'lxc-ingress');
    expect(lxc?.hook).toBe('netkit/peer');
    expect(lxc?.packet).toBeDefined();
    expect(lxc?.packet?.srcMac).toBeUndefined();
    expect(nk.events.filter((e) => e.kind === 'deliver').every((e) => e.program === 'bpf_redirect_peer')).toBe(true);
    // Host devices stay on tcx.
    expect(nk.events.find((e) => e.kind === 'netdev-egress')?.hook).toBe('tcx/egress');
    expect(nk.outcome.status).toBe('completed');
  });
});
