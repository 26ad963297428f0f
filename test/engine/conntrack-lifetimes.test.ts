/**
 * Conntrack entries as the agent leaves them after a flow (bpf/lib/conntrack.h
 * ct_create4 / ct_update_timeout): lifetimes from the bpf-ct-timeout-* keys
 * (Cilium 1.16 defaults: TCP established 8000 s, SYN 60 s, non-TCP 60 s), the
 * side each packet came from reporting its flags and time, and the related ICMP
 * entry for every flow, ICMP included.
 */
import { describe, expect, it } from 'vitest';
import { tablesAt, traceFlow, type Settings } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';

const BOOT = 16990;

function ctAfter(flow: { to: string; proto: 'tcp' | 'icmp'; port?: number }, settings?: Settings, node = 'k8s-s') {
  const dp = loadBuiltin('kans-lab', settings);
  const trace = traceFlow(dp, { from: 'netpod', seed: 1, ...flow });
  const t = tablesAt(dp, trace, trace.events.length - 1, node);
  return { tcp: [...(t.cilium_ct4_global ?? [])], any: [...(t.cilium_ct_any4_global ?? [])] };
}
const field = (v: string, name: string) => new RegExp(`${name}=(\\S+)`).exec(v)?.[1];

describe('conntrack lifetimes and reports (kans-lab)', () => {
  it('an established TCP entry lives 8000 s and both sides report at the clock', () => {
    const { tcp } = ctAfter({ to: 'webpod1', proto: 'tcp', port: 80 });
    const [key, value] = tcp.find(([k]) => k.startsWith('TCP OUT 172.16.0.79:')) ?? ['', ''];
    expect(key).toContain('-> 172.16.1.235:80');
    expect(field(value, 'expires')).toBe(String(BOOT + 8000));
    expect(field(value, 'LastTxReport')).toBe(String(BOOT));
    expect(field(value, 'LastRxReport')).toBe(String(BOOT));
    expect(field(value, 'RxFlagsSeen')).toBe('0x1a');
    expect(field(value, 'TxFlagsSeen')).toBe('0x1a');
  });

  it('accumulates only the monitor-aggregation-flags (CT_REPORT_FLAGS): the agent default syn,fin,rst keeps SYN alone', () => {
    const { tcp } = ctAfter({ to: 'webpod1', proto: 'tcp', port: 80 }, { 'monitor-aggregation-flags': 'syn,fin,rst' });
    const value = tcp.find(([k]) => k.startsWith('TCP OUT'))?.[1] ?? '';
    expect(field(value, 'TxFlagsSeen')).toBe('0x02');
    expect(field(value, 'RxFlagsSeen')).toBe('0x02');
    expect(field(value, 'expires')).toBe(String(BOOT + 8000));
  });

  it('reads bpf-ct-timeout-regular-tcp from cilium-config (a Go duration)', () => {
    const { tcp } = ctAfter({ to: 'webpod1', proto: 'tcp', port: 80 }, { 'bpf-ct-timeout-regular-tcp': '1h' });
    const value = tcp.find(([k]) => k.startsWith('TCP OUT'))?.[1] ?? '';
    expect(field(value, 'expires')).toBe(String(BOOT + 3600));
  });

  it('the receiver\'s IN entry reports the SYN on its rx side, its answers on tx', () => {
    const { tcp } = ctAfter({ to: 'webpod1', proto: 'tcp', port: 80 }, undefined, 'k8s-w1');
    const value = tcp.find(([k]) => k.startsWith('TCP IN'))?.[1] ?? '';
    expect(field(value, 'RxFlagsSeen')).toBe('0x1a');
    expect(field(value, 'TxFlagsSeen')).toBe('0x1a');
    expect(field(value, 'LastRxReport')).toBe(String(BOOT));
  });

  it('a ping leaves the echo entry (60 s, bpf-ct-timeout-regular-any) and its related ICMP entry', () => {
    const { any } = ctAfter({ to: 'webpod1', proto: 'icmp' }, { 'bpf-ct-timeout-regular-any': '2m' });
    const keys = any.map(([k]) => k);
    expect(keys).toContain('ICMP OUT 172.16.0.79:0 -> 172.16.1.235:0 related');
    for (const [, v] of any) expect(field(v, 'expires')).toBe(String(BOOT + 120));
  });
});
