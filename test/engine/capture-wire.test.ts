/**
 * tcpdump on a node's device sees what the wire carries: a packet leaving
 * after every tc-egress hop (BPF masquerade included), one arriving before
 * tc-ingress. The CLI (`--format tcpdump`) and the page use this one capture.
 */
import { describe, expect, it } from 'vitest';
import { capture, tcpdumpLine, traceFlow } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';

const onEns5 = (node: string) => ({ kind: 'device', node, iface: 'ens5' }) as const;

describe('capture on the node device (kans-lab)', () => {
  it('shows netpod → 8.8.8.8:443 leaving k8s-s ens5 from 192.168.10.10, after BPF masquerade', () => {
    const dp = loadBuiltin('kans-lab');
    const trace = traceFlow(dp, { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443, seed: 1 });
    const lines = capture(trace.events, onEns5('k8s-s')).map((c) => tcpdumpLine(c.packet));
    const out = lines.filter((l) => l.includes('> 8.8.8.8.443'));
    expect(out.length).toBeGreaterThan(0);
    for (const l of out) expect(l).toMatch(/^IP 192\.168\.10\.10\.\d+ > 8\.8\.8\.8\.443:/);
    expect(lines.join('\n')).not.toContain('172.16.0.79');
    // The reply is captured as it arrives, before rev-SNAT restores the pod address.
    expect(lines.filter((l) => l.startsWith('IP 8.8.8.8.443 > 192.168.10.10.')).length).toBeGreaterThan(0);
  });

  it('does not show a packet that is still inside tc egress at the step (SNAT still to come)', () => {
    const dp = loadBuiltin('kans-lab');
    const trace = traceFlow(dp, { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443, seed: 1 });
    const egress = trace.events.findIndex((e) => e.kind === 'netdev-egress');
    expect(trace.events[egress + 1]?.kind).toBe('snat');
    expect(capture(trace.events, onEns5('k8s-s'), egress)).toEqual([]);
    expect(capture(trace.events, onEns5('k8s-s'), egress + 1).map((c) => c.packet.src)).toEqual(['192.168.10.10']);
  });

  it('with enable-ip-masq-agent=false the cross-node ping leaves k8s-s and reaches k8s-w1 from the node IP', () => {
    const dp = loadBuiltin('kans-lab', { 'enable-ip-masq-agent': 'false' });
    const trace = traceFlow(dp, { from: 'netpod', to: 'webpod1', proto: 'icmp', seed: 1 });
    const sent = capture(trace.events, onEns5('k8s-s')).map((c) => tcpdumpLine(c.packet));
    expect(sent[0]).toMatch(/^IP 192\.168\.10\.10 > 172\.16\.1\.235: ICMP echo request/);
    const arrived = capture(trace.events, onEns5('k8s-w1')).map((c) => tcpdumpLine(c.packet));
    expect(arrived[0]).toMatch(/^IP 192\.168\.10\.10 > 172\.16\.1\.235: ICMP echo request/);
  });
});
