/**
 * snat_v4_needs_masquerade (bpf/lib/nat.h), in its order of checks (reference
 * §2 "SNAT caveat", §4 "Exclusions"). Returns the decision, the map reads it
 * made and the reason, as a message id for the explanation.
 */
import { cidrContains, cidrToString, type Cidr, type Ipv4 } from '../../scenario/values.ts';
import type { Datapath, NodeDatapath } from '../derive/types.ts';
import { RESERVED } from '../derive/identities.ts';
import type { MapOp, Packet } from '../trace.ts';
import type { MessageId } from '../messages.ts';
import type { SkbContext } from './types.ts';
import { message } from '../messages.ts';

export interface MasqDecision {
  nat: boolean;
  /** NeedsCT=1: host-originated flows, which bpf_lxc did not track. */
  needsCt: boolean;
  why: MessageId;
  params: Record<string, string | number>;
  ops: MapOp[];
}

function longestMatch(cidrs: Cidr[], ip: Ipv4): Cidr | undefined {
  return cidrs.filter((c) => cidrContains(c, ip)).sort((a, b) => b.bits - a.bits)[0];
}

export function needsMasquerade(dp: Datapath, node: NodeDatapath, p: Packet, skb: SkbContext): MasqDecision {
  const c = dp.config;
  const none = (why: MessageId, params: Record<string, string | number> = {}, ops: MapOp[] = []): MasqDecision =>
    ({ nat: false, needsCt: false, why, params, ops });
  if (!c.enableBpfMasquerade || !c.enableIpv4Masquerade) return none('masq.off');
  if (skb.overlay) return none('masq.overlay');
  if (skb.nodeport) return none('masq.nodeport');
  if (p.src === node.ip) return { nat: true, needsCt: true, why: 'masq.host', params: { ip: node.ip }, ops: [] };
  if (dp.snatExclusionCidr && cidrContains(dp.snatExclusionCidr, p.dst)) {
    return none('masq.exclusion', { dst: p.dst, cidr: cidrToString(dp.snatExclusionCidr) });
  }
  if (!skb.fromEndpoint) return none('masq.not_endpoint', { src: p.src });
  const ops: MapOp[] = [];
  if (c.enableIpMasqAgent) {
    const hit = longestMatch(dp.ipMasqCidrs, p.dst);
    ops.push({
      node: node.name, map: 'cilium_ipmasq_v4', op: 'lookup', key: hit ? cidrToString(hit) : p.dst, hit: !!hit,
      note: 'ip-masq-agent nonMasqueradeCIDRs', noteWords: message('note.ipmasq'),
    });
    if (hit) return none('masq.ipmasq', { dst: p.dst, cidr: cidrToString(hit) }, ops);
  }
  const dstId = skb.dstIdentity ?? RESERVED.world;
  const toCluster = dstId === RESERVED.remoteNode || dstId === RESERVED.kubeApiserver || dstId === RESERVED.host;
  if (c.routingMode === 'native' && toCluster) {
    return none('masq.remote_node', { dst: p.dst }, ops);
  }
  if (skb.ctState === 'reply') return none('masq.reply', {}, ops);
  const why = c.enableIpMasqAgent ? 'masq.nat.ipmasq' : 'masq.nat';
  return { nat: true, needsCt: false, why, params: { ip: node.ip, dst: p.dst }, ops };
}
