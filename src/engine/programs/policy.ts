/**
 * Policy decisions (bpf/lib/policy.h policy_can_ingress4/_egress4): the
 * lookup in the endpoint's cilium_policy map the agent computed from the
 * NetworkPolicies and CiliumNetworkPolicies (src/engine/policy). Callers skip
 * it for replies (CT_REPLY), as bpf_lxc does. With no policy selecting the
 * endpoint the map holds the agent's allow-all entry and the lookup allows.
 */
import type { Datapath, EndpointInfo } from '../derive/types.ts';
import {
  endpointPolicy, policyLookup, policyRowKey, policyRowValue, probeKey, PROTO, remoteIdentityOf,
  type PolicyMatchType, type Probe, type TrafficDirection,
} from '../policy/index.ts';
import type { MapOp, Packet, PolicyVerdict } from '../trace.ts';
import { message, type Message, type MessageId } from '../messages.ts';
import { DROP } from './drop.ts';

export { policyMapName } from '../policy/index.ts';

export interface PolicyDecision {
  allowed: boolean;
  /** A deny entry matched: DROP_POLICY_DENY (181) rather than DROP_POLICY (133). */
  deny?: boolean;
  /** The drop to report when not allowed. */
  drop?: { code: number; reason: string };
  /** Enforcement is on in this direction: the datapath sends a policy-verdict notification. */
  enforced: boolean;
  /** Match type as Hubble names it (policy-verdict:L3-L4 ...). */
  match: PolicyMatchType;
  /** `namespace/name` of the policy whose rule decided, when one did. */
  policy?: string;
  /** Why, for the explanation: the rule, or the agent's own entry, or that nothing matched (English). */
  rule: string;
  /** The same, as a message rendered in the reader's language. */
  ruleMessage: Message;
  /** The remote identity the lookup used (a CIDR identity when the policies name the address's prefix). */
  remoteIdentity: number;
  ops: MapOp[];
}

/** The lookup's protocol and port: ICMP uses the type as the port (ENABLE_ICMP_RULE, on by default). */
function lookupTuple(p: Packet): L4Tuple {
  switch (p.proto) {
    case 'TCP':
      return { proto: PROTO.TCP, dport: p.dport ?? 0 };
    case 'UDP':
      return { proto: PROTO.UDP, dport: p.dport ?? 0 };
    case 'ICMP':
      return { proto: PROTO.ICMP, dport: p.icmpType ?? 8 };
    case 'ARP':
      return { proto: PROTO.ANY, dport: 0 };
  }
}

export function decide(
  dp: Datapath, node: string, ep: EndpointInfo, direction: TrafficDirection, remoteIdentity: number, p: Packet,
): PolicyDecision {
  const policy = endpointPolicy(dp, ep);
  const identity = remoteIdentityOf(dp, remoteIdentity, direction === 'egress' ? p.dst : p.src);
  const { proto, dport } = lookupTuple(p);
  const r = policyLookup(policy, direction, identity, proto, dport);
  const ops = r.probes.map((probe, i): MapOp => {
    const decided = probe.hit !== undefined && probe.hit === r.entry;
    return probeOp(node, ep, direction, probe, { proto, dport }, decided, i);
  });
  const enforced = policy[direction].enforced;
  const base = { enforced, match: r.match, remoteIdentity: identity, ops };
  if (!r.entry) {
    // Default deny: name the policies whose selection of this endpoint turned it on.
    const selecting = policy.policies.join(', ');
    const on = proto === 0 ? 'this packet' : `${dport}/${p.proto}`;
    const onParam = proto === 0 ? message('policy.on.packet') : on;
    const because = selecting ? `; default deny because ${selecting} selects ${ep.key}` : '';
    const ruleMessage = selecting
      ? message('policy.origin.none.selected', { direction, identity, on: onParam, policies: selecting, pod: ep.key })
      : message('policy.origin.none', { direction, identity, on: onParam });
    return {
      ...base, allowed: false, drop: DROP.POLICY, ...(selecting ? { policy: selecting } : {}),
      rule: `no entry of ${direction} policy matches identity ${identity} on ${on}${because}`, ruleMessage,
    };
  }
  const who = r.entry.origin.policy !== undefined ? { policy: r.entry.origin.policy } : {};
  const rule = r.entry.origin.text;
  const ruleMessage = r.entry.origin.message;
  if (r.entry.deny) return { ...base, ...who, allowed: false, deny: true, drop: DROP.POLICY_DENY, rule, ruleMessage };
  return { ...base, ...who, allowed: true, rule, ruleMessage };
}

interface L4Tuple {
  proto: number;
  dport: number;
}

function probeOp(
  node: string, ep: EndpointInfo, dir: TrafficDirection, probe: Probe, l4: L4Tuple, decided: boolean, index: number,
): MapOp {
  const which = index === 0 ? `identity ${probe.identity}` : 'any identity (0)';
  const whichWords = index === 0
    ? message('note.policy.identity', { identity: probe.identity })
    : message('note.policy.any');
  if (!probe.hit) {
    const key = probeKey(ep, dir, probe.identity, l4.proto, l4.dport);
    return { node, map: 'cilium_policy', op: 'lookup', key, hit: false, note: `no entry for ${which}`,
      noteWords: message('note.policy.none', { which: whichWords }) };
  }
  return {
    node, map: 'cilium_policy', op: 'lookup', key: policyRowKey(ep, probe.hit), value: policyRowValue(probe.hit),
    words: probe.hit.origin.message,
    hit: true, note: decided ? `${which}: this entry decides` : `${which}: less specific, not used`,
    noteWords: message(decided ? 'note.policy.decides' : 'note.policy.unused', { which: whichWords }),
  };
}

/** The part of a decision a hop event carries (HopEvent.policyVerdict). */
export function verdictOf(d: PolicyDecision, direction: 'ingress' | 'egress'): PolicyVerdict {
  return {
    direction, allowed: d.allowed, deny: !!d.deny, match: d.match, enforced: d.enforced, rule: d.rule,
    ruleMessage: d.ruleMessage, remoteIdentity: d.remoteIdentity,
    ...(d.policy ? { policy: d.policy } : {}),
  };
}

/** The explanation of a decision: allowed (new or established), or which kind of denial. */
export function verdictMessage(d: PolicyDecision, direction: 'ingress' | 'egress', ctState: string): MessageId {
  if (d.allowed) return ctState === 'new' ? `policy.${direction}.allow.new` : `policy.${direction}.allow`;
  return d.deny ? `policy.${direction}.denylist` : `policy.${direction}.deny`;
}
