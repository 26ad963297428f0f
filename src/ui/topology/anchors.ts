/**
 * Where a hop happens on the drawing, and the path the packet marker takes
 * from the previous hop to it: along ports inside a node, down to the bus,
 * along the wire and up into the other node, or out to the world.
 */
import type { HopEvent } from '../../engine/index.ts';
import type { NodeLayout, Point, PortLayout, TopologyLayout } from './layout.ts';

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
      if (pod && at.kind === 'socket') return { node: n.name, point: { x: pod.box.x + pod.box.w / 2, y: pod.box.y + 12 }, port: pod.eth0, socket: true };
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

export function outsidePoint(layout: TopologyLayout): Point {
  const o = layout.outside;
  return { x: o.x + o.w / 2, y: o.y + o.h / 2 };
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
      const channel = n.device.box.y - 14;
      const side = (p: Point, port: PortLayout | undefined) => (port?.kind === 'stack' ? [p, { x: edge, y: p.y }] : [p, { x: p.x, y: channel }, { x: edge, y: channel }]);
      return [...side(a, from.port), ...side(b, to.port).reverse()];
    }
    if (Math.abs(a.x - b.x) < 1 || Math.abs(a.y - b.y) < 1) return [a, b];
    const channel = n ? n.device.box.y - 14 : (a.y + b.y) / 2;
    const midY = Math.min(Math.max(a.y, b.y), Math.max(Math.min(a.y, b.y), channel));
    return [a, { x: a.x, y: midY }, { x: b.x, y: midY }, b];
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
