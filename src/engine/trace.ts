/**
 * The engine's product (DESIGN §4): a Trace is the ordered hop events of one
 * conversation, each carrying the map operations it performed. The UI is a
 * player over it; `--format json` prints it.
 */
import type { Ipv4 } from '../scenario/values.ts';
import type { Message } from './messages.ts';
import type { Hook, Place, WirePeer } from './place.ts';

export type { Hook, NetfilterHook, Place, SocketHook, TcHook, WirePeer } from './place.ts';

/** The BPF maps (and kernel tables) a hop can read or write; Cilium's names. */
export type MapName =
  | 'cilium_ipcache'
  | 'cilium_lxc'
  | 'cilium_lb4_services_v2'
  | 'cilium_lb4_backends_v3'
  | 'cilium_lb4_reverse_nat'
  | 'cilium_lb4_reverse_sk'
  | 'cilium_ct4_global'
  | 'cilium_ct_any4_global'
  | 'cilium_snat_v4_external'
  | 'cilium_ipmasq_v4'
  | 'cilium_policy'
  | 'cilium_tunnel_map'
  | 'fib'
  | 'neigh'
  | 'iptables'
  | 'nf_conntrack';

export type L4 = 'ICMP' | 'TCP' | 'UDP' | 'ARP';

export interface TcpFlags {
  SYN?: boolean;
  ACK?: boolean;
  PSH?: boolean;
  FIN?: boolean;
  RST?: boolean;
}

/** A packet as it is after a hop. Ports are host byte order. */
export interface Packet {
  /** Packet number within the conversation (0-based), shared by all its hops. */
  id: number;
  direction: 'request' | 'reply';
  src: Ipv4;
  dst: Ipv4;
  proto: L4;
  sport?: number;
  dport?: number;
  srcMac?: string;
  dstMac?: string;
  /** 8 echo request, 0 echo reply. */
  icmpType?: number;
  /** ICMP echo identifier (takes the port's place in CT and NAT tuples). */
  icmpId?: number;
  tcpFlags?: TcpFlags;
  ttl?: number;
  /** ARP only: 'request' | 'reply' and the IP asked about. */
  arp?: { op: 'request' | 'reply'; targetIp: Ipv4; senderIp: Ipv4 };
  /** The L4 payload as text (the HTTP request or response, a DNS stand-in); its length is the bytes carried. */
  payload?: string;
  /** Outer headers when encapsulated (tunnel mode). */
  outer?: OuterHeader;
}

/** The outer headers of a tunnelled packet: UDP carrying VXLAN or Geneve (which one is a fact, not a port guess). */
export interface OuterHeader {
  /** The tunnel protocol (tunnel-protocol in cilium-config). */
  encap: 'vxlan' | 'geneve';
  src: Ipv4;
  dst: Ipv4;
  proto: 'UDP';
  sport: number;
  dport: number;
  vni: number;
  srcMac?: string;
  dstMac?: string;
}

export interface MapOp {
  /** Node whose map this is (maps are per node). */
  node: string;
  map: MapName;
  op: 'lookup' | 'update' | 'delete';
  /** The key as `cilium map get` prints it (the row's identity in the panel). */
  key: string;
  /** The value as `cilium map get` prints it (for update: the new value; lookup: what was found). */
  value?: string;
  hit: boolean;
  /** Why this op happened, in a few words ("source identity", "slot 2 of 2"). */
  note?: string;
  /** The same `note` as words for the page's language (the CLI and goldens print `note`). */
  noteWords?: Message;
  /**
   * The value's own words in the reader's language, where the value text ends in
   * English the page must not show as is: a cilium_policy row's origin (the text's
   * parenthetical, which the CLI keeps).
   */
  words?: Message;
}

/** Closed union of hop kinds; the first five names come from the product brief. */
export type HopKind =
  | 'send'
  | 'arp-proxy'
  | 'socket-lb-rewrite'
  | 'socket-rev-nat'
  | 'service-lb'
  | 'service-rev-nat'
  | 'lxc-ingress'
  | 'conntrack'
  | 'ipcache-lookup'
  | 'endpoint-lookup'
  | 'policy'
  | 'native-routing'
  | 'netdev-egress'
  | 'snat'
  | 'wire'
  | 'netdev-ingress'
  | 'rev-snat'
  | 'tunnel-encap'
  | 'tunnel-decap'
  | 'kernel-stack'
  | 'iptables'
  | 'deliver'
  | 'drop';

export type Verdict = 'FORWARDED' | 'DROPPED' | 'TRANSLATED' | 'TRACED' | 'ERROR';

/** Hubble / monitor observation points (bpf/lib/trace.h, flow.proto). */
export type ObservationPoint =
  | 'to-endpoint'
  | 'to-proxy'
  | 'to-host'
  | 'to-stack'
  | 'to-overlay'
  | 'to-network'
  | 'from-endpoint'
  | 'from-host'
  | 'from-stack'
  | 'from-overlay'
  | 'from-network';

/** Socket-LB translation points (Hubble sock_xlate_point). */
export type SockXlatePoint = 'pre-xlate-fwd' | 'post-xlate-fwd' | 'pre-xlate-rev' | 'post-xlate-rev';

/** Conntrack result as bpf/lib/conntrack.h names it. */
export type CtState = 'new' | 'established' | 'reply' | 'related';

/** An address and port as a socket call names them. */
export interface SockAddr {
  ip: Ipv4;
  port: number;
}

/**
 * A socket call a cgroup hook of bpf_sock.c runs in (connect4, sendmsg4, recvmsg4, getpeername4).
 * There is no packet at that point: connect() has not even chosen the source port. The hop
 * shows the socket's addresses instead: the peer the application named and the one the
 * socket LB put in its place.
 */
export interface SocketCall {
  /** The system call the hook runs in. */
  call: 'connect' | 'sendmsg' | 'recvmsg' | 'getpeername';
  proto: 'TCP' | 'UDP';
  /** The socket's own address; port 0 while the kernel has not bound one (before connect() returns). */
  local: SockAddr;
  /** The peer as the call carried it into the hook, and as it left it (equal when nothing was translated). */
  peerBefore: SockAddr;
  peerAfter: SockAddr;
  /** `request` for calls that send (connect, sendmsg), `reply` for those that receive or ask back. */
  direction: 'request' | 'reply';
  /** The conversation's packet the call comes before (connect, sendmsg) or after (recvmsg, getpeername). */
  packetId: number;
}

export interface HopEvent {
  seq: number;
  /** The packet after the hop; undefined for a socket hop (see `socket`): no packet exists there. */
  packet?: Packet;
  /** A socket hop's call and addresses (exactly the hops that have no packet). */
  socket?: SocketCall;
  kind: HopKind;
  /** Where the hop happens; the UI and the capture switch on it. node, iface, hook, pod and peer derive from it. */
  place: Place;
  node: string;
  /** Interface where the hop happens (`ens5`, `lxc1a2b…`, `eth0`, `socket`, `host` for the kernel stack). */
  iface: string;
  /** The attach point: `tc-ingress`, `tc-egress`, `cgroup/connect4`, `wire`, `netns`. */
  hook: Hook;
  /** BPF program entry (`cil_from_container`) or kernel component. */
  program: string;
  /** The Cilium function this hop models, `bpf/bpf_lxc.c: handle_ipv4_from_lxc`. */
  source: string;
  maps: MapOp[];
  verdict?: Verdict;
  drop?: { code: number; reason: string };
  observation?: ObservationPoint;
  sockXlate?: SockXlatePoint;
  /** Conntrack state of the packet as this hop saw it (Hubble's trace_reason). */
  ctState?: CtState;
  /** Security identities involved at this hop, when known. */
  srcIdentity?: number;
  dstIdentity?: number;
  /** Destination endpoint id for to-endpoint / drops at ingress. */
  dstEndpoint?: number;
  /** For `policy` hops: the decision, as a policy-verdict notification would carry it. */
  policyVerdict?: PolicyVerdict;
  /** For `wire`: where the packet arrives; from `place`. */
  peer?: WirePeer;
  /** Syscalls of the client this hop answers (strace view), as strace prints them. */
  syscalls?: string[];
  /** `namespace/name` of the pod whose netns (iface `eth0`) or socket this hop is in; from `place`. */
  pod?: string;
  /** One plain sentence, what happened and why: a message id + params, rendered at the edge in the reader's language. */
  explain: Message;
}

/** A policy decision (bpf/lib/policy_log.h send_policy_verdict_notify, plus the agent's reasoning). */
export interface PolicyVerdict {
  direction: 'ingress' | 'egress';
  allowed: boolean;
  /** A deny rule matched (181) rather than no allow rule (133). */
  deny: boolean;
  /** Hubble's match type: L3-L4, L4-Only, L3-Only, L3-Proto, Proto-Only, all, none. */
  match: string;
  /** Enforcement is on in this direction: only then is a verdict notification sent. */
  enforced: boolean;
  /** `namespace/name` of the policy that decided, when one did. */
  policy?: string;
  rule: string;
  /** `rule` as a message, for the reader's language. */
  ruleMessage: Message;
  remoteIdentity: number;
}

export type FlowProto = 'icmp' | 'tcp' | 'udp';

/** What the user asked for, resolved against the model. */
export interface FlowSpec {
  from: string;
  to: string;
  proto: FlowProto;
  port?: number;
  seed: number;
}

export type FlowEndpoint =
  | { kind: 'pod'; namespace: string; name: string; node: string; ip: Ipv4; hostNetwork: boolean }
  | { kind: 'node'; node: string; ip: Ipv4 }
  | { kind: 'service'; namespace: string; name: string; ip: Ipv4; port: number }
  | { kind: 'ip'; ip: Ipv4 };

export interface TraceOutcome {
  status: 'completed' | 'dropped' | 'failed';
  /** One sentence (`the TCP exchange completed: ...`, `packet 1 dropped: Policy denied`), rendered at the edge. */
  message: Message;
}

export interface Trace {
  flow: FlowSpec;
  client: FlowEndpoint;
  server: FlowEndpoint;
  /** Resolved backend when the destination was a service. */
  backend?: FlowEndpoint & { kind: 'pod' | 'ip' | 'node' };
  events: HopEvent[];
  outcome: TraceOutcome;
}

/** Request or reply: the packet's, or the socket call's. */
export const hopDirection = (e: HopEvent): 'request' | 'reply' => e.packet?.direction ?? e.socket?.direction ?? 'request';
/** The conversation's packet ordinal a hop belongs to (a socket call: the packet it comes before or after). */
export const hopPacketId = (e: HopEvent): number => e.packet?.id ?? e.socket?.packetId ?? 0;
