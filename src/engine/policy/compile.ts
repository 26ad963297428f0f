/**
 * The agent's policy computation for one endpoint (pkg/policy/repository.go
 * computePolicyEnforcementAndRules, DistillPolicy): which rules select it,
 * whether each direction is enforced and default-deny, and the entries of
 * its cilium_policy_<EPID> map. Computed once per Datapath (cached), and per
 * endpoint only when asked; an endpoint no rule selects costs a label match.
 */
import type { ContainerPort, PolicyModel, PolicyPeerRule, PolicyRuleModel } from '../../scenario/model.ts';
import type { Datapath, EndpointInfo } from '../derive/types.ts';
import { message } from '../messages.ts';
import { allocateCidrIdentities, type CidrIdentity } from './cidr.ts';
import { parseLabel, selectorMatches } from './labels.ts';
import { resolveEntries } from './mapstate.ts';
import { identityUniverse, selectPeers, type PeerIdentity } from './peers.ts';
import { portProtos } from './ports.ts';
import type { DirectionState, EndpointPolicy, EntryOrigin, PolicyEntry, TrafficDirection } from './types.ts';

export interface PolicyState {
  readonly universe: PeerIdentity[];
  readonly byId: Map<number, PeerIdentity>;
  cidrIdentities: CidrIdentity[];
  /** `enable-policy`: default, always or never (pkg/option policy enforcement modes). */
  mode: 'default' | 'always' | 'never';
  endpoints: Map<string, EndpointPolicy>;
}

const cache = new WeakMap<Datapath, PolicyState>();

// Hand-built Datapaths (test fixtures) may carry no model, or a model from before policies.
export const policiesOf = (dp: Datapath): readonly PolicyModel[] => dp.model?.policies ?? [];

export function policyState(dp: Datapath): PolicyState {
  const hit = cache.get(dp);
  if (hit) return hit;
  const cidrIdentities = allocateCidrIdentities(policiesOf(dp));
  const raw = dp.config.raw['enable-policy'];
  const mode = raw === 'always' || raw === 'never' ? raw : 'default';
  // The identity universe (every identity's labels, parsed) is built on first use: an endpoint that no
  // rule selects never needs it, so a cluster without policies never pays for it.
  let universe: PeerIdentity[] | undefined;
  let byId: Map<number, PeerIdentity> | undefined;
  const s: PolicyState = {
    get universe() {
      return (universe ??= identityUniverse(dp, cidrIdentities));
    },
    get byId() {
      return (byId ??= new Map(this.universe.map((p) => [p.id, p])));
    },
    cidrIdentities,
    mode,
    endpoints: new Map(),
  };
  cache.set(dp, s);
  return s;
}

interface Selecting {
  policy: PolicyModel;
  rule: PolicyRuleModel;
}

const policyName = (p: PolicyModel) => `${p.namespace}/${p.name}`;

function ruleOrigin(s: Selecting, r: PolicyPeerRule): EntryOrigin {
  const policy = policyName(s.policy);
  return {
    kind: 'rule', policy, text: `${s.policy.kind} ${policy}: ${r.field} (line ${r.line}): ${r.text}`,
    message: message('policy.origin.rule', { kind: s.policy.kind, policy, field: r.field, line: r.line, text: r.words }),
  };
}

const AGENT: Record<Exclude<EntryOrigin['kind'], 'rule'>, string> = {
  'allow-all': 'no policy enforces this direction: the agent allows all (allowAllIdentities)',
  'allow-localhost': 'the node itself may always reach its pods (allow-localhost)',
  'default-allow': 'only rules with enableDefaultDeny false: the agent adds an allow-all (wildcardRule)',
};

function agentEntry(kind: keyof typeof AGENT, direction: TrafficDirection, identity: number): PolicyEntry {
  const origin: EntryOrigin = { kind, text: AGENT[kind], message: message(`policy.origin.${kind}`) };
  return { identity, direction, proto: 0, port: 0, portBits: 0, deny: false, origin };
}

function directionState(dp: Datapath, selecting: Selecting[], dir: TrafficDirection): DirectionState {
  const mode = policyState(dp).mode;
  if (mode !== 'default') return { enforced: mode === 'always', defaultDeny: mode === 'always' };
  const having = selecting.filter(({ rule }) => (dir === 'ingress' ? rule.ingress.length + rule.ingressDeny.length : rule.egress.length + rule.egressDeny.length) > 0);
  return { enforced: having.length > 0, defaultDeny: having.some(({ rule }) => rule.defaultDeny[dir]) };
}

function selectingRules(dp: Datapath, ep: EndpointInfo): Selecting[] {
  const labels = (dp.identities.get(ep.identity)?.labels ?? []).map(parseLabel);
  return policiesOf(dp).flatMap((policy) =>
    policy.rules.filter((rule) => selectorMatches(rule.endpointSelector, labels)).map((rule) => ({ policy, rule })));
}

/** Named ports: the endpoint's own on ingress; on egress, any pod's (the agent's cluster-wide named-port map). */
function namedPorts(dp: Datapath, ep: EndpointInfo, dir: TrafficDirection): (name: string) => ContainerPort[] {
  const own = dp.podByKey.get(ep.key)?.ports ?? [];
  return (name) => (dir === 'ingress' ? own : dp.model.pods.flatMap((p) => p.ports)).filter((c) => c.name === name);
}

function ruleEntries(dp: Datapath, ep: EndpointInfo, s: Selecting, dir: TrafficDirection, deny: boolean): PolicyEntry[] {
  const state = policyState(dp);
  const clusterName = dp.config.raw['cluster-name'] ?? 'default';
  const rules = dir === 'ingress' ? (deny ? s.rule.ingressDeny : s.rule.ingress) : deny ? s.rule.egressDeny : s.rule.egress;
  const out: PolicyEntry[] = [];
  for (const r of rules) {
    const peers = selectPeers(r, state.universe, clusterName);
    const ids = peers === 'wildcard' ? [0] : [...peers].sort((a, b) => a - b);
    const origin = ruleOrigin(s, r);
    for (const pp of portProtos(r.ports, namedPorts(dp, ep, dir))) {
      for (const identity of ids) out.push({ identity, direction: dir, ...pp, deny, origin });
    }
  }
  return out;
}

function compile(dp: Datapath, ep: EndpointInfo): EndpointPolicy {
  const selecting = selectingRules(dp, ep);
  const ingress = directionState(dp, selecting, 'ingress');
  const egress = directionState(dp, selecting, 'egress');
  const raw: PolicyEntry[] = [];
  for (const [dir, st] of [['ingress', ingress], ['egress', egress]] as const) {
    if (!st.enforced) {
      raw.push(agentEntry('allow-all', dir, 0));
      continue;
    }
    if (!st.defaultDeny) raw.push(agentEntry('default-allow', dir, 0));
    for (const s of selecting) raw.push(...ruleEntries(dp, ep, s, dir, true), ...ruleEntries(dp, ep, s, dir, false));
  }
  raw.push(agentEntry('allow-localhost', 'ingress', 1));
  return {
    endpoint: ep,
    ingress,
    egress,
    policies: [...new Set(selecting.map((s) => policyName(s.policy)))],
    entries: resolveEntries(raw),
  };
}

/** The endpoint's policy map and enforcement (cached per Datapath). */
export function endpointPolicy(dp: Datapath, ep: EndpointInfo): EndpointPolicy {
  const state = policyState(dp);
  const key = `${ep.node}/${ep.id}`;
  let p = state.endpoints.get(key);
  if (!p) state.endpoints.set(key, (p = compile(dp, ep)));
  return p;
}
