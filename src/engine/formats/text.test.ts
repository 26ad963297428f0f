import { describe, expect, it } from 'vitest';
import type { Message } from '../messages.ts';
import { placeFields, tcAt } from '../place.ts';
import type { HopEvent, Packet, Trace } from '../trace.ts';
import { traceJson } from './json.ts';
import { mapOpsText, packetText, traceText } from './text.ts';

const ip = (s: string) => s as Packet['src'];

const syn: Packet = { id: 1, direction: 'request', src: ip('172.16.0.79'), dst: ip('172.16.1.235'), proto: 'TCP', sport: 43654, dport: 80, tcpFlags: { SYN: true } };

function hop(seq: number, over: Partial<HopEvent>): HopEvent {
  return {
    seq, packet: syn, kind: 'lxc-ingress', ...placeFields(tcAt('k8s-s', 'lxce880e1eecb7a', 'tc-ingress')), program: 'cil_from_container',
    source: 'bpf/bpf_lxc.c', maps: [], explain: { id: 'lxc.ingress', params: { seq } }, ...over,
  };
}

const trace: Trace = {
  flow: { from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80, seed: 3 },
  client: { kind: 'pod', namespace: 'default', name: 'netpod', node: 'k8s-s', ip: ip('172.16.0.79'), hostNetwork: false },
  server: { kind: 'pod', namespace: 'default', name: 'webpod1', node: 'k8s-w1', ip: ip('172.16.1.235'), hostNetwork: false },
  events: [
    hop(0, { kind: 'ipcache-lookup', maps: [{ node: 'k8s-s', map: 'cilium_ipcache', op: 'lookup', key: '172.16.1.235/32', value: 'identity=10037', hit: true }] }),
    hop(1, { kind: 'native-routing', observation: 'to-network', verdict: 'FORWARDED', ctState: 'new' }),
    hop(2, { kind: 'drop', node: 'k8s-w1', iface: 'ens5', verdict: 'DROPPED', drop: { code: 133, reason: 'Policy denied' }, maps: [{ node: 'k8s-w1', map: 'cilium_lxc', op: 'lookup', key: '172.16.1.235:0', hit: false }] }),
  ],
  outcome: { status: 'dropped', message: { id: 'outcome.dropped', params: { packet: 1, reason: { id: 'drop.reason.133', params: {} } } } },
};

/** A stand-in renderer: the engine's formats are handed one by the edge (src/i18n in the CLI). */
const say = (m: Message): string => (m.id === 'lxc.ingress' ? `sentence ${String(m.params.seq)}` : `<${m.id}>`);

describe('trace text', () => {
  it('prints the packet as the hop leaves it', () => {
    expect(packetText(syn)).toBe('172.16.0.79:43654 → 172.16.1.235:80 TCP SYN');
    expect(packetText({ ...syn, proto: 'ICMP', sport: undefined, dport: undefined, icmpType: 0 })).toBe('172.16.0.79 → 172.16.1.235 ICMP echo-reply');
    expect(packetText({ ...syn, proto: 'UDP', tcpFlags: undefined })).toBe('172.16.0.79:43654 → 172.16.1.235:80 UDP');
    const arp = { ...syn, proto: 'ARP' as const, arp: { op: 'request' as const, targetIp: ip('172.16.0.189'), senderIp: ip('172.16.0.79') } };
    expect(packetText(arp)).toBe('ARP who-has 172.16.0.189 tell 172.16.0.79');
    expect(packetText({ ...arp, srcMac: '3e:6a:d8:a6:93:05', arp: { op: 'reply', targetIp: ip('172.16.0.79'), senderIp: ip('172.16.0.189') } })).toBe('ARP 172.16.0.189 is-at 3e:6a:d8:a6:93:05');
  });

  it('summarises map operations, marking lookups that missed', () => {
    expect(mapOpsText(trace.events[2]!.maps)).toBe('cilium_lxc lookup 172.16.1.235:0 (miss)');
    expect(mapOpsText([{ node: 'n', map: 'cilium_ct4_global', op: 'update', key: 'TCP OUT a -> b', hit: false }])).toBe('cilium_ct4_global update TCP OUT a -> b');
  });

  it('numbers one aligned line per hop, then the outcome', () => {
    const out = traceText(trace, { say }).split('\n');
    expect(out[0]).toBe('TCP pod default/netpod (172.16.0.79 on k8s-s) → pod default/webpod1 (172.16.1.235 on k8s-w1) (seed 3)');
    expect(out[1]).toMatch(/^# +NODE +WHERE +PROGRAM +KIND +PACKET +RESULT +MAPS$/);
    expect(out[2]).toMatch(/^1 +k8s-s +lxce880e1eecb7a tc-ingress +cil_from_container +ipcache-lookup +172\.16\.0\.79:43654 → 172\.16\.1\.235:80 TCP SYN +- +cilium_ipcache lookup 172\.16\.1\.235\/32$/);
    expect(out[3]).toMatch(/ FORWARDED to-network ct new +-$/);
    expect(out[4]).toMatch(/^3 +k8s-w1 +ens5 tc-ingress .* DROPPED \(133 Policy denied\) +cilium_lxc lookup/);
    // Columns line up: every hop's KIND starts where the header's does.
    const kindAt = out[1]!.indexOf('KIND');
    expect([2, 3, 4].map((i) => out[i]!.slice(kindAt).split(' ')[0])).toEqual(['ipcache-lookup', 'native-routing', 'drop']);
    expect(out[5]).toBe('outcome: dropped: <outcome.dropped>');
  });

  it('adds each hop\'s sentence under it with --explain', () => {
    const out = traceText(trace, { explain: true, say }).split('\n');
    expect(out[3]).toBe('    sentence 0');
    expect(out[5]).toBe('    sentence 1');
  });
});

describe('trace json', () => {
  it('is one document with the flow, the outcome and exactly the events, each with its sentence', () => {
    const doc = JSON.parse(traceJson(trace, say));
    const outcome = { status: 'dropped', summary: '<outcome.dropped>', message: trace.outcome.message };
    expect(doc.flow).toMatchObject({ from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80, seed: 3, outcome, client: trace.client });
    expect(doc.events).toEqual(JSON.parse(JSON.stringify(trace.events.map((e) => ({ ...e, text: say(e.explain) })))));
    expect(doc.events[1].text).toBe('sentence 1');
    expect(Object.keys(doc)).toEqual(['flow', 'events']);
  });
});
