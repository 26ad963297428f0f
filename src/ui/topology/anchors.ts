/**
 * Where a hop happens on the drawing, and the path the packet marker takes
 * from the previous hop to it: along ports inside a node, down to the bus,
 * along the wire and up into the other node, or out to the world.
 */
import type { HopEvent } from '../../engine/index.ts';
import { rest, type NodeLayout, type Point, type PortLayout, type TopologyLayout } from './layout.ts';

export interface Anchor {
  /** Node the point belongs to; undefined for the outside world. */
  node: string | undefined;
  point: Point;
  /** The port drawn there, to emphasise. */
  port?: PortLayout;
  /** A pod's socket (cgroup hooks) rather than a wire interface. */
  socket?: boolean;
}

function podByIp(n: NodeLayout | undefined, ip: string) {
  return n?.pods.find((p) => p.pod.ip === ip);
}

/** The pod an eth0/cgroup hop belongs to: the sender for sends, the receiver for deliveries. */
function podOfHop(ev: HopEvent, n: NodeLayout | undefined) {
  const named = ev.pod && n?.pods.find((x) => x.pod.key === ev.pod);
  if (named) return named;
  const p = ev.packet;
  let order: string[];
  // A socket hop has no packet: its socket's own address names the pod.
  if (!p) order = ev.socket ? [ev.socket.local.ip] : [];
  else if (ev.kind === 'arp-proxy' && p.arp) order = p.arp.op === 'reply' ? [p.arp.targetIp, p.dst] : [p.arp.senderIp, p.src];
  else if (ev.kind === 'deliver' || ev.kind === 'socket-rev-nat') order = [p.dst, p.src];
  else order = [p.src, p.dst];
  for (const ip of order) {
    const pod = podByIp(n, ip);
    if (pod) return pod;
  }
  return undefined;
}

export function findPort(layout: TopologyLayout, node: string, iface: string): PortLayout | undefined {
  const n = layout.nodes.find((x) => x.name === node);
  if (!n) return undefined;
  return n.ports.find((p) => p.iface === iface) ?? n.pods.find((p) => p.lxc.iface === iface)?.lxc;
}

export function hopAnchor(ev: HopEvent, layout: TopologyLayout): Anchor {
  const at = ev.place;
  if (at.kind === 'wire') {
    const peer = at.peer && findPort(layout, at.peer.node, at.peer.iface);
    if (peer) return { node: peer.node, point: peer.anchor, port: peer };
    return { node: undefined, point: outsidePoint(layout) };
  }
  const n = layout.nodes.find((x) => x.name === at.node);
  if (!n) return { node: undefined, point: outsidePoint(layout) };
  switch (at.kind) {
    case 'stack':
      // The host's own network stack (routing, netfilter).
      return { node: n.name, point: n.stack.anchor, port: n.stack };
    case 'socket':
    case 'pod': {
      // A pod's socket or its own netns (the place says so: a node's device may be called eth0 too).
      const pod = podOfHop(ev, n);
      // The socket is the pod's own: the marker rests on the pod box's left edge, beside its name.
      if (pod && at.kind === 'socket') return { node: n.name, point: rest(pod.box), port: pod.eth0, socket: true };
      if (pod) return { node: n.name, point: pod.eth0.anchor, port: pod.eth0 };
      break;
    }
    case 'tc':
      if (ev.kind === 'arp-proxy') {
        // The ARP reply is written by cil_from_container on the lxc and arrives at the pod's eth0.
        const pod = podOfHop(ev, n);
        if (pod) return { node: n.name, point: pod.eth0.anchor, port: pod.lxc };
      }
      break;
    case 'postrouting':
      // MASQUERADE as the packet leaves by the device: drawn on the device.
      break;
    default: {
      const never: never = at;
      throw new Error(`unknown place ${JSON.stringify(never)}`);
    }
  }
  const port = findPort(layout, n.name, ev.iface);
  if (port) return { node: n.name, point: port.anchor, port };
  return { node: n.name, point: { x: n.box.x + n.box.w / 2, y: n.box.y + n.box.h / 2 } };
}

/** On the outside box's left end, clear of its words. */
export function outsidePoint(layout: TopologyLayout): Point {
  const o = layout.outside;
  return { x: o.x + o.h / 2, y: o.y + o.h / 2 };
}

function nodeOf(layout: TopologyLayout, name: string | undefined): NodeLayout | undefined {
  return layout.nodes.find((n) => n.name === name);
}

/**
 * The polyline from one anchor to the next. Inside a node: down/across/up
 * through the gap between pods and the host strip. Between nodes (or to the
 * world): down to the bus under the sender, along it (through the trunk when
 * the rows differ), and up to the receiver.
 */
export function hopPath(from: Anchor | undefined, to: Anchor, layout: TopologyLayout, ev?: HopEvent): Point[] {
  // An encapsulated packet reaches the device through the overlay port (cilium_vxlan / cilium_geneve).
  const overlay = ev?.packet?.outer && ev.kind !== 'wire' && from?.node === to.node ? nodeOf(layout, to.node)?.ports.find((p) => p.kind === 'overlay') : undefined;
  if (from && overlay && from.port !== overlay && to.port !== overlay) {
    const via: Anchor = { node: to.node, point: overlay.anchor, port: overlay };
    return [...hopPath(from, via, layout), ...hopPath(via, to, layout).slice(1)];
  }
  if (ev?.kind === 'arp-proxy') {
    const port = to.port;
    if (port && port.kind === 'lxc') return [port.anchor, to.point];
  }
  if (!from) return [to.point];
  const a = from.point;
  const b = to.point;
  if (from.node !== undefined && from.node === to.node) {
    const n = nodeOf(layout, from.node);
    // The kernel-stack box sits in the header: go round the pods along the node's right edge.
    if (n && (from.port?.kind === 'stack' || to.port?.kind === 'stack') && from.port !== to.port) {
      const edge = n.box.x + n.box.w - 4;
      const channel = n.channelY;
      const side = (p: Point, port: PortLayout | undefined) => (port?.kind === 'stack' ? [p, { x: edge, y: p.y }] : [p, { x: p.x, y: channel }, { x: edge, y: channel }]);
      return [...side(a, from.port), ...side(b, to.port).reverse()];
    }
    if (!n) return [a, { x: a.x, y: (a.y + b.y) / 2 }, { x: b.x, y: (a.y + b.y) / 2 }, b];
    return lanePath(a, b, n);
  }
  const fromNode = nodeOf(layout, from.node);
  const toNode = nodeOf(layout, to.node);
  const busA = fromNode?.busY ?? layout.bus[layout.bus.length - 1]?.y ?? b.y;
  const busB = toNode?.busY ?? layout.bus[layout.bus.length - 1]?.y ?? a.y;
  const pts: Point[] = [a, { x: a.x, y: busA }];
  if (busA !== busB && layout.trunk) {
    pts.push({ x: layout.trunk.x, y: busA }, { x: layout.trunk.x, y: busB });
  }
  pts.push({ x: b.x, y: busB }, b);
  return pts;
}

/**
 * Inside one node, along the free lanes: the pods' lane under the lxc ports,
 * the passage through the host strip, the device's lane above the device.
 * An lxc to the device therefore goes down the passage and never crosses
 * cilium_host (BPF host routing redirects from the lxc straight to the
 * device; only legacy routing goes through the kernel box).
 */
export function lanePath(a: Point, b: Point, n: NodeLayout): Point[] {
  const level = (p: Point) => (p.y < n.channelY ? 0 : p.y < n.lowChannelY ? 1 : 2);
  const la = level(a);
  const lb = level(b);
  if (la > lb) return lanePath(b, a, n).reverse();
  if (Math.abs(a.x - b.x) < 1 && (la === lb || la + 1 === lb)) return [a, b];
  if (la === 0 && lb === 2) {
    const hi = n.channelY;
    const lo = n.lowChannelY;
    return dedupe([a, { x: a.x, y: hi }, { x: n.passageX, y: hi }, { x: n.passageX, y: lo }, { x: b.x, y: lo }, b]);
  }
  const lane = la === 0 ? n.channelY : n.lowChannelY;
  return dedupe([a, { x: a.x, y: lane }, { x: b.x, y: lane }, b]);
}

function dedupe(pts: Point[]): Point[] {
  return pts.filter((p, i) => i === 0 || Math.hypot(p.x - (pts[i - 1] as Point).x, p.y - (pts[i - 1] as Point).y) > 0.01);
}

/** Total length and a point at fraction t (0..1) along a polyline. */
export function pointAlong(pts: Point[], t: number): Point {
  const first = pts[0];
  if (!first) return { x: 0, y: 0 };
  const segs: number[] = [];
  let total = 0;
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i - 1] as Point;
    const q = pts[i] as Point;
    const d = Math.hypot(q.x - p.x, q.y - p.y);
    segs.push(d);
    total += d;
  }
  if (total === 0) return first;
  let left = Math.min(Math.max(t, 0), 1) * total;
  for (let i = 0; i < segs.length; i++) {
    const d = segs[i] as number;
    const p = pts[i] as Point;
    const q = pts[i + 1] as Point;
    if (left <= d || i === segs.length - 1) {
      const f = d === 0 ? 1 : Math.min(1, left / d);
      return { x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f };
    }
    left -= d;
  }
  return pts[pts.length - 1] as Point;
}
