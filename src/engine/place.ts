/**
 * Where a hop happens, as a closed union the UI and the capture switch on
 * (never on interface or hook names). The event's flat `node`, `iface`,
 * `hook`, `pod` and `peer` fields (DESIGN §4, `--format json`) are derived
 * from it by the walk, so the two never disagree.
 */

/** cgroup hooks of bpf_sock.c: the socket calls themselves, before (or after) any packet. */
export type SocketHook = 'cgroup/connect4' | 'cgroup/sendmsg4' | 'cgroup/recvmsg4' | 'cgroup/getpeername4';
/** Which side of a device a tc-style program runs on (the clsact parent the loader passes). */
export type TcDirection = 'ingress' | 'egress';
/**
 * How the loader attached the programs (pkg/datapath/loader/tc.go attachSKBProgram): legacy clsact
 * filters, tcx links (`enable-tcx`, kernel 6.6+), or a netkit device's own hooks (`datapath-mode: netkit`).
 */
export type AttachMode = 'tc' | 'tcx' | 'netkit';
/**
 * The attach point as `bpftool net show` names it. Legacy tc keeps this project's `tc-ingress`
 * label (bpftool prints `clsact/ingress`); tcx and netkit are bpftool's own names. On netkit, the
 * host-side tc ingress program (cil_from_container) runs at the peer's xmit and tc egress
 * (cil_to_container) at the primary's (pkg/datapath/loader/netkit.go parentToNetkitType).
 */
export type TcHook = 'tc-ingress' | 'tc-egress' | 'tcx/ingress' | 'tcx/egress' | 'netkit/peer' | 'netkit/primary';

const HOOKS: Record<AttachMode, Record<TcDirection, TcHook>> = {
  tc: { ingress: 'tc-ingress', egress: 'tc-egress' },
  tcx: { ingress: 'tcx/ingress', egress: 'tcx/egress' },
  netkit: { ingress: 'netkit/peer', egress: 'netkit/primary' },
};

/** The hook a program attached in `mode` at `dir` runs at. */
export const tcHook = (mode: AttachMode, dir: TcDirection): TcHook => HOOKS[mode][dir];

/** The direction of a tc hook, whatever the attach mode. */
export const tcDirection = (hook: TcHook): TcDirection =>
  hook === 'tc-ingress' || hook === 'tcx/ingress' || hook === 'netkit/peer' ? 'ingress' : 'egress';
/** netfilter hooks of the host's stack (kube-proxy, iptables MASQUERADE). */
export type NetfilterHook = 'netfilter PREROUTING' | 'netfilter OUTPUT' | 'netfilter POSTROUTING';
/** Every attach point a hop can name: `netns` is a network namespace's own stack, `wire` the network. */
export type Hook = SocketHook | TcHook | NetfilterHook | 'netns' | 'wire';

/** The far end of the wire: a node's device, or the world's pseudo-interface. */
export interface WirePeer {
  node: string;
  iface: string;
}

export type Place =
  /** A client's socket call (cgroup/connect4 ...); `pod` is undefined for the host's own socket. */
  | { kind: 'socket'; node: string; pod: string | undefined; hook: SocketHook }
  /** Inside a pod's network namespace, at its eth0. */
  | { kind: 'pod'; node: string; pod: string }
  /** A tc hook on a device of the node (an lxc, the netdev, cilium_host, the overlay device). */
  | { kind: 'tc'; node: string; iface: string; hook: TcHook }
  /** The node's own kernel stack (routing, local delivery) or one of its netfilter hooks. */
  | { kind: 'stack'; node: string; hook: 'netns' | NetfilterHook }
  /** netfilter POSTROUTING as the packet leaves by a device (MASQUERADE names the out device). */
  | { kind: 'postrouting'; node: string; dev: string }
  /** On the wire, leaving `iface` of `node`; `peer` is where it arrives, when anywhere. */
  | { kind: 'wire'; node: string; iface: string; peer: WirePeer | undefined };

/** The interface name the event's flat `iface` field shows (`socket`, `eth0`, `host` for the stack). */
export function ifaceOf(p: Place): string {
  switch (p.kind) {
    case 'socket':
      return 'socket';
    case 'pod':
      return 'eth0';
    case 'tc':
    case 'wire':
      return p.iface;
    case 'stack':
      return 'host';
    case 'postrouting':
      return p.dev;
    default: {
      const never: never = p;
      throw new Error(`unknown place ${String(never)}`);
    }
  }
}

/** The attach point the event's flat `hook` field shows. */
export function hookOf(p: Place): Hook {
  switch (p.kind) {
    case 'socket':
    case 'tc':
    case 'stack':
      return p.hook;
    case 'pod':
      return 'netns';
    case 'postrouting':
      return 'netfilter POSTROUTING';
    case 'wire':
      return 'wire';
    default: {
      const never: never = p;
      throw new Error(`unknown place ${String(never)}`);
    }
  }
}

/** The pod whose netns (or socket) the place is in, if any. */
export const podOf = (p: Place): string | undefined => (p.kind === 'pod' || p.kind === 'socket' ? p.pod : undefined);

/** Where a wire place arrives, if anywhere. */
export const peerOf = (p: Place): WirePeer | undefined => (p.kind === 'wire' ? p.peer : undefined);

/** Shorthands for the places programs name most. */
export const tcAt = (node: string, iface: string, hook: TcHook): Place & { kind: 'tc' } => ({ kind: 'tc', node, iface, hook });
export const stackAt = (node: string): Place & { kind: 'stack' } => ({ kind: 'stack', node, hook: 'netns' });
export const podAt = (node: string, pod: string): Place & { kind: 'pod' } => ({ kind: 'pod', node, pod });

/** The flat fields of an event at `p` (DESIGN §4), with the place itself: for builders outside the walk. */
export function placeFields(p: Place): { place: Place; node: string; iface: string; hook: Hook; pod?: string; peer?: WirePeer } {
  return { node: p.node, iface: ifaceOf(p), hook: hookOf(p), pod: podOf(p), peer: peerOf(p), place: p };
}
