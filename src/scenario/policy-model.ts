/**
 * NetworkPolicy and CiliumNetworkPolicy as the agent's rules: selectors,
 * peers, ports, each rule pointing back at its YAML (read in kinds/*policy*.ts).
 */
import type { L4Proto, SourceRef } from './source.ts';
import type { Cidr } from './values.ts';

/** Label selector operators (k8s LabelSelectorRequirement). */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement; `key` carries its label source: `k8s:app`, `any:app`, `reserved:world`. */
export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

/**
 * An EndpointSelector as the agent holds it (pkg/policy/api): matchLabels are
 * `In` requirements with one value, keys have their source (a key written
 * without one gets `any:`). No requirement at all is the wildcard selector.
 */
export interface EndpointSelectorModel {
  requirements: SelectorRequirement[];
}

/** Entities of CiliumNetworkPolicy fromEntities/toEntities (pkg/policy/api/entity.go). */
export type PolicyEntity =
  | 'all' | 'world' | 'world-ipv4' | 'world-ipv6' | 'cluster' | 'host' | 'init' | 'ingress' | 'unmanaged'
  | 'remote-node' | 'health' | 'none' | 'kube-apiserver';

/** ipBlock / fromCIDRSet: a CIDR minus the exceptions inside it. */
export interface CidrRuleModel {
  cidr: Cidr;
  except: Cidr[];
}

/** `ANY` in a CiliumNetworkPolicy port means TCP, UDP and SCTP; ICMP ports are ICMP types. */
export type PolicyProtocol = L4Proto | 'ANY' | 'ICMP';

export interface PolicyPort {
  /** 0 = every port of the protocol (ICMP: the type). */
  port: number;
  /** Last port of a range (NetworkPolicy endPort, CNP endPort). */
  endPort?: number;
  /** A named container port, resolved per endpoint when the policy is computed. */
  name?: string;
  protocol: PolicyProtocol;
}

/**
 * One peer rule: a from/to entry with its ports, as the agent's IngressRule /
 * EgressRule holds it after translation (pkg/k8s/network_policy.go,
 * pkg/k8s/apis/cilium.io/utils). Peers of one rule are alternatives.
 */
export interface PolicyPeerRule {
  endpoints: EndpointSelectorModel[];
  entities: PolicyEntity[];
  cidrs: CidrRuleModel[];
  /** Empty: every port and protocol (an L3-only rule). */
  ports: PolicyPort[];
  /** Where it was written: `spec.ingress[0].from[1]`, and its YAML line. */
  field: string;
  line: number;
  /** One line for people: `from app=netpod on 80/TCP` (English: Cilium-style CLI output keeps it). */
  text: string;
  /** The same line as words the page and the CLI render in the reader's language (rule-words.ts). */
  words: RuleWords;
}

/**
 * Ids of the engine's message catalog (src/engine/messages.ts `policy.rule.*`,
 * `policy.peer.*`, `policy.port*`, ...) that a rule's line is made of. The
 * scenario names them without importing the engine; the engine's policy
 * compiler passes the words on as a Message, so the checker holds them to
 * ids the catalogs have.
 */
export type RuleWordId =
  | 'policy.rule.from' | 'policy.rule.from.ports' | 'policy.rule.to' | 'policy.rule.to.ports' | 'policy.rule.default_deny'
  | 'policy.peer.anyone' | 'policy.peer.nobody' | 'policy.peer.unmodelled'
  | 'policy.peer.pods' | 'policy.peer.pods.all' | 'policy.peer.pods.sel' | 'policy.peer.pods.every'
  | 'policy.peer.pods.in_namespaces' | 'policy.peer.ipblock' | 'policy.peer.endpoints' | 'policy.peer.endpoints.all'
  | 'policy.peer.entity' | 'policy.peer.cidr' | 'policy.cidr.except' | 'policy.all'
  | 'policy.port' | 'policy.port.any' | 'policy.port.icmp' | 'policy.list' | 'policy.text';

/** A message-shaped tree of rule words: an id and its parameters (text, numbers, more words). */
export interface RuleWords {
  id: RuleWordId;
  params: Record<string, string | number | RuleWords>;
}

/** An api.Rule: the endpoints it applies to and its four rule lists. */
export interface PolicyRuleModel {
  /** The subject; for namespaced objects it already requires the object's namespace. */
  endpointSelector: EndpointSelectorModel;
  ingress: PolicyPeerRule[];
  ingressDeny: PolicyPeerRule[];
  egress: PolicyPeerRule[];
  egressDeny: PolicyPeerRule[];
  /** enableDefaultDeny, resolved: true for a direction that has rules unless the object says false. */
  defaultDeny: { ingress: boolean; egress: boolean };
  /** `spec` or `specs[1]`: where this rule sits in the object. */
  field: string;
}

export interface PolicyModel {
  kind: 'NetworkPolicy' | 'CiliumNetworkPolicy';
  namespace: string;
  name: string;
  rules: PolicyRuleModel[];
  source: SourceRef;
}
