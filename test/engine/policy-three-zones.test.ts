/**
 * Policy on a second cluster (three-zones: 10.0.0.0/24 nodes, 10.244/16 pods,
 * namespace shop): a NetworkPolicy with a named port, a CNP with a CIDR set
 * minus an exception and namespace-qualified endpoint selectors.
 */
import { describe, expect, it } from 'vitest';
import { traceFlow, type Trace } from '../../src/engine/index.ts';
import { endpointPolicy, policyCidrIdentities } from '../../src/engine/policy/index.ts';
import { decide } from '../../src/engine/programs/policy.ts';
import { threeZonesWithPolicies } from './policy-three-zones.ts';

const dp = threeZonesWithPolicies();
const policyHops = (t: Trace) => t.events.filter((e) => e.kind === 'policy');
const toolbox = dp.endpointByKey.get('default/toolbox')!;

describe('three-zones with policies', () => {
  it('allocates CIDR identities for 1.0.0.0/8 minus 1.0.0.0/24, and lets toolbox reach 1.1.1.1 through one', () => {
    const ids = policyCidrIdentities(dp);
    expect(ids).toHaveLength(16);
    expect(ids.every((c) => c.id >= 16777217 && c.labels.includes('reserved:world'))).toBe(true);
    const t = traceFlow(dp, { from: 'toolbox', to: '1.1.1.1', proto: 'icmp' });
    expect(t.outcome.status).toBe('completed');
    const egress = policyHops(t)[0]!;
    const d = decide(dp, egress.node, toolbox, 'egress', 2, egress.packet!);
    expect(d).toMatchObject({ allowed: true, match: 'L3-Only', policy: 'default/toolbox-egress' });
    expect(d.remoteIdentity).toBe(ids.find((c) => c.labels[0] === 'cidr:1.1.0.0/16')!.id);
  });

  it('drops toolbox → 1.0.0.1 (the exception) and → 8.8.8.8 at toolbox\'s egress with 133', () => {
    for (const to of ['1.0.0.1', '8.8.8.8']) {
      const t = traceFlow(dp, { from: 'toolbox', to, proto: 'icmp' });
      expect(policyHops(t)[0], to).toMatchObject({ node: 'node-a', verdict: 'DROPPED', drop: { code: 133 } });
    }
  });

  it('lets toolbox out to shop on TCP 80, where web\'s ingress denies it; frontends pass on the named port', () => {
    const denied = traceFlow(dp, { from: 'toolbox', to: 'shop/web', proto: 'tcp', port: 8080 });
    const [egress, ingress] = policyHops(denied);
    expect(egress?.verdict).toBe('FORWARDED');
    expect(ingress).toMatchObject({ program: 'handle_policy', drop: { code: 133 } });
    expect(dp.endpointByIp.get(ingress!.packet!.dst)?.namespace).toBe('shop');
    const allowed = traceFlow(dp, { from: 'frontend-6f7c9d8b4-2xk9p', to: 'shop/web', proto: 'tcp', port: 8080 });
    expect(allowed.outcome.status).toBe('completed');
    const web = policyHops(allowed).find((e) => e.program === 'handle_policy')!;
    expect(web.maps[0]).toMatchObject({ hit: true, key: expect.stringMatching(/ Ingress identity=\d+ 80\/TCP$/) });
  });

  it('resolves the named port per web pod (http = 80) and selects only the frontends\' identity', () => {
    const webs = [...dp.endpointByKey.values()].filter((e) => e.labels['app'] === 'web');
    const frontend = dp.endpointByKey.get('shop/frontend-6f7c9d8b4-2xk9p')!.identity;
    for (const w of webs) {
      const rules = endpointPolicy(dp, w).entries.filter((e) => e.origin.kind === 'rule');
      expect(rules.map((e) => [e.identity, e.proto, e.port])).toEqual([[frontend, 6, 80]]);
    }
  });

  it('lets toolbox query kube-dns on UDP 53 only', () => {
    expect(traceFlow(dp, { from: 'toolbox', to: 'kube-system/kube-dns', proto: 'udp', port: 53 }).outcome.status).toBe('completed');
    const tcp = traceFlow(dp, { from: 'toolbox', to: 'kube-system/kube-dns', proto: 'tcp', port: 53 });
    expect(policyHops(tcp)[0]?.drop?.code).toBe(133);
  });
});
