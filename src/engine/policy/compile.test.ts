/** The agent's policy computation: enforcement and map entries per endpoint, from the policy objects. */
import { describe, expect, it } from 'vitest';
import type { Datapath } from '../derive/types.ts';
import { clusterWith, ep, idOf } from './cluster.test-helper.ts';
import { endpointPolicy } from './compile.ts';
import { portProtoString } from './format.ts';
import { sortedEntries } from './index.ts';

/** `Allow Ingress 258 8080/TCP` per entry, in `cilium bpf policy get` order. */
function rows(dp: Datapath, key: string): string[] {
  return sortedEntries(endpointPolicy(dp, ep(dp, key)).entries).map(
    (e) => `${e.deny ? 'Deny' : 'Allow'} ${e.direction === 'ingress' ? 'Ingress' : 'Egress'} ${e.identity} ${portProtoString(e)}`,
  );
}

const NP = (name: string, spec: string, ns = 'default') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: ${ns} }\nspec:\n${spec}`;
const CNP = (name: string, spec: string, ns = 'default') =>
  `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: { name: ${name}, namespace: ${ns} }\nspec:\n${spec}`;

describe('no policy', () => {
  it('allows all both ways, plus the localhost entry, and enforces nothing', () => {
    const dp = clusterWith('');
    expect(rows(dp, 'default/server')).toEqual(['Allow Ingress 0 ANY', 'Allow Ingress 1 ANY', 'Allow Egress 0 ANY']);
    expect(endpointPolicy(dp, ep(dp, 'default/server'))).toMatchObject({ ingress: { enforced: false }, egress: { enforced: false }, policies: [] });
  });
});

describe('NetworkPolicy', () => {
  it('with no ingress rules turns on default deny for the pods it selects, in its namespace only', () => {
    const dp = clusterWith(NP('deny-all', '  podSelector: {}\n  policyTypes: [Ingress]'));
    expect(rows(dp, 'default/server')).toEqual(['Allow Ingress 1 ANY', 'Allow Egress 0 ANY']);
    expect(endpointPolicy(dp, ep(dp, 'default/server'))).toMatchObject({ ingress: { enforced: true, defaultDeny: true }, egress: { enforced: false }, policies: ['default/deny-all'] });
    expect(rows(dp, 'team/client')).toEqual(['Allow Ingress 0 ANY', 'Allow Ingress 1 ANY', 'Allow Egress 0 ANY']);
  });

  it('a podSelector peer is the policy namespace; a namespaceSelector {} is every namespace', () => {
    const spec = (peer: string) => `  podSelector: { matchLabels: { app: server } }\n  ingress:\n  - from:\n    - ${peer}`;
    const dp = clusterWith(NP('from-clients', spec('podSelector: { matchLabels: { app: client } }')));
    expect(rows(dp, 'default/server')).toEqual(['Allow Ingress 1 ANY', `Allow Ingress ${idOf(dp, 'default/client')} ANY`, 'Allow Egress 0 ANY']);
    const all = clusterWith(NP('from-clients', spec('{ podSelector: { matchLabels: { app: client } }, namespaceSelector: {} }')));
    const ids = [idOf(all, 'default/client'), idOf(all, 'team/client')].sort((a, b) => a - b);
    expect(rows(all, 'default/server')).toEqual(['Allow Ingress 1 ANY', ...ids.map((i) => `Allow Ingress ${i} ANY`), 'Allow Egress 0 ANY']);
    const team = clusterWith(NP('from-team', spec('namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: team } }')));
    expect(rows(team, 'default/server')).toEqual(['Allow Ingress 1 ANY', `Allow Ingress ${idOf(team, 'team/client')} ANY`, 'Allow Egress 0 ANY']);
  });

  it('an entry without `from` allows every source on its ports; a named port is the pod\'s own number; endPort is a masked range', () => {
    const dp = clusterWith(NP('ports', `  podSelector: { matchLabels: { app: server } }
  ingress:
  - ports: [{ port: http }, { protocol: UDP, port: 5000, endPort: 5007 }]`));
    expect(rows(dp, 'default/server')).toEqual(['Allow Ingress 0 8080/TCP', 'Allow Ingress 0 5000-5007/UDP', 'Allow Ingress 1 ANY', 'Allow Egress 0 ANY']);
  });

  it('egress to an ipBlock with except selects CIDR identities, not pods', () => {
    const dp = clusterWith(NP('out', `  podSelector: { matchLabels: { app: client } }
  policyTypes: [Egress]
  egress:
  - to: [{ ipBlock: { cidr: 8.8.0.0/16, except: [8.8.4.0/24] } }]`));
    const egress = rows(dp, 'default/client').filter((r) => r.includes('Egress'));
    // 8.8.0.0/16 minus 8.8.4.0/24: eight prefixes, each its own local identity from 16777217.
    expect(egress).toHaveLength(8);
    expect(egress[0]).toBe('Allow Egress 16777217 ANY');
    expect(rows(dp, 'default/client')).toContain('Allow Ingress 0 ANY');
  });
});

describe('CiliumNetworkPolicy', () => {
  it('limits fromEndpoints to its namespace unless the selector names one', () => {
    const spec = (labels: string) => `  endpointSelector: { matchLabels: { app: server } }\n  ingress:\n  - fromEndpoints: [{ matchLabels: { ${labels} } }]`;
    const same = clusterWith(CNP('c', spec('app: client')));
    expect(rows(same, 'default/server')).toContain(`Allow Ingress ${idOf(same, 'default/client')} ANY`);
    expect(rows(same, 'default/server')).not.toContain(`Allow Ingress ${idOf(same, 'team/client')} ANY`);
    const team = clusterWith(CNP('c', spec('app: client, k8s:io.kubernetes.pod.namespace: team')));
    expect(rows(team, 'default/server').filter((r) => r.startsWith('Allow Ingress') && !r.includes(' 1 '))).toEqual([`Allow Ingress ${idOf(team, 'team/client')} ANY`]);
  });

  it('entities: world, cluster (reserved ones and every pod), remote-node (6 and 7), all (identity 0)', () => {
    const spec = (e: string) => `  endpointSelector: { matchLabels: { app: server } }\n  egress:\n  - toEntities: [${e}]`;
    const egressIds = (dp: Datapath) => rows(dp, 'default/server').filter((r) => r.includes('Egress')).map((r) => Number(r.split(' ')[2]));
    expect(egressIds(clusterWith(CNP('w', spec('world'))))).toEqual([2]);
    expect(egressIds(clusterWith(CNP('r', spec('remote-node'))))).toEqual([6, 7]);
    expect(egressIds(clusterWith(CNP('a', spec('all'))))).toEqual([0]);
    const dp = clusterWith(CNP('c', spec('cluster')));
    const pods = ['default/client', 'default/server', 'team/client', 'kube-system/dns'].map((k) => idOf(dp, k));
    expect(egressIds(dp)).toEqual([...new Set([1, 3, 4, 5, 6, 7, 8, ...pods])].sort((a, b) => a - b));
  });

  it('ANY ports are TCP, UDP and SCTP; ICMP types are ports of ICMP', () => {
    const dp = clusterWith(CNP('p', `  endpointSelector: { matchLabels: { app: server } }
  ingress:
  - toPorts: [{ ports: [{ port: "443" }] }]
    icmps: [{ fields: [{ type: EchoRequest }] }]`));
    expect(rows(dp, 'default/server').filter((r) => r.includes(' 0 '))).toEqual([
      'Allow Ingress 0 8/ICMP', 'Allow Ingress 0 443/TCP', 'Allow Ingress 0 443/UDP', 'Allow Ingress 0 443/SCTP', 'Allow Egress 0 ANY',
    ]);
  });

  it('a deny-only policy also turns on default deny; enableDefaultDeny false adds the allow-all instead', () => {
    const deny = `  endpointSelector: { matchLabels: { app: server } }\n  ingressDeny:\n  - fromEntities: [world]`;
    const strict = clusterWith(CNP('d', deny));
    expect(rows(strict, 'default/server')).toEqual(['Deny Ingress 2 ANY', 'Allow Ingress 1 ANY', 'Allow Egress 0 ANY']);
    const open = clusterWith(CNP('d', `${deny}\n  enableDefaultDeny: { ingress: false }`));
    expect(rows(open, 'default/server')).toEqual(['Deny Ingress 2 ANY', 'Allow Ingress 0 ANY', 'Allow Ingress 1 ANY', 'Allow Egress 0 ANY']);
    expect(endpointPolicy(open, ep(open, 'default/server')).ingress).toEqual({ enforced: true, defaultDeny: false });
    expect(endpointPolicy(open, ep(open, 'default/server')).entries.find((e) => e.identity === 0 && e.direction === 'ingress')?.origin.kind).toBe('default-allow');
  });

  it('a deny of the host removes the localhost entry; allows carry their policy and rule', () => {
    const dp = clusterWith(CNP('h', `  endpointSelector: { matchLabels: { app: server } }
  ingress:
  - fromEndpoints: [{ matchLabels: { app: client } }]
    toPorts: [{ ports: [{ port: "8080", protocol: TCP }] }]
  ingressDeny:
  - fromEntities: [host]`));
    const entries = endpointPolicy(dp, ep(dp, 'default/server')).entries;
    expect(entries.filter((e) => e.identity === 1).map((e) => e.deny)).toEqual([true]);
    const allow = entries.find((e) => e.identity === idOf(dp, 'default/client'));
    expect(allow?.origin).toMatchObject({ kind: 'rule', policy: 'default/h' });
    expect(allow?.origin.text).toMatch(/^CiliumNetworkPolicy default\/h: spec\.ingress\[0\] \(line \d+\): from endpoints app=client on 8080\/TCP$/);
  });
});

describe('enable-policy', () => {
  it('always: default deny without any policy; never: policies are not enforced', () => {
    const always = clusterWith('', { 'enable-policy': 'always' });
    expect(rows(always, 'default/server')).toEqual(['Allow Ingress 1 ANY']);
    const never = clusterWith(NP('deny-all', '  podSelector: {}\n  policyTypes: [Ingress, Egress]'), { 'enable-policy': 'never' });
    expect(rows(never, 'default/server')).toEqual(['Allow Ingress 0 ANY', 'Allow Ingress 1 ANY', 'Allow Egress 0 ANY']);
  });
});
