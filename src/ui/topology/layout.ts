/**
 * Topology geometry as pure functions (tested in Node). Units are the SVG's
 * viewBox units. Nodes sit in a grid; inside a node, pods sit in columns
 * above their lxc ports, the host interfaces (cilium_host, cilium_net,
 * lxc_health, the tunnel device) in a strip below with a free passage above
 * the device, and the device (ens5) at the bottom, joined to the node
 * network bus. Packets going from an lxc to the device drop through that
 * passage: under BPF host routing they never touch cilium_host, so the
 * drawing must not route them over it.
 *
 * Two modes. The normal view of a small cluster (up to FOCUS_ABOVE nodes)
 * draws every node. Focus (presenter mode, or a bigger cluster) draws the
 * nodes and pods the flow touches full size and folds the others into a
 * strip grouped by zone (fold.ts); a node shows the flow's pods and "+N".
 * The marker's words live in a fixed callout at the bottom, clear of every
 * label, so the layout never depends on the hop.
 */
import type { ScenarioSummary, SummaryIface, SummaryNode, SummaryPod } from '../../worker/summary.ts';
import { foldStrip, type FoldLayout, type FoldText } from './fold.ts';
import type { Focus } from './focus.ts';
import { monoWidth, sansWidth, TYPE_NORMAL, TYPE_PRESENTER, type TypeScale } from './type-scale.ts';

import { fit, REST, rest, type Box, type Point } from './geometry.ts';
import { focusCell, focusNodeNeeds, layoutFocusNode } from './focus-node.ts';

export { REST, rest, type Box, type Point };

/**
 * The "kernel stack" box, in the node header's right corner, clear of the pods: kube-proxy's iptables and
 * legacy host routing pass through here between the ports. Its anchor is its right end, on the node's edge:
 * the way to and from the kernel runs down that edge. The full and the focused node draw it the same way.
 */
export function stackPort(node: string, box: Box, label: string, t: TypeScale): PortLayout {
  const w = Math.min(sansWidth(label, t.port) + 14, box.w * 0.5);
  const h = t.port + 10;
  return {
    node, iface: 'host', kind: 'stack', label,
    box: { x: box.x + box.w - w - 6, y: box.y + 5, w, h },
    anchor: { x: box.x + box.w - 3, y: box.y + 5 + h / 2 },
    size: t.port, subSize: t.sub,
  };
}

export interface PortLayout {
  node: string;
  iface: string;
  kind: SummaryIface['kind'] | 'eth0' | 'stack';
  label: string;
  /** Second line: the address on it, when it has one. */
  sub?: string;
  box: Box;
  /** Where the packet sits when it is at this port. */
  anchor: Point;
  /** Font sizes (viewBox units) of the label and the second line. */
  size: number;
  subSize: number;
  /** The address on the same line as the name (the device in focus, to save the room's height). */
  inline?: boolean;
  /** In the compare view's shared drawing: a device only this side has (shared.ts). */
  only?: 'a' | 'b';
}

export interface PodLayout {
  pod: SummaryPod;
  box: Box;
  eth0: PortLayout;
  lxc: PortLayout;
  /** Characters of the name that fit. */
  nameMax: number;
  /** Baselines of the name and IP (and where the IP starts), and the veth line from eth0 down to the lxc. */
  nameY: number;
  ipY: number;
  ipX?: number;
  veth: { x: number; y1: number; y2: number };
}

export interface NodeLayout {
  name: string;
  ip: string;
  box: Box;
  pods: PodLayout[];
  hiddenPods: number;
  /** Host-side ports by interface name (ens5, cilium_host, cilium_net, lxc_health, overlay). */
  ports: PortLayout[];
  device: PortLayout;
  /** The node's kernel (host netns routing, netfilter): where `host` hops happen. */
  stack: PortLayout;
  /** y of the network bus this node's device hangs on. */
  busY: number;
  /** Free lanes a path runs along: under the pods (above the host strip), and above the device. */
  channelY: number;
  lowChannelY: number;
  /** x of the free passage in the host strip (between the pods' lane and the device's). */
  passageX: number;
  /** Characters of the node's name that fit beside the kernel box. */
  nameMax: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  type: TypeScale;
  /** The flow's nodes full size and the rest folded (presenter mode, or a big cluster). */
  focus: boolean;
  nodes: NodeLayout[];
  fold: FoldLayout | undefined;
  /** Horizontal bus segments (one per row of nodes) and the trunk joining them. */
  bus: { x1: number; x2: number; y: number }[];
  trunk: { x: number; y1: number; y2: number } | undefined;
  outside: Box;
  /** Where the marker's words are written, with a leader line to the marker. */
  callout: Box;
  calloutLines: number;
}

export const SIZES = {
  gap: 14,
  podW: 112,
  passage: 20,
  outsideW: 190,
} as const;

export interface LayoutOptions {
  width: number;
  height: number;
  /** Pod keys to keep visible when a node must hide some (the flow's pods). */
  priority?: ReadonlySet<string>;
  /** Focus mode: these nodes and pods full size, every other node folded. */
  focus?: Focus;
  presenter?: boolean;
  /** Lines the callout holds for this flow (3 when a hop has an outer header or a drop). */
  calloutLines?: number;
  /** Room kept free at the bottom left (the legend button) and at the top right (the search box). */
  reserveLeft?: number;
  reserveTop?: number;
  foldText?: FoldText;
  stackLabel?: string;
  outsideLabel?: string;
}

const DEFAULT_FOLD: FoldText = {
  node: (name, pods) => `${name} · ${pods}`,
  zone: (zone, nodes, pods) => `${zone ?? '-'}: ${nodes} / ${pods}`,
};

/** Per-type geometry of one node's parts (the normal view keeps the lab's compact cells). */
export function parts(t: TypeScale, focus = false) {
  const eth0H = t.eth0 + 7;
  const lxcH = t.port + 9;
  const podBoxH = 4 + t.podName + 4 + t.sub + 6 + eth0H / 2;
  const twoLines = t.port + t.sub + 10;
  return {
    headerH: 5 + t.nodeName + 4 + t.sub + 9,
    eth0H,
    podBoxH,
    lxcH,
    podCellH: podBoxH + eth0H / 2 + 4 + lxcH + 6,
    stripH: twoLines,
    devH: focus ? t.port + 10 : twoLines,
    busGap: t.chip + 10,
  };
}

/** Height below the pods: channel, host strip, low channel, device, margin. */
function bottomParts(t: TypeScale, focus = false): number {
  const p = parts(t, focus);
  return (focus ? 6 + p.stripH + 6 + p.devH + 4 : 8 + p.stripH + 8 + p.devH + 5);
}

function podWidth(pods: readonly SummaryPod[], t: TypeScale, fitToText: boolean): number {
  if (!fitToText) return SIZES.podW;
  let w: number = SIZES.podW;
  for (const p of pods) {
    // The lxc shows its MAC at the ARP hop: room for that too.
    w = Math.max(w, monoWidth(p.lxc, t.port) + 12, monoWidth(p.mac, t.portMin) + 12, monoWidth(p.ip, t.sub) + focusCell(t).eth0W + 20, Math.min(sansWidth(p.name, t.podName), sansWidth('m'.repeat(9), t.podName)) + 14);
  }
  return w;
}

/** Desired width of a host-strip port (name and address on two lines). */
export function stripPortW(i: SummaryIface, t: TypeScale, px = t.port): number {
  return Math.max(monoWidth(i.name, px), monoWidth(i.ip ?? '', Math.min(px, t.sub))) + 9;
}

const HOST_KINDS = new Set<string>(['cilium_host', 'cilium_net', 'lxc_health', 'overlay']);

/** The host strip's interfaces: all of them, or in focus cilium_host and those the flow passes. */
function stripOf(n: SummaryNode, focus: Focus | undefined): SummaryIface[] {
  const strip = n.interfaces.filter((i) => HOST_KINDS.has(i.kind));
  const used = focus?.ifaces;
  if (!used) return strip;
  return strip.filter((i) => i.kind === 'cilium_host' || used.has(`${n.name}/${i.name}`));
}

/** Width a node needs to hold its strip (with the passage), its device, its header and one pod column. */
function nodeMinW(n: SummaryNode, t: TypeScale, podW: number, stackW: number, focus: Focus | undefined): number {
  const strip = stripOf(n, focus);
  // As narrow as the smallest type allows (the normal view shrinks long names; presenter never does).
  const stripW = strip.reduce((s, i) => s + stripPortW(i, t, t.portMin), 0) + Math.max(0, strip.length - 1) * 6 + SIZES.passage;
  const devW = Math.max(monoWidth(n.device, t.portMin), monoWidth(n.ip, Math.min(t.sub, t.portMin))) + 24;
  const header = Math.min(sansWidth(n.name, t.nodeName), sansWidth('m'.repeat(10), t.nodeName)) + stackW + 24;
  return Math.max(stripW + 16, devW + 16, podW + 16, header);
}

/**
 * Columns x rows of the node grid: the arrangement that needs the least
 * shrinking to fit the area (so type stays largest), then the one whose
 * node boxes are closest to 1.4:1, then the one with fewer empty cells.
 */
export function nodeGrid(n: number, width: number, height: number, min: { w: number; h: number } = MIN_NODE): { cols: number; rows: number } {
  let best = { cols: Math.max(1, n), rows: 1, score: -Infinity };
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols);
    if (rows > 1 && cols * (rows - 1) >= n) continue;
    const needW = cols * min.w + SIZES.gap * (cols + 1);
    const needH = rows * (min.h + 36);
    const scale = Math.min(1, width / needW, height / needH);
    const aspect = Math.abs(Math.log(width / cols / (height / rows) / 1.4));
    const score = scale * 10 - aspect * 0.5 - (cols * rows - n) * 0.2;
    if (score > best.score + 1e-9) best = { cols, rows, score };
  }
  return { cols: best.cols, rows: best.rows };
}

/** Smallest node box of the normal view that still holds one pod, the host strip and the device legibly. */
export const MIN_NODE = {
  w: SIZES.podW + 88,
  h: parts(TYPE_NORMAL).headerH + parts(TYPE_NORMAL).podCellH + bottomParts(TYPE_NORMAL),
} as const;

/**
 * Lays the cluster out in a canvas at least `width` x `height`; when the
 * nodes cannot fit legibly it grows the canvas instead of shrinking the
 * boxes, and the SVG's viewBox scales the whole drawing to its element.
 */
export function layoutTopology(summary: ScenarioSummary, opts: LayoutOptions): TopologyLayout {
  const t = opts.presenter ? TYPE_PRESENTER : TYPE_NORMAL;
  const p = parts(t, opts.focus !== undefined);
  const { gap } = SIZES;
  const focus = opts.focus;
  const full = focus ? summary.nodes.filter((n) => focus.nodes.has(n.name)) : summary.nodes;
  const folded = focus ? summary.nodes.filter((n) => !focus.nodes.has(n.name)) : [];
  const width0 = Math.max(480, opts.width);
  const height0 = Math.max(320, opts.height);
  const calloutLines = opts.calloutLines ?? 2;
  const calloutH = 10 + t.label + 6 + (calloutLines - 1) * (t.sublabel + 6);
  const outsideLabel = opts.outsideLabel ?? 'Outside world';
  const outsideW = Math.max(SIZES.outsideW, sansWidth(outsideLabel, t.chip) + 36);
  const bandH = Math.max(calloutH, t.chip + 18) + 5;

  // The context strip on top (focus mode only), leaving the search box its corner.
  const reserveTop = opts.reserveTop ?? 0;
  // A narrow pane with wide tools leaves the strip no room beside them: it then goes under them, full width.
  const besideTools = width0 - 2 * gap - reserveTop >= width0 * 0.4;
  const stripArea = besideTools
    ? { x: gap, y: gap / 2, w: width0 - 2 * gap - reserveTop, h: 0 }
    : { x: gap, y: t.chip + 24, w: width0 - 2 * gap, h: 0 };
  const fold = folded.length ? foldStrip(folded, stripArea, t, opts.foldText ?? DEFAULT_FOLD, opts.presenter ? 1 : 2) : undefined;
  const top = fold ? fold.box.y + fold.box.h + gap * 0.5 : reserveTop > 0 ? t.chip + 24 : gap;

  // Which pods each full node shows: focus, the flow's (and pinned) pods; normal, as many as fit, the flow's first.
  const shownOf = (n: SummaryNode) => (focus ? n.pods.filter((x) => focus.pods.has(x.key)) : n.pods);
  const podW = podWidth(full.flatMap(shownOf), t, focus !== undefined);
  const stackLabel = opts.stackLabel ?? 'kernel';
  const stackW = sansWidth(stackLabel, t.port) + 14;
  const needs = (x: SummaryNode, w?: number) => focusNodeNeeds(x, t, podW, stackW, stripOf(x, focus), shownOf(x).length, w);
  const minW = Math.max(focus ? 0 : MIN_NODE.w, ...full.map((x) => (focus ? needs(x).w : nodeMinW(x, t, podW, stackW, focus))));
  const n = full.length;
  const oneRowH = focus ? Math.max(0, ...full.map((x) => needs(x).h)) : p.headerH + p.podCellH + bottomParts(t);
  const { cols, rows } = n === 0 ? { cols: 1, rows: 0 } : nodeGrid(n, width0, height0 - top - bandH, { w: minW, h: oneRowH });
  const width = Math.max(width0, cols * minW + gap * (cols + 1));
  // Focus: as tall as the flow's pods need at the width the nodes really get.
  const minH = focus ? Math.max(0, ...full.map((x) => needs(x, (width - gap * (cols + 1)) / cols).h)) : oneRowH;
  const rowBand = rows ? Math.max(minH + p.busGap + gap * 0.5, (height0 - top - bandH - gap * 0.5) / rows) : 0;
  const height = Math.max(height0, top + rows * rowBand + bandH + gap * 0.5);
  const nodeW = (width - gap * (cols + 1)) / cols;
  const nodeH = rowBand - p.busGap - gap * 0.5;
  const nodes: NodeLayout[] = full.map((node, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const box = { x: gap + col * (nodeW + gap), y: top + row * rowBand, w: nodeW, h: nodeH };
    const lay = focus ? layoutFocusNode : layoutNode;
    return lay(node, box, box.y + nodeH + p.busGap - 2, { t, podW, shown: shownOf(node), priority: opts.priority, stackLabel, focus: focus !== undefined, strip: stripOf(node, focus) });
  });
  const bus = Array.from({ length: rows }, (_, r) => ({ x1: gap / 2, x2: width - gap / 2, y: top + r * rowBand + nodeH + p.busGap - 2 }));
  const lastBusY = bus[bus.length - 1]?.y ?? top;
  const bandY = lastBusY + 8;
  const outside = { x: width - gap - outsideW, y: bandY + (bandH - 10 - (t.chip + 18)) / 2, w: outsideW, h: t.chip + 18 };
  const calloutX = (opts.reserveLeft ?? 0) + gap;
  const callout = { x: calloutX, y: bandY, w: Math.max(120, outside.x - gap - calloutX), h: calloutH };
  const trunk = rows > 1 ? { x: gap / 2, y1: bus[0]?.y ?? 0, y2: lastBusY } : undefined;
  return { width, height, type: t, focus: focus !== undefined, nodes, fold, bus, trunk, outside, callout, calloutLines };
}

/** How many pod columns and rows fit in a node box. */
export function podGrid(box: Box, count: number, t: TypeScale = TYPE_NORMAL, podW: number = SIZES.podW, focus = false): { cols: number; rows: number; capacity: number } {
  const p = parts(t, focus);
  const cols = Math.max(1, Math.floor((box.w - 16 + 6) / (podW + 6)));
  const free = box.h - p.headerH - bottomParts(t, focus);
  const rows = Math.max(1, Math.floor(free / p.podCellH));
  const capacity = cols * rows;
  const usedRows = Math.max(1, Math.min(rows, Math.ceil(count / cols)));
  return { cols: Math.min(cols, Math.max(1, count)), rows: usedRows, capacity };
}

export interface NodeOpts {
  t: TypeScale;
  podW: number;
  /** Candidate pods (focus: the flow's; normal: all), cut to what fits with `priority` first. */
  shown: readonly SummaryPod[];
  priority: ReadonlySet<string> | undefined;
  stackLabel: string;
  focus: boolean;
  strip: SummaryIface[];
}

function layoutNode(node: SummaryNode, box: Box, busY: number, o: NodeOpts): NodeLayout {
  const { t } = o;
  const p = parts(t, o.focus);
  const grid = podGrid(box, o.shown.length, t, o.podW, o.focus);
  // Keep the flow's pods when some must be hidden; otherwise the scenario's order.
  const ordered = [...o.shown].sort((a, b) => Number(o.priority?.has(b.key) ?? 0) - Number(o.priority?.has(a.key) ?? 0));
  const keep = new Set(ordered.slice(0, grid.capacity));
  const visible = node.pods.filter((x) => keep.has(x));
  const hiddenPods = node.pods.length - visible.length;
  const cellW = (box.w - 10) / grid.cols;
  const pods: PodLayout[] = visible.map((pod, i) => {
    const c = i % grid.cols;
    const r = Math.floor(i / grid.cols);
    const w = Math.min(o.podW, cellW - 6);
    const x = box.x + 5 + c * cellW + (cellW - w) / 2;
    const y = box.y + p.headerH + r * p.podCellH;
    const podBox = { x, y, w, h: p.podBoxH };
    const eth0W = monoWidth('eth0', t.eth0) + 12;
    const eth0Y = y + p.podBoxH - p.eth0H / 2;
    const eth0: PortLayout = {
      node: node.name, iface: `eth0@${pod.key}`, kind: 'eth0', label: 'eth0',
      box: { x: x + w / 2 - eth0W / 2, y: eth0Y, w: eth0W, h: p.eth0H },
      anchor: rest({ x: x + w / 2 - eth0W / 2, y: eth0Y, w: eth0W, h: p.eth0H }),
      size: t.eth0, subSize: t.sub,
    };
    const lxcY = eth0Y + p.eth0H + 5;
    const lxc: PortLayout = {
      node: node.name, iface: pod.lxc, kind: 'lxc', label: pod.lxc,
      box: { x, y: lxcY, w, h: p.lxcH },
      anchor: rest({ x, y: lxcY, w, h: p.lxcH }),
      size: fit(pod.lxc, w, t.port, t.portMin), subSize: t.sub,
    };
    return {
      pod, box: podBox, eth0, lxc, nameMax: Math.floor((w - 12) / (t.podName * 0.6)),
      nameY: y + 3 + t.podName * 0.92, ipY: y + 8 + t.podName + t.sub * 0.8,
      veth: { x: x + w / 2, y1: eth0Y + p.eth0H, y2: lxcY },
    };
  });

  const devY = box.y + box.h - (o.focus ? 4 : 5) - p.devH;
  const stripY = devY - (o.focus ? 6 : 8) - p.stripH;
  const ports = stripPorts(node, o.strip, box, stripY, p.stripH, t);
  const passageX = ports.passageX;
  // In focus the device is one line (`ens5 192.168.10.10`): the room's height goes to the pods.
  const devText = o.focus ? monoWidth(`${node.device} ${node.ip}`, t.port) : Math.max(monoWidth(node.device, t.port), monoWidth(node.ip, t.sub));
  const devW = Math.min(box.w - 16, devText + 24, o.focus ? Infinity : 230);
  // The device starts at the passage: the marker rests on its left edge, right under the passage.
  const devX = Math.max(box.x + 8, Math.min(passageX + REST, box.x + box.w - 8 - devW));
  const device: PortLayout = {
    node: node.name, iface: node.device, kind: 'netdev', label: node.device, sub: node.ip,
    box: { x: devX, y: devY, w: devW, h: p.devH },
    anchor: rest({ x: devX, y: devY, w: devW, h: p.devH }),
    size: fit(node.device, devW, t.port, t.portMin), subSize: fit(node.ip, devW, t.sub, t.portMin),
    ...(o.focus ? { inline: true, size: t.port, subSize: t.port } : {}),
  };
  const stack = stackPort(node.name, box, o.stackLabel, t);
  const stackW = stack.box.w;
  const nameMax = Math.max(4, Math.floor((box.w - stackW - 24) / (t.nodeName * 0.62)));
  return {
    name: node.name, ip: node.ip, box, pods, hiddenPods, ports: [...ports.ports, device, stack], device, stack, busY,
    channelY: stripY - 4, lowChannelY: devY - 3, passageX, nameMax,
  };
}

/**
 * The host strip, left to right, with a free passage at the gap nearest the
 * middle: the device hangs under that passage, so a path from an lxc to the
 * device crosses no host port.
 */
function stripPorts(node: SummaryNode, strip: SummaryIface[], box: Box, y: number, h: number, t: TypeScale) {
  const inner = box.w - 16;
  const want = strip.map((i) => stripPortW(i, t));
  const fixed = Math.max(0, strip.length - 1) * 6 + SIZES.passage;
  const sum = want.reduce((s, w) => s + w, 0);
  // Wider when there is room (up to 1.3x), narrower (and smaller type, down to portMin) when not.
  const k = Math.min(1.3, (inner - fixed) / Math.max(1, sum));
  const widths = want.map((w) => w * k);
  const total = widths.reduce((s, w) => s + w, 0) + fixed;
  let split = 0;
  let best = Infinity;
  for (let i = 0, acc = 0; i <= strip.length; i++) {
    const d = Math.abs(acc - (total - SIZES.passage) / 2);
    if (d < best) [best, split] = [d, i];
    acc += (widths[i] ?? 0) + 6;
  }
  let x = box.x + 8 + (inner - total) / 2;
  let passageX = box.x + box.w / 2;
  const ports: PortLayout[] = strip.map((iface, i) => {
    if (i === split) {
      passageX = x + SIZES.passage / 2 - 3;
      x += SIZES.passage;
    }
    const w = widths[i] ?? 0;
    const port: PortLayout = {
      node: node.name, iface: iface.name, kind: iface.kind, label: iface.name,
      ...(iface.ip ? { sub: iface.ip } : {}),
      box: { x, y, w, h },
      anchor: rest({ x, y, w, h }),
      size: fit(iface.name, w, t.port, t.portMin), subSize: iface.ip ? fit(iface.ip, w, t.sub, t.portMin) : t.sub,
    };
    x += w + 6;
    return port;
  });
  if (split === strip.length) passageX = x + SIZES.passage / 2 - 3;
  return { ports, passageX };
}

export { TYPE_NORMAL, TYPE_PRESENTER };

/**
 * The zoom (screen px per viewBox unit) to draw at: as large as the pane
 * allows up to 2x, but lowered (never under 1) until the drawing fits the
 * pane without growing the canvas and, in the normal view, without hiding
 * pods, so the lab shows every pod at any screen size that holds them.
 */
export function fitZoom(lay: (zoom: number) => TopologyLayout, pane: { width: number; height: number }, base: { width: number; height: number }): { zoom: number; layout: TopologyLayout } {
  let zoom = Math.min(2, Math.max(1, Math.min(pane.width / base.width, pane.height / base.height)));
  let layout = lay(zoom);
  const crowded = (l: TopologyLayout, z: number) =>
    l.height > pane.height / z + 0.5 || l.width > pane.width / z + 0.5 || (!l.focus && l.nodes.some((n) => n.hiddenPods > 0));
  for (let i = 0; i < 12 && zoom > 1 && crowded(layout, zoom); i++) {
    zoom = Math.max(1, zoom * 0.93);
    layout = lay(zoom);
  }
  return { zoom, layout };
}
