/**
 * Kubernetes NetworkPolicy (networking.k8s.io/v1), translated as the agent
 * does (pkg/k8s/network_policy.go ParseNetworkPolicy): one rule whose subject
 * is the podSelector in the policy's namespace; each `from`/`to` peer becomes
 * a peer rule with the entry's ports; an entry without peers allows every
 * source (the wildcard selector); a policy type without rules only turns on
 * default deny.
 */
import type { FieldPath } from '../documents.ts';
import type { Fields } from '../fields.ts';
import type { EndpointSelectorModel, L4Proto, PolicyModel, PolicyPeerRule, PolicyPort } from '../model.ts';
import { PROTOCOLS } from './pod.ts';
import { cidrPhrase, phrase, words, type Phrase } from './rule-words.ts';
import {
  inRequirement, NAMESPACE_KEY, NAMESPACE_LABELS, peerRule, readCidrRule, readPolicyPort,
  readSelector,
} from './policy-fields.ts';
import { say } from '../issue-text.ts';

type Direction = 'ingress' | 'egress';

/** The only namespace label the model knows (Namespace objects are not read; the API server sets this one). */
const KNOWN_NAMESPACE_LABEL = 'kubernetes.io/metadata.name';

export function readNetworkPolicy(f: Fields): PolicyModel {
  const namespace = f.obj.namespace ?? 'default';
  if (!f.has(['spec', 'podSelector'])) f.error(['spec', 'podSelector'], say('scenario.selector_required'));
  const subject = readSelector(f, ['spec', 'podSelector'], (k) => `k8s:${k}`).selector;
  subject.requirements.push(inRequirement(NAMESPACE_KEY, namespace));

  const types = f.list(['spec', 'policyTypes']).map((_, i) => {
    const t = f.str(['spec', 'policyTypes', i], true);
    if (t !== undefined && t !== 'Ingress' && t !== 'Egress') f.error(['spec', 'policyTypes', i], say('scenario.not_either', { value: t, a: 'Ingress', b: 'Egress' }));
    return t;
  });
  const ingress = readDirection(f, 'ingress', namespace);
  const egress = readDirection(f, 'egress', namespace);
  // As ParseNetworkPolicy: ingress is enforced unless the policy names only Egress; egress when named or
  // given rules. (Kubernetes would ignore rules of a type policyTypes leaves out; the agent does not.)
  // A policy type without rules gets one empty rule, as the agent writes `Ingress: [{}]`: enforcement
  // on, nobody allowed.
  if (ingress.length === 0 && (types.includes('Ingress') || !types.includes('Egress'))) ingress.push(defaultDenyRule(f, 'ingress'));
  if (egress.length === 0 && types.includes('Egress')) egress.push(defaultDenyRule(f, 'egress'));
  return {
    kind: 'NetworkPolicy',
    namespace,
    name: f.obj.name,
    rules: [{ endpointSelector: subject, ingress, ingressDeny: [], egress, egressDeny: [], defaultDeny: { ingress: ingress.length > 0, egress: egress.length > 0 }, field: 'spec' }],
    source: f.obj.ref,
  };
}

function defaultDenyRule(f: Fields, dir: Direction): PolicyPeerRule {
  const rule = peerRule(f, ['spec', 'policyTypes'], dir, { endpoints: [], entities: [], cidrs: [], ports: [] }, []);
  return {
    ...rule,
    text: `${rule.text} (no ${dir} rules: default deny)`,
    words: words('policy.rule.default_deny', { rule: rule.words, direction: dir }),
  };
}

function readDirection(f: Fields, dir: Direction, namespace: string): PolicyPeerRule[] {
  const peersKey = dir === 'ingress' ? 'from' : 'to';
  const out: PolicyPeerRule[] = [];
  f.list(['spec', dir]).forEach((_, i) => {
    const at: FieldPath = ['spec', dir, i];
    const ports = readPorts(f, [...at, 'ports']);
    const peers = f.list([...at, peersKey]);
    if (peers.length === 0) {
      // No peers: the agent puts the wildcard selector here; every source (or destination) is allowed.
      out.push(peerRule(f, at, dir, { endpoints: [{ requirements: [] }], entities: [], cidrs: [], ports }, [phrase('anyone', words('policy.peer.anyone'))]));
      return;
    }
    peers.forEach((__, j) => {
      const peer = readPeer(f, [...at, peersKey, j], namespace);
      if (peer) out.push(peerRule(f, [...at, peersKey, j], dir, { ...peer.rule, ports }, [peer.text]));
    });
  });
  return out;
}

type Peer = { rule: Pick<PolicyPeerRule, 'endpoints' | 'entities' | 'cidrs'>; text: Phrase };

/** parseNetworkPolicyPeer: pod and namespace selectors become one selector; an ipBlock a CIDR rule. */
function readPeer(f: Fields, at: FieldPath, namespace: string): Peer | undefined {
  const hasPods = f.has([...at, 'podSelector']);
  const hasNamespaces = f.has([...at, 'namespaceSelector']);
  if (f.has([...at, 'ipBlock'])) {
    if (hasPods || hasNamespaces) return f.error(at, say('scenario.np.ipblock_combined'));
    const cidr = readCidrRule(f, [...at, 'ipBlock']);
    const c = cidr && cidrPhrase(cidr);
    return cidr && c && { rule: { endpoints: [], entities: [], cidrs: [cidr] }, text: phrase(`ipBlock ${c.text}`, words('policy.peer.ipblock', { cidr: c.words })) };
  }
  if (!hasPods && !hasNamespaces) return f.error(at, say('scenario.np.peer_empty'));
  const pods = readSelector(f, [...at, 'podSelector'], (k) => `k8s:${k}`);
  const selector: EndpointSelectorModel = { requirements: [...pods.selector.requirements] };
  if (!hasNamespaces) {
    selector.requirements.push(inRequirement(NAMESPACE_KEY, namespace));
    const text = `pods ${pods.text || '(all)'} in ${namespace}`;
    const w = pods.text ? words('policy.peer.pods', { selector: pods.text, namespace }) : words('policy.peer.pods.all', { namespace });
    return { rule: { endpoints: [selector], entities: [], cidrs: [] }, text: phrase(text, w) };
  }
  const ns = readSelector(f, [...at, 'namespaceSelector'], (k) => `k8s:${NAMESPACE_LABELS}.${k}`);
  if (ns.selector.requirements.length === 0) {
    // An empty namespaceSelector is every namespace: the pod must merely have one.
    selector.requirements.push({ key: NAMESPACE_KEY, operator: 'Exists', values: [] });
  } else {
    selector.requirements.push(...ns.selector.requirements);
    const unknown = ns.selector.requirements.filter((r) => r.key !== `k8s:${NAMESPACE_LABELS}.${KNOWN_NAMESPACE_LABEL}`);
    if (unknown.length > 0) {
      f.warn([...at, 'namespaceSelector'], say('scenario.np.namespace_labels', { label: KNOWN_NAMESPACE_LABEL }));
    }
  }
  const podsText = hasPods ? `pods ${pods.text || '(all)'}` : 'pods';
  const podsWords = !hasPods
    ? words('policy.peer.pods.every')
    : words('policy.peer.pods.sel', { selector: pods.text || words('policy.all') });
  const w = words('policy.peer.pods.in_namespaces', { pods: podsWords, namespaces: ns.text || words('policy.all') });
  return { rule: { endpoints: [selector], entities: [], cidrs: [] }, text: phrase(`${podsText} in namespaces ${ns.text || '(all)'}`, w) };
}

/** NetworkPolicyPort: protocol (TCP by default), port number or name (none: every port), endPort. */
function readPorts(f: Fields, path: FieldPath): PolicyPort[] {
  const out: PolicyPort[] = [];
  f.list(path).forEach((_, i) => {
    const at = [...path, i];
    const protoText = f.str([...at, 'protocol']) ?? 'TCP';
    if (!(PROTOCOLS as readonly string[]).includes(protoText)) {
      f.error([...at, 'protocol'], say('scenario.not_one_of', { value: protoText, allowed: PROTOCOLS.join(', ') }));
      return;
    }
    const port = readPolicyPort(f, at, protoText as L4Proto, false);
    if (port) out.push(port);
  });
  return out;
}
