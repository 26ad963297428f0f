/**
 * kans-lab-policy: the lab with a NetworkPolicy on the webpods, a CNP egress
 * deny to world for netpod2 and a namespace-selector rule for kube-dns. The
 * verdicts, drop codes and map rows each flow meets, and the CLI's view.
 */
import { describe, expect, it } from 'vitest';
import { traceFlow, type HopEvent, type Trace } from '../../src/engine/index.ts';
import { runCiliumCommand } from '../../src/engine/formats/cilium/dispatch.ts';
import { endpointPolicy } from '../../src/engine/policy/index.ts';
import { decide } from '../../src/engine/programs/policy.ts';
import { loadBuiltin } from './builtin.ts';

const dp = loadBuiltin('kans-lab-policy');
const ep = (key: string) => dp.endpointByKey.get(key)!;
const policyHops = (t: Trace) => t.events.filter((e) => e.kind === 'policy');
const lookups = (e: HopEvent) => e.maps.filter((m) => m.map === 'cilium_policy');

describe('kans-lab-policy flows', () => {
  it('netpod → webpod1 TCP 80 is allowed by the L3-L4 entry on webpod1\'s ingress, and completes', () => {
    const t = traceFlow(dp, { from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80 });
    expect(t.outcome.status).toBe('completed');
    const ingress = policyHops(t).find((e) => e.node === 'k8s-w1' && e.ctState === 'new')!;
    expect(ingress).toMatchObject({ verdict: 'FORWARDED', program: 'handle_policy' });
    const webpod1 = ep('default/webpod1');
    const netpod = ep('default/netpod');
    expect(lookups(ingress)).toEqual([expect.objectContaining({
      key: `cilium_policy_${String(webpod1.id).padStart(5, '0')} Ingress identity=${netpod.identity} 80/TCP`,
      hit: true,
      value: expect.stringContaining('NetworkPolicy default/webpod-from-netpod'),
    })]);
    // The verdict notification this hop stands for: enforced ingress, an L3-L4 match.
    const d = decide(dp, 'k8s-w1', webpod1, 'ingress', netpod.identity, ingress.packet!);
    expect(d).toMatchObject({ allowed: true, enforced: true, match: 'L3-L4', policy: 'default/webpod-from-netpod' });
    // netpod's own egress is not enforced: allowed by the agent's allow-all, no verdict.
    expect(decide(dp, 'k8s-s', netpod, 'egress', webpod1.identity, ingress.packet!)).toMatchObject({ allowed: true, enforced: false, match: 'all' });
  });

  it('netpod2 → webpod1 TCP 80 leaves netpod2 and meets default deny at webpod1: drop 133', () => {
    const t = traceFlow(dp, { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 });
    expect(t.outcome.status).toBe('dropped');
    const [egress, ingress] = policyHops(t);
    expect(egress).toMatchObject({ node: 'k8s-s', verdict: 'FORWARDED' });
    expect(ingress).toMatchObject({ node: 'k8s-w1', verdict: 'DROPPED', drop: { code: 133, reason: 'Policy denied' } });
    expect(lookups(ingress!).map((m) => m.hit)).toEqual([false, false]);
    // No conntrack entry for a denied packet, and nothing after the drop.
    expect(ingress!.maps.some((m) => m.map === 'cilium_ct4_global')).toBe(false);
    expect(t.events.at(-1)).toBe(ingress);
    const d = decide(dp, 'k8s-w1', ep('default/webpod1'), 'ingress', ep('default/netpod2').identity, ingress!.packet!);
    expect(d).toMatchObject({ allowed: false, enforced: true, match: 'none', drop: { code: 133 } });
    expect(d.deny).toBeUndefined();
  });

  it('netpod2 → 8.8.8.8 is dropped at netpod2\'s egress by the deny entry for world: drop 181', () => {
    const t = traceFlow(dp, { from: 'netpod2', to: '8.8.8.8', proto: 'tcp', port: 443 });
    const egress = policyHops(t)[0]!;
    expect(egress).toMatchObject({ node: 'k8s-s', verdict: 'DROPPED', drop: { code: 181, reason: 'Policy denied by denylist' } });
    expect(t.outcome.message).toEqual({ id: 'outcome.dropped', params: { packet: 1, reason: { id: 'drop.reason.181', params: {} } } });
    expect(lookups(egress)[0]).toMatchObject({ key: expect.stringMatching(/ Egress identity=2 ANY$/), hit: true, value: expect.stringMatching(/^Deny .*CiliumNetworkPolicy default\/netpod2-no-world/) });
    const d = decide(dp, 'k8s-s', ep('default/netpod2'), 'egress', 2, egress.packet!);
    expect(d).toMatchObject({ allowed: false, deny: true, enforced: true, match: 'L3-Only', policy: 'default/netpod2-no-world' });
  });

  it('netpod2 still reaches in-cluster destinations (enableDefaultDeny egress false), netpod may reach the world', () => {
    expect(traceFlow(dp, { from: 'netpod2', to: 'netpod', proto: 'icmp' }).outcome.status).toBe('completed');
    expect(traceFlow(dp, { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443 }).outcome.status).not.toBe('dropped');
  });

  it('netpod → webpod1 ICMP is denied: the policy allows TCP 80 only (the ICMP type is the lookup port)', () => {
    const t = traceFlow(dp, { from: 'netpod', to: 'webpod1', proto: 'icmp' });
    const ingress = policyHops(t).find((e) => e.node === 'k8s-w1')!;
    expect(ingress.drop?.code).toBe(133);
    expect(lookups(ingress)[0]!.key).toMatch(/ Ingress identity=\d+ 8\/ICMP$/);
  });

  it('kube-dns answers netpod through the namespace selector on its named port dns (UDP 53)', () => {
    const t = traceFlow(dp, { from: 'netpod', to: 'kube-system/kube-dns', proto: 'udp', port: 53 });
    expect(t.outcome.status).toBe('completed');
    const ingress = policyHops(t).find((e) => e.program === 'handle_policy')!;
    expect(lookups(ingress)[0]).toMatchObject({ hit: true, key: expect.stringMatching(/ Ingress identity=26332 53\/UDP$/), value: expect.stringContaining('kube-system/dns-from-default') });
  });

  it('the node itself still reaches a default-deny pod (allow-localhost)', () => {
    expect(traceFlow(dp, { from: 'k8s-w1', to: 'webpod1', proto: 'icmp' }).outcome.status).toBe('completed');
  });

  it('enforces webpods on ingress only, and netpod2 on egress only', () => {
    expect(endpointPolicy(dp, ep('default/webpod2'))).toMatchObject({ ingress: { enforced: true }, egress: { enforced: false } });
    expect(endpointPolicy(dp, ep('default/netpod2'))).toMatchObject({ ingress: { enforced: false }, egress: { enforced: true, defaultDeny: false } });
  });
});

describe('cilium bpf policy get', () => {
  const run = (node: string, args: string) => runCiliumCommand(dp, {}, node, args.split(' '));

  it('prints webpod1\'s map: localhost, netpod on 80/TCP with its labels, egress allow-all', () => {
    const r = run('k8s-w1', 'bpf policy get webpod1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = r.text.split('\n').map((l) => l.trimEnd());
    expect(lines[0]).toMatch(/^POLICY {3}DIRECTION {3}LABELS \(source:key\[=value\]\) +PORT\/PROTO {3}PROXY PORT {3}AUTH TYPE {3}BYTES {3}PACKETS {3}PREFIX$/);
    expect(lines.slice(1).map((l) => l.split(/\s{3,}/))).toEqual([
      ['Allow', 'Ingress', 'reserved:host', 'ANY', 'NONE', 'disabled', '0', '0', '0'],
      ['Allow', 'Ingress', 'k8s:app=netpod', '80/TCP', 'NONE', 'disabled', '0', '0', '24'],
      ['', 'k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name=default'],
      ['', 'k8s:io.cilium.k8s.policy.cluster=default'],
      ['', 'k8s:io.cilium.k8s.policy.serviceaccount=default'],
      ['', 'k8s:io.kubernetes.pod.namespace=default'],
      ['Allow', 'Egress', 'reserved:unknown', 'ANY', 'NONE', 'disabled', '0', '0', '0'],
      [''],
    ]);
    // Every line carries the tabwriter's trailing padding, as the real command prints.
    expect(r.text.split('\n')[1]!.endsWith(' ')).toBe(true);
  });

  it('puts deny rows first; -n prints identities; the endpoint ID works as well as the pod name', () => {
    const id = ep('default/netpod2').id;
    const r = run('k8s-s', `bpf policy get -n ${id}`);
    expect(r.ok && r.text.split('\n').slice(1, 5).map((l) => l.split(/\s+/).slice(0, 4).join(' '))).toEqual([
      'Deny Egress 2 ANY', 'Allow Ingress 0 ANY', 'Allow Ingress 1 ANY', 'Allow Egress 0 ANY',
    ]);
    expect(run('k8s-s', 'bpf policy get netpod2')).toEqual(run('k8s-s', `bpf policy get default/netpod2`));
  });

  it('names the node\'s endpoints for an unknown one, and lists every map with --all', () => {
    const bad = run('k8s-s', 'bpf policy get webpod1');
    expect(bad.ok === false && bad.error).toMatch(/^Failed to parse endpointID "webpod1"; endpoints on k8s-s: .*\(default\/netpod\)/);
    const all = run('k8s-w1', 'bpf policy get --all');
    expect(all.ok && all.text.match(/^Endpoint ID: \d+$/gm)?.length).toBe(dp.node('k8s-w1')!.endpoints.length);
    expect(all.ok && all.text).toContain(`Path: /sys/fs/bpf/tc/globals/cilium_policy_${String(ep('default/webpod1').id).padStart(5, '0')}`);
  });

  it('endpoint list shows ingress enforcement Enabled for webpod1', () => {
    const r = run('k8s-w1', 'endpoint list');
    const line = r.ok ? r.text.split('\n').find((l) => l.startsWith(String(ep('default/webpod1').id))) : '';
    expect(line?.split(/\s{2,}/).slice(1, 3)).toEqual(['Enabled', 'Disabled']);
  });
});
