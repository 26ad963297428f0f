/**
 * Reading NetworkPolicy and CiliumNetworkPolicy: what the agent would make of
 * them, and located errors (object, field, line) for what the API server
 * would refuse; what is not modelled is a warning, never silently widened.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import type { PolicyModel, ScenarioIssue } from '../../src/scenario/model.ts';

const NODE = `apiVersion: v1
kind: Node
metadata: { name: n1 }
spec: { podCIDRs: [10.1.0.0/24] }
status: { addresses: [{ type: InternalIP, address: 10.0.0.1 }] }
---
`;

function load(policy: string): { policies: PolicyModel[]; errors: ScenarioIssue[]; warnings: ScenarioIssue[]; ignored: string[] } {
  const r = loadScenario(NODE + policy, 't');
  if (!r.ok) return { policies: [], errors: r.errors, warnings: [], ignored: [] };
  return { policies: r.model.policies, errors: [], warnings: r.model.warnings.filter((w) => w.object?.includes('Policy')), ignored: r.model.ignored };
}

const np = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: web }
spec:
${spec}`;
const cnp = (spec: string) => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: { name: c, namespace: web }
${spec}`;

describe('NetworkPolicy', () => {
  it('becomes one rule: the subject in its namespace, one peer rule per `from` entry with the entry\'s ports', () => {
    const { policies, errors } = load(np(`  podSelector: { matchLabels: { app: api } }
  ingress:
  - from:
    - podSelector: { matchLabels: { app: ui } }
    - ipBlock: { cidr: 192.0.2.0/24, except: [192.0.2.128/25] }
    ports: [{ port: 443 }, { protocol: UDP, port: dns }]`));
    expect(errors).toEqual([]);
    const rule = policies[0]!.rules[0]!;
    expect(rule.endpointSelector.requirements).toEqual([
      { key: 'k8s:app', operator: 'In', values: ['api'] },
      { key: 'k8s:io.kubernetes.pod.namespace', operator: 'In', values: ['web'] },
    ]);
    expect(rule.ingress.map((r) => [r.field, r.text])).toEqual([
      ['spec.ingress[0].from[0]', 'from pods app=ui in web on 443/TCP, dns/UDP'],
      ['spec.ingress[0].from[1]', 'from ipBlock 192.0.2.0/24 except 192.0.2.128/25 on 443/TCP, dns/UDP'],
    ]);
    expect(rule.defaultDeny).toEqual({ ingress: true, egress: false });
    expect(rule.ingress[1]!.line).toBe(15);
  });

  it('reports what the API server refuses, each with object, field and line', () => {
    const { errors } = load(np(`  podSelector: {}
  policyTypes: [Ingress, Sideways]
  ingress:
  - from:
    - ipBlock: { cidr: 10.0.0.0/8, except: [11.0.0.0/8] }
      podSelector: {}
    - {}
    ports:
    - { protocol: ICMP, port: 1 }
    - { port: 9000, endPort: 8000 }
    - { port: web-, protocol: TCP }`));
    expect(errors.map((e) => [e.field, e.line])).toEqual([
      ['spec.policyTypes[1]', 12],
      ['spec.ingress[0].ports[0].protocol', 19],
      ['spec.ingress[0].ports[1].endPort', 20],
      ['spec.ingress[0].ports[2].port', 21],
      ['spec.ingress[0].from[0]', 15],
      ['spec.ingress[0].from[1]', 17],
    ]);
    expect(errors[0]!.message).toBe('NetworkPolicy web/p, spec.policyTypes[1] (document 2, line 12): "Sideways" is not Ingress or Egress');
    expect(errors.every((e) => e.object === 'NetworkPolicy web/p')).toBe(true);
  });

  it('needs a podSelector, and an except inside its CIDR', () => {
    expect(load(np('  policyTypes: [Ingress]')).errors.map((e) => e.field)).toEqual(['spec.podSelector']);
    const bad = load(np('  podSelector: {}\n  egress:\n  - to: [{ ipBlock: { cidr: 10.0.0.0/8, except: [11.0.0.0/8] } }]'));
    expect(bad.errors.map((e) => [e.field, e.message.split(': ').at(-1)])).toEqual([['spec.egress[0].to[0].ipBlock.except[0]', '11.0.0.0/8 is not inside 10.0.0.0/8']]);
  });

  it('warns that a namespaceSelector on labels other than kubernetes.io/metadata.name may match nothing', () => {
    const { warnings } = load(np('  podSelector: {}\n  ingress:\n  - from: [{ namespaceSelector: { matchLabels: { team: a } } }]'));
    expect(warnings.map((w) => w.field)).toEqual(['spec.ingress[0].from[0].namespaceSelector']);
  });

  it('is ignored, not refused, under an apiVersion that is not modelled', () => {
    const { errors, ignored, policies } = load(np('  podSelector: {}').replace('networking.k8s.io/v1', 'extensions/v1beta1'));
    expect([errors, policies]).toEqual([[], []]);
    expect(ignored).toEqual(['NetworkPolicy web/p (document 2, line 7): apiVersion extensions/v1beta1 is not modelled']);
  });
});

describe('CiliumNetworkPolicy', () => {
  it('reads spec and specs, keeps the written label source and defaults the rest to any', () => {
    const { policies, errors } = load(cnp(`spec:
  endpointSelector: { matchLabels: { k8s:app: api } }
  egressDeny: [{ toEntities: [world] }]
specs:
- endpointSelector: { matchExpressions: [{ key: tier, operator: NotIn, values: [db] }] }
  ingress:
  - fromEndpoints: [{ matchLabels: { app: ui } }, { matchLabels: { reserved:host: "" } }]
    fromCIDR: [203.0.113.7]
    toPorts: [{ ports: [{ port: "8080", endPort: 8081 }] }]`));
    expect(errors).toEqual([]);
    const [a, b] = policies[0]!.rules;
    expect(a!.field).toBe('spec');
    expect(a!.defaultDeny).toEqual({ ingress: false, egress: true });
    expect(a!.endpointSelector.requirements.map((r) => r.key)).toEqual(['k8s:app', 'k8s:io.kubernetes.pod.namespace']);
    expect(b!.field).toBe('specs[0]');
    expect(b!.endpointSelector.requirements[0]).toEqual({ key: 'any:tier', operator: 'NotIn', values: ['db'] });
    const peer = b!.ingress[0]!;
    // The namespace is added to a selector that names none, never to one with a reserved label.
    expect(peer.endpoints.map((s) => s.requirements.map((r) => r.key))).toEqual([['any:app', 'k8s:io.kubernetes.pod.namespace'], ['reserved:host']]);
    expect(peer.cidrs.map((c) => `${c.cidr.base}/${c.cidr.bits}`)).toEqual(['203.0.113.7/32']);
    expect(peer.ports).toEqual([{ port: 8080, endPort: 8081, protocol: 'ANY' }]);
  });

  it('refuses unknown entities, operators and protocols, and a rule without endpointSelector', () => {
    const { errors } = load(cnp(`spec:
  endpointSelector: { matchExpressions: [{ key: app, operator: Near, values: [x] }] }
  ingress:
  - fromEntities: [everyone]
    toPorts: [{ ports: [{ port: "53", protocol: DNS }] }]
specs:
- ingress: []`));
    expect(errors.map((e) => e.field)).toEqual([
      'spec.endpointSelector.matchExpressions[0].operator',
      'spec.ingress[0].fromEntities[0]',
      'spec.ingress[0].toPorts[0].ports[0].protocol',
      'specs[0].endpointSelector',
    ]);
    expect(load(cnp('metadata2: {}')).errors.map((e) => e.field)).toEqual(['spec']);
  });

  it('reports what is not modelled, and a rule left without a modelled peer selects nobody', () => {
    const { policies, warnings } = load(cnp(`spec:
  endpointSelector: {}
  egress:
  - toFQDNs: [{ matchName: example.com }]
    toPorts: [{ ports: [{ port: "443", protocol: TCP }], rules: { http: [{ method: GET }] } }]
specs:
- nodeSelector: {}
  ingress: [{ fromEntities: [all] }]`));
    expect(warnings.map((w) => w.field)).toEqual(['spec.egress[0].toFQDNs', 'spec.egress[0].toPorts[0].rules', 'specs[0].nodeSelector']);
    expect(policies[0]!.rules).toHaveLength(1);
    expect(policies[0]!.rules[0]!.egress[0]).toMatchObject({ entities: ['none'], text: 'to nobody (no modelled peer) on 443/TCP' });
  });

  it('warns when the subject names another namespace: a CNP applies in its own', () => {
    const { policies, warnings } = load(cnp('spec:\n  endpointSelector: { matchLabels: { k8s:io.kubernetes.pod.namespace: other } }\n  ingress: [{}]'));
    expect(warnings.map((w) => w.field)).toEqual(['spec.endpointSelector']);
    expect(policies[0]!.rules[0]!.endpointSelector.requirements).toEqual([{ key: 'k8s:io.kubernetes.pod.namespace', operator: 'In', values: ['web'] }]);
  });
});
