import { describe, expect, it } from 'vitest';
import { flowlab, lines, seedLines } from './flowlab.ts';

const T = 120_000;

describe('flowlab trace', () => {
  it("--format hubble gives the seed's four lines for netpod → webpod1 ICMP, with the lab's identities", async () => {
    const r = await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--proto', 'icmp', '--format', 'hubble');
    expect(r.code).toBe(0);
    // The seed's ping predates its service section: 504 is netpod's identity there, 3470 the webpods'.
    const expected = seedLines('hubble-observe-netpod-webpod1-icmp').map((l) => l.replace('(ID:504)', '(ID:26332)').replace('(ID:3470)', '(ID:10037)'));
    expect(lines(r.stdout).filter(Boolean)).toEqual(expected);
  }, T);

  it('--format text numbers the hops one per line and ends with the outcome', async () => {
    const r = await flowlab('trace', '--from', 'netpod', '--to', 'svc', '--proto', 'tcp');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).filter(Boolean);
    expect(out[1]).toMatch(/^# +NODE +WHERE +PROGRAM +KIND +PACKET +RESULT +MAPS$/);
    expect(out.some((l) => /^\d+ +k8s-s +socket cgroup\/connect4 +cil_sock4_connect +socket-lb-rewrite /.test(l))).toBe(true);
    expect(out.at(-1)).toMatch(/^outcome: completed: /);
    // Under socket LB no packet carries the ClusterIP.
    expect(out.filter((l) => /^\d/.test(l) && / 10\.10\.252\.131:80 TCP/.test(l))).toEqual([]);
  }, T);

  it('--format json is one document: the flow and exactly the trace events', async () => {
    const r = await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--proto', 'icmp', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.flow).toMatchObject({ from: 'netpod', to: 'webpod1', proto: 'icmp', outcome: { status: 'completed' } });
    expect(doc.events.length).toBeGreaterThan(4);
    doc.events.forEach((e: { seq: number; kind: string }, i: number) => expect(e.seq).toBe(i));
    expect(doc.events.map((e: { kind: string }) => e.kind)).toContain('deliver');
  }, T);

  it('--lang ko prints the hop sentences, the outcome and JSON text in Korean; the table and ids stay', async () => {
    const args = ['trace', '--from', 'netpod', '--to', 'webpod1', '--proto', 'icmp'];
    const [en, ko] = await Promise.all([flowlab(...args, '--explain'), flowlab(...args, '--explain', '--lang', 'ko')]);
    expect(ko.code).toBe(0);
    const enLines = lines(en.stdout).filter(Boolean);
    const koLines = lines(ko.stdout).filter(Boolean);
    // The numbered table is the same in both languages; only the sentences and the outcome change.
    expect(koLines.filter((l) => /^\d/.test(l))).toEqual(enLines.filter((l) => /^\d/.test(l)));
    expect(enLines[3]).toBe('    default/netpod does not know its gateway 172.16.0.189 yet, so it broadcasts an ARP request "who has 172.16.0.189?" out of eth0.');
    expect(koLines[3]).toBe('    default/netpod는 아직 게이트웨이 172.16.0.189의 MAC을 모르므로 eth0으로 "172.16.0.189는 누구인가?" ARP 요청을 브로드캐스트합니다.');
    expect(enLines.at(-1)).toBe('outcome: completed: the ICMP exchange completed: 2 packets, 28 hops');
    expect(koLines.at(-1)).toBe('outcome: completed: ICMP 교환이 완료되었습니다: 패킷 2개, 홉 28개');

    const doc = JSON.parse((await flowlab(...args, '--format', 'json', '--lang', 'ko')).stdout);
    expect(doc.flow.outcome).toMatchObject({ status: 'completed', summary: 'ICMP 교환이 완료되었습니다: 패킷 2개, 홉 28개', message: { id: 'outcome.completed' } });
    expect(doc.events[0]).toMatchObject({ text: koLines[3]!.trim(), explain: { id: 'send.arp', params: { pod: 'default/netpod', gw: '172.16.0.189' } } });
  }, T);

  it('the same seed gives the same output', async () => {
    const a = await flowlab('trace', '--from', 'netpod', '--to', 'svc', '--seed', '7', '--format', 'json');
    const b = await flowlab('trace', '--from', 'netpod', '--to', 'svc', '--seed', '7', '--format', 'json');
    expect(a.stdout).toBe(b.stdout);
  }, T);

  it('--format tcpdump prints the capture on --iface: the client eth0 never sees the ClusterIP', async () => {
    const r = await flowlab('trace', '--from', 'netpod', '--to', 'svc', '--format', 'tcpdump', '--iface', 'netpod');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).filter(Boolean);
    expect(out[0]).toBe('default/netpod $ tcpdump -n -i eth0');
    expect(out.filter((l) => l.startsWith('IP 172.16.0.79.'))).toHaveLength(3);
    expect(r.stdout).not.toContain('10.10.252.131');
    const bad = await flowlab('trace', '--from', 'netpod', '--to', 'svc', '--format', 'tcpdump', '--iface', 'k8s-s:nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('k8s-s:ens5');
  }, T);

  it('--format tcpdump on k8s-s:ens5 shows the masqueraded source the wire carries', async () => {
    const r = await flowlab('trace', '--from', 'netpod', '--to', '8.8.8.8', '--proto', 'tcp', '--port', '443', '--format', 'tcpdump', '--iface', 'k8s-s:ens5');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).filter(Boolean);
    expect(out[0]).toBe('k8s-s $ tcpdump -n -i ens5');
    expect(out[1]).toMatch(/^IP 192\.168\.10\.10\.\d+ > 8\.8\.8\.8\.443: Flags \[S\], length 0$/);
    expect(r.stdout).not.toContain('172.16.0.79');
  }, T);
});
