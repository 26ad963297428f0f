/**
 * What a program returns besides its hops: where the packet goes next
 * (DESIGN §8). Either another program (or the kernel, or the wire) at a
 * place, which the walk's one loop (flow/dispatch.ts) runs next, or an end.
 * Every walk ends in an End, which is how the engine guarantees that every
 * packet is delivered, dropped with a reason, or leaves the cluster.
 */
import type { EndpointInfo, NodeDatapath } from '../derive/types.ts';
import type { Place } from '../place.ts';
import type { Packet } from '../trace.ts';
import type { Drop } from './drop.ts';
import type { SkbContext } from './types.ts';

export type Step =
  /** bpf_lxc at the tc ingress of the pod's lxc: everything a pod sends. */
  | { to: 'cil_from_container'; ep: EndpointInfo; packet: Packet }
  /**
   * The destination's policy program as a tail call in the current program's context, then
   * bpf_redirect_peer into the pod (ipv4_local_delivery with BPF host routing). `at` is where it runs.
   */
  | { to: 'handle_policy'; at: Place; ep: EndpointInfo; packet: Packet; skb: SkbContext }
  /** bpf_lxc at the tc egress of the pod's lxc: the kernel routed the packet there (legacy host routing). */
  | { to: 'cil_to_container'; ep: EndpointInfo; packet: Packet; skb: SkbContext }
  /** bpf_host at cilium_host's egress: the packet was routed into cilium_host. */
  | { to: 'cil_from_host'; node: NodeDatapath; packet: Packet; skb: SkbContext }
  /** bpf_host at the netdev's tc egress; then the wire towards `nextHop` (undefined: outside the cluster). */
  | { to: 'cil_to_netdev'; node: NodeDatapath; packet: Packet; skb: SkbContext; nextHop: NodeDatapath | undefined }
  /** bpf_host at the netdev's tc ingress: a packet off the wire. */
  | { to: 'cil_from_netdev'; node: NodeDatapath; packet: Packet }
  /** bpf_overlay at the overlay device's tc ingress, after the kernel decapsulated the packet. */
  | { to: 'cil_from_overlay'; node: NodeDatapath; packet: Packet }
  /** Handed to the node's kernel stack: routing, netfilter. `originated`: the node itself sends it. */
  | { to: 'stack'; node: NodeDatapath; packet: Packet; skb: SkbContext; originated: boolean }
  /** On the wire from `from`'s device to `nextHop`'s (undefined: outside the cluster). */
  | { to: 'wire'; from: NodeDatapath; packet: Packet; nextHop: NodeDatapath | undefined }
  /** On the wire from outside the cluster, towards whoever owns the destination. */
  | { to: 'from-world'; packet: Packet };

export type End =
  /** Delivered into a pod's eth0. */
  | { to: 'pod'; ep: EndpointInfo; packet: Packet }
  /** Delivered to the node's own stack (a local address). */
  | { to: 'host'; node: NodeDatapath; packet: Packet }
  /** Left the cluster: what happens outside is not modelled. */
  | { to: 'lost'; packet: Packet }
  /** Dropped, with the reason the hop already reported. */
  | { to: 'dropped'; packet: Packet; drop: Drop };

export type Next = Step | End;
