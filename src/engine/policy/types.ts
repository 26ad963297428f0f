/**
 * The policy map as the agent computes it for one endpoint: keys
 * {remote identity, direction, protocol, port prefix} (struct policy_key,
 * bpf/lib/common.h) with allow or deny, each entry remembering the policy and
 * rule that produced it so the UI can say why a packet passed or not.
 */
import type { EndpointInfo } from '../derive/types.ts';
import type { Message } from '../messages.ts';

export type TrafficDirection = 'ingress' | 'egress';

/** IP protocol numbers as pkg/u8proto names them; 0 is ANY. */
export const PROTO = { ANY: 0, ICMP: 1, TCP: 6, UDP: 17, SCTP: 132 } as const;

export interface PolicyKey {
  /** Remote security identity; 0 = any (the wildcard selector). */
  identity: number;
  direction: TrafficDirection;
  /** 0 = any protocol (then the port is wildcarded too). */
  proto: number;
  /** Destination port (ICMP: the type), host order; the first port of a masked range. */
  port: number;
  /** Significant port bits: 16 exact, 0 any port, between: a power-of-two aligned range. */
  portBits: number;
}

/** Where an entry came from: a rule of a policy, or one of the agent's own entries. */
export interface EntryOrigin {
  kind: 'rule' | 'allow-all' | 'allow-localhost' | 'default-allow';
  /** `namespace/name` of the policy object. */
  policy?: string;
  /** `NetworkPolicy default/web: spec.ingress[0].from[0] (line 40): from pods app=netpod in default on 80/TCP`. */
  text: string;
  /** The same words as a message, for the sentences and the inspector in the reader's language. */
  message: Message;
}

export interface PolicyEntry extends PolicyKey {
  deny: boolean;
  origin: EntryOrigin;
}

export interface DirectionState {
  /** A rule selecting the endpoint has rules in this direction (policy-verdict notifications are sent). */
  enforced: boolean;
  /** Nothing is allowed unless an entry says so (false: the agent added an allow-all). */
  defaultDeny: boolean;
}

/** One endpoint's cilium_policy_<EPID> contents and enforcement. */
export interface EndpointPolicy {
  endpoint: EndpointInfo;
  ingress: DirectionState;
  egress: DirectionState;
  /** `namespace/name` of each policy with a rule selecting the endpoint. */
  policies: string[];
  entries: PolicyEntry[];
}

/** Hubble's names for policy_verdict_notify match_type (pkg/monitor/api). */
export type PolicyMatchType = 'L3-L4' | 'L4-Only' | 'L3-Proto' | 'Proto-Only' | 'L3-Only' | 'all' | 'none';
