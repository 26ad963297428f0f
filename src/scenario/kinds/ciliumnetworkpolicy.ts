/**
 * CiliumNetworkPolicy (cilium.io/v2), translated as the agent does
 * (pkg/k8s/apis/cilium.io/utils ParseToCiliumRule): `spec` and/or `specs`,
 * each an api.Rule whose subject is restricted to the policy's namespace;
 * fromEndpoints/toEndpoints selectors get that namespace too unless they name
 * a namespace (or namespace labels, or a reserved label) themselves.
 * L7 rules, FQDNs, services, groups and node selectors are not modelled:
 * they are reported, and a rule left with no peer selects nobody.
 */
import type { FieldPath } from '../documents.ts';
import { fieldText, type Fields } from '../fields.ts';
import type {
  CidrRuleModel, EndpointSelectorModel, PolicyEntity, PolicyModel, PolicyPeerRule, PolicyPort, PolicyProtocol,
  PolicyRuleModel,
} from '../model.ts';
import { cidrPhrase, phrase, words, type Phrase } from './rule-words.ts';
import {
  inRequirement, NAMESPACE_KEY, NAMESPACE_LABELS, peerRule, readCidrRule, readCidrText, readPolicyPort,
  readSelector, sourcedKey,
} from './policy-fields.ts';
import { say } from '../issue-text.ts';

type Direction = 'ingress' | 'egress';

const ENTITIES: readonly PolicyEntity[] = [
  'all', 'world', 'world-ipv4', 'world-ipv6', 'cluster', 'host', 'init', 'ingress', 'unmanaged', 'remote-node',
  'health', 'none', 'kube-apiserver',
];
const PORT_PROTOCOLS: readonly PolicyProtocol[] = ['TCP', 'UDP', 'SCTP', 'ANY'];
/** ICMPv4 type names the CRD accepts (pkg/policy/api/icmp.go), the common ones. */
const ICMP_TYPES: Record<string, number> = {
  EchoReply: 0, DestinationUnreachable: 3, Redirect: 5, Echo: 8, EchoRequest: 8, RouterAdvertisement: 9,
  RouterSelection: 10, TimeExceeded: 11, ParameterProblem: 12, Timestamp: 13, TimestampReply: 14,
};

/** Peer kinds per direction: what this model reads, and what it only reports. */
const PEERS = {
  ingress: { endpoints: 'fromEndpoints', entities: 'fromEntities', cidr: 'fromCIDR', cidrSet: 'fromCIDRSet', unmodelled: ['fromRequires', 'fromGroups', 'fromNodes'] },
  egress: { endpoints: 'toEndpoints', entities: 'toEntities', cidr: 'toCIDR', cidrSet: 'toCIDRSet', unmodelled: ['toRequires', 'toGroups', 'toNodes', 'toFQDNs', 'toServices'] },
} as const;

export function readCiliumNetworkPolicy(f: Fields): PolicyModel {
  const namespace = f.obj.namespace ?? 'default';
  const rules: PolicyRuleModel[] = [];
  const specs = f.list(['specs']);
  if (!f.has(['spec']) && specs.length === 0) f.error(['spec'], say('scenario.cnp.spec_required'));
  const paths: FieldPath[] = [...(f.has(['spec']) ? [['spec']] : []), ...specs.map((_, i) => ['specs', i])];
  for (const at of paths) {
    const rule = readRule(f, at, namespace);
    if (rule) rules.push(rule);
  }
  return { kind: 'CiliumNetworkPolicy', namespace, name: f.obj.name, rules, source: f.obj.ref };
}

function readRule(f: Fields, at: FieldPath, namespace: string): PolicyRuleModel | undefined {
  if (f.has([...at, 'nodeSelector'])) {
    f.warn([...at, 'nodeSelector'], say('scenario.cnp.host_policy'));
    return undefined;
  }
  if (!f.has([...at, 'endpointSelector'])) {
    return f.error([...at, 'endpointSelector'], say('scenario.selector_required'));
  }
  const subject = readSelector(f, [...at, 'endpointSelector'], sourcedKey).selector;
  const written = subject.requirements.find((r) => r.key === NAMESPACE_KEY && r.operator === 'In');
  if (written && written.values.join() !== namespace) {
    f.warn([...at, 'endpointSelector'], say('scenario.cnp.namespace_replaced', { namespace }));
  }
  subject.requirements = [...subject.requirements.filter((r) => r !== written), inRequirement(NAMESPACE_KEY, namespace)];
  const ingress = readPeerRules(f, [...at, 'ingress'], 'ingress', false, namespace);
  const ingressDeny = readPeerRules(f, [...at, 'ingressDeny'], 'ingress', true, namespace);
  const egress = readPeerRules(f, [...at, 'egress'], 'egress', false, namespace);
  const egressDeny = readPeerRules(f, [...at, 'egressDeny'], 'egress', true, namespace);
  // api.Rule Sanitize: default deny for each direction that has rules, unless enableDefaultDeny says otherwise.
  const defaultDeny = {
    ingress: f.bool([...at, 'enableDefaultDeny', 'ingress']) ?? ingress.length + ingressDeny.length > 0,
    egress: f.bool([...at, 'enableDefaultDeny', 'egress']) ?? egress.length + egressDeny.length > 0,
  };
  return { endpointSelector: subject, ingress, ingressDeny, egress, egressDeny, defaultDeny, field: fieldText(at) };
}

function readPeerRules(f: Fields, path: FieldPath, dir: Direction, deny: boolean, namespace: string): PolicyPeerRule[] {
  return f.list(path).map((_, i) => readPeerRule(f, [...path, i], dir, deny, namespace));
}

function readPeerRule(f: Fields, at: FieldPath, dir: Direction, deny: boolean, namespace: string): PolicyPeerRule {
  const names = PEERS[dir];
  const said: Phrase[] = [];
  const endpoints: EndpointSelectorModel[] = f.list([...at, names.endpoints]).map((_, j) => {
    const read = readSelector(f, [...at, names.endpoints, j], sourcedKey);
    said.push(read.text
      ? phrase(`endpoints ${read.text}`, words('policy.peer.endpoints', { selector: read.text }))
      : phrase('endpoints (all)', words('policy.peer.endpoints.all')));
    return scopeToNamespace(read.selector, namespace);
  });
  const entities = readEntities(f, [...at, names.entities], said);
  const cidrs: CidrRuleModel[] = [];
  f.list([...at, names.cidr]).forEach((_, j) => {
    const cidr = readCidrText(f, [...at, names.cidr, j], true);
    if (cidr) cidrs.push({ cidr, except: [] });
  });
  f.list([...at, names.cidrSet]).forEach((_, j) => {
    const rule = readCidrRule(f, [...at, names.cidrSet, j]);
    if (rule) cidrs.push(rule);
  });
  for (const c of cidrs) {
    const p = cidrPhrase(c);
    said.push(phrase(`CIDR ${p.text}`, words('policy.peer.cidr', { cidr: p.words })));
  }
  // A peer list given empty selects nobody (SetAggregatedSelectors), as does a rule whose only peers are not modelled.
  const emptyList = [names.endpoints, names.entities, names.cidr, names.cidrSet].some((k) => f.has([...at, k]) && f.list([...at, k]).length === 0);
  const unmodelled = names.unmodelled.filter((k) => f.has([...at, k]));
  for (const k of unmodelled) f.warn([...at, k], say('scenario.not_modelled', { what: k }));
  if (f.has([...at, 'authentication'])) f.warn([...at, 'authentication'], say('scenario.cnp.authentication'));
  const peerless = endpoints.length + entities.length + cidrs.length === 0;
  if (emptyList || (peerless && unmodelled.length > 0)) {
    entities.push('none');
    said.push(phrase('nobody (no modelled peer)', words('policy.peer.unmodelled')));
  }
  const ports = [...readToPorts(f, [...at, 'toPorts'], deny), ...readIcmps(f, [...at, 'icmps'])];
  return peerRule(f, at, dir, { endpoints, entities, cidrs, ports }, said);
}

/**
 * getEndpointSelector: a selector that names no namespace (nor namespace
 * labels, nor a reserved label) is limited to the policy's namespace.
 */
function scopeToNamespace(sel: EndpointSelectorModel, namespace: string): EndpointSelectorModel {
  const keys = sel.requirements.map((r) => r.key);
  if (keys.some((k) => k.startsWith('reserved:'))) return sel;
  const namesNamespace = keys.some((k) => k === NAMESPACE_KEY || k === 'any:io.kubernetes.pod.namespace'
    || k.startsWith(`k8s:${NAMESPACE_LABELS}`) || k.startsWith(`any:${NAMESPACE_LABELS}`));
  return namesNamespace ? sel : { requirements: [...sel.requirements, inRequirement(NAMESPACE_KEY, namespace)] };
}

function readEntities(f: Fields, path: FieldPath, said: Phrase[]): PolicyEntity[] {
  const out: PolicyEntity[] = [];
  f.list(path).forEach((_, j) => {
    const e = f.str([...path, j], true);
    if (e === undefined) return;
    if (!(ENTITIES as readonly string[]).includes(e)) {
      f.error([...path, j], say('scenario.cnp.not_entity', { value: e, allowed: ENTITIES.join(', ') }));
      return;
    }
    out.push(e as PolicyEntity);
    said.push(phrase(`entity ${e}`, words('policy.peer.entity', { entity: e })));
  });
  return out;
}

/** toPorts[].ports[]: port (0 or none: every port), endPort, protocol (ANY by default: TCP, UDP and SCTP). */
function readToPorts(f: Fields, path: FieldPath, deny: boolean): PolicyPort[] {
  const out: PolicyPort[] = [];
  f.list(path).forEach((_, i) => {
    const rule = [...path, i];
    if (!deny && f.has([...rule, 'rules'])) f.warn([...rule, 'rules'], say('scenario.cnp.l7'));
    f.list([...rule, 'ports']).forEach((__, j) => {
      const at = [...rule, 'ports', j];
      const protoText = (f.str([...at, 'protocol']) ?? 'ANY').toUpperCase();
      if (!(PORT_PROTOCOLS as readonly string[]).includes(protoText)) {
        f.error([...at, 'protocol'], say('scenario.cnp.protocol', { value: protoText, allowed: PORT_PROTOCOLS.join(', ') }));
        return;
      }
      const port = readPolicyPort(f, at, protoText as PolicyProtocol, true);
      if (port) out.push(port);
    });
  });
  return out;
}

/** icmps[].fields[]: an ICMP type (number or name) for IPv4; the policy key's port is the type. */
function readIcmps(f: Fields, path: FieldPath): PolicyPort[] {
  const out: PolicyPort[] = [];
  f.list(path).forEach((_, i) => {
    f.list([...path, i, 'fields']).forEach((__, j) => {
      const at = [...path, i, 'fields', j];
      const family = f.str([...at, 'family']) ?? 'IPv4';
      if (family === 'IPv6') return f.warn(at, say('scenario.not_modelled', { what: 'ICMPv6' }));
      if (family !== 'IPv4') return void f.error([...at, 'family'], say('scenario.not_either', { value: family, a: 'IPv4', b: 'IPv6' }));
      const v = f.get([...at, 'type']);
      // Own keys only: a type named `constructor` must not find Object's.
      const named = (n: string) => (Object.hasOwn(ICMP_TYPES, n) ? ICMP_TYPES[n] : undefined);
      const type = typeof v === 'string' && !/^\d+$/.test(v) ? named(v) : typeof v === 'string' ? Number(v) : v;
      if (typeof type !== 'number' || !Number.isInteger(type) || type < 0 || type > 255) {
        return void f.error([...at, 'type'], say('scenario.cnp.icmp_type', { value: String(JSON.stringify(v)) }));
      }
      out.push({ port: type, protocol: 'ICMP' });
    });
  });
  return out;
}
