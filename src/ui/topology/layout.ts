/**
 * Topology geometry as pure functions (tested in Node). Units are CSS pixels
 * of the SVG's viewBox. Nodes sit in a grid; inside a node, pods sit in
 * columns above their lxc ports, the host interfaces (cilium_host,
 * cilium_net, lxc_health) in a strip below, and ens5 on the bottom edge,
 * joined to the node network bus under each row of nodes. When a node has
 * more pods than fit legibly, the flow's own pods are kept and the rest
 * counted ("+3 more pods").
 */
import type { ScenarioSummary, SummaryIface, SummaryPod } from '../../worker/summary.ts';

export interface Point { x: number; y: number }
export interface Box { x: number; y: number; w: number; h: number }

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
}

export interface PodLayout {
  pod: SummaryPod;
  box: Box;
  eth0: PortLayout;
  lxc: PortLayout;
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
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: NodeLayout[];
  /** Horizontal bus segments (one per row of nodes) and the trunk joining them. */
  bus: { x1: number; x2: number; y: number }[];
  trunk: { x: number; y1: number; y2: number } | undefined;
  outside: Box;
}

export const SIZES = {
  gap: 14,
  nodeHeader: 44,
  podW: 112,
  podH: 40,
  portH: 24,
  podGap: 7,
  podCellH: 40 + 7 + 24 + 8,
  hostStripH: 34,
  deviceH: 34,
  busGap: 22,
  outsideH: 46,
  outsideW: 190,
} as const;

export interface LayoutOptions {
  width: number;
  height: number;
  /** Pod keys to keep visible when a node must hide some (the flow's pods). */
  priority?: ReadonlySet<string>;
}

/** Width and height the canvas needs for a grid of minimum-size nodes. */
function gridNeeds(cols: number, rows: number): { w: number; h: number } {
  const { gap, busGap, outsideH } = SIZES;
  return { w: cols * MIN_NODE.w + gap * (cols + 1), h: rows * (MIN_NODE.h + busGap + gap) + outsideH + gap };
}

/**
 * Columns x rows of the node grid: the arrangement that needs the least
 * shrinking to fit the area (so type stays largest), then the one whose
 * node boxes are closest to 1.4:1, then the one with fewer empty cells.
 */
export function nodeGrid(n: number, width: number, height: number): { cols: number; rows: number } {
  let best = { cols: Math.max(1, n), rows: 1, score: -Infinity };
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols);
    if (rows > 1 && cols * (rows - 1) >= n) continue;
    const need = gridNeeds(cols, rows);
    const scale = Math.min(1, width / need.w, height / need.h);
    const aspect = Math.abs(Math.log(width / cols / (height / rows) / 1.4));
    const score = scale * 10 - aspect * 0.5 - (cols * rows - n) * 0.2;
    if (score > best.score + 1e-9) best = { cols, rows, score };
  }
  return { cols: best.cols, rows: best.rows };
}

/** Smallest node box that still holds one pod, the host strip and the device legibly. */
export const MIN_NODE = {
  w: SIZES.podW + 88,
  h: SIZES.nodeHeader + SIZES.podCellH + SIZES.hostStripH + SIZES.deviceH + 16,
} as const;

/**
 * Lays the cluster out in a canvas at least `width` x `height`; when the
 * nodes cannot fit legibly it grows the canvas instead of shrinking the
 * boxes, and the SVG's viewBox scales the whole drawing to its element.
 */
export function layoutTopology(summary: ScenarioSummary, opts: LayoutOptions): TopologyLayout {
  const { gap, busGap, outsideH } = SIZES;
  const n = summary.nodes.length;
  const { cols, rows } = nodeGrid(n, Math.max(480, opts.width), Math.max(320, opts.height));
  const need = gridNeeds(cols, rows);
  const width = Math.max(480, opts.width, need.w);
  const height = Math.max(320, opts.height, need.h);
  const rowBand = (height - outsideH - gap) / rows;
  const nodeW = (width - gap * (cols + 1)) / cols;
  const nodeH = rowBand - busGap - gap;
  const nodes: NodeLayout[] = summary.nodes.map((node, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const box = { x: gap + col * (nodeW + gap), y: gap + row * rowBand, w: nodeW, h: nodeH };
    return layoutNode(node, box, box.y + nodeH + busGap * 0.6, opts.priority);
  });
  const bus = Array.from({ length: rows }, (_, r) => {
    const inRow = nodes.filter((_, i) => Math.floor(i / cols) === r);
    const y = inRow[0]?.busY ?? 0;
    return { x1: gap / 2, x2: width - gap / 2, y };
  });
  const lastBusY = bus[bus.length - 1]?.y ?? height - outsideH;
  const outside = { x: width - gap - SIZES.outsideW, y: lastBusY + 12, w: SIZES.outsideW, h: outsideH - 14 };
  const trunk = rows > 1 ? { x: gap / 2, y1: bus[0]?.y ?? 0, y2: lastBusY } : undefined;
  return { width, height, nodes, bus, trunk, outside };
}

/** How many pod columns and rows fit in a node box. */
export function podGrid(box: Box, count: number): { cols: number; rows: number; capacity: number } {
  const { podW, podCellH, nodeHeader, hostStripH, deviceH } = SIZES;
  const cols = Math.max(1, Math.floor((box.w - 16) / (podW + 6)));
  const free = box.h - nodeHeader - hostStripH - deviceH - 16;
  const rows = Math.max(1, Math.floor(free / podCellH));
  const capacity = cols * rows;
  const usedRows = Math.max(1, Math.min(rows, Math.ceil(count / cols)));
  return { cols: Math.min(cols, Math.max(1, count)), rows: usedRows, capacity };
}

function layoutNode(
  node: ScenarioSummary['nodes'][number],
  box: Box,
  busY: number,
  priority: ReadonlySet<string> | undefined,
): NodeLayout {
  const { podW, podH, portH, podGap, podCellH, nodeHeader, hostStripH, deviceH } = SIZES;
  const grid = podGrid(box, node.pods.length);
  // Keep the flow's pods when some must be hidden; otherwise the scenario's order.
  const ordered = [...node.pods].sort((a, b) => Number(priority?.has(b.key) ?? 0) - Number(priority?.has(a.key) ?? 0));
  const shown = ordered.slice(0, grid.capacity);
  const visible = node.pods.filter((p) => shown.includes(p));
  const hiddenPods = node.pods.length - visible.length;
  const cellW = (box.w - 16) / grid.cols;
  const pods: PodLayout[] = visible.map((pod, i) => {
    const c = i % grid.cols;
    const r = Math.floor(i / grid.cols);
    const w = Math.min(podW, cellW - 6);
    const x = box.x + 8 + c * cellW + (cellW - w) / 2;
    const y = box.y + nodeHeader + r * podCellH;
    const podBox = { x, y, w, h: podH };
    const eth0: PortLayout = {
      node: node.name,
      iface: `eth0@${pod.key}`,
      kind: 'eth0',
      label: 'eth0',
      box: { x: x + w / 2 - 22, y: y + podH - 10, w: 44, h: 18 },
      anchor: { x: x + w / 2, y: y + podH - 1 },
    };
    const lxcY = y + podH + podGap;
    const lxc: PortLayout = {
      node: node.name,
      iface: pod.lxc,
      kind: 'lxc',
      label: pod.lxc,
      box: { x, y: lxcY, w, h: portH },
      anchor: { x: x + w / 2, y: lxcY + portH / 2 },
    };
    return { pod, box: podBox, eth0, lxc };
  });
  const stripY = box.y + box.h - deviceH - hostStripH - 4;
  const hostIfaces = node.interfaces.filter((i) => i.kind === 'cilium_host' || i.kind === 'cilium_net' || i.kind === 'lxc_health' || i.kind === 'overlay');
  const slotW = (box.w - 16) / Math.max(1, hostIfaces.length);
  const ports: PortLayout[] = hostIfaces.map((iface, i) => {
    const w = slotW - 8;
    const x = box.x + 8 + i * slotW + 4;
    return {
      node: node.name,
      iface: iface.name,
      kind: iface.kind,
      label: iface.name,
      ...(iface.ip ? { sub: iface.ip } : {}),
      box: { x, y: stripY, w, h: hostStripH - 4 },
      anchor: { x: x + w / 2, y: stripY + (hostStripH - 4) / 2 },
    };
  });
  const devW = Math.min(box.w - 24, 230);
  const devY = box.y + box.h - deviceH;
  const device: PortLayout = {
    node: node.name,
    iface: node.device,
    kind: 'netdev',
    label: node.device,
    sub: node.ip,
    box: { x: box.x + (box.w - devW) / 2, y: devY, w: devW, h: deviceH - 6 },
    anchor: { x: box.x + box.w / 2, y: devY + (deviceH - 6) / 2 },
  };
  ports.push(device);
  // In the header's right corner, clear of the pods: kube-proxy's iptables and
  // legacy host routing pass through here between the ports.
  const stackW = Math.min(116, box.w * 0.42);
  const stack: PortLayout = {
    node: node.name,
    iface: 'host',
    kind: 'stack',
    label: 'kernel',
    box: { x: box.x + box.w - stackW - 6, y: box.y + 5, w: stackW, h: 20 },
    anchor: { x: box.x + box.w - stackW / 2 - 6, y: box.y + 15 },
  };
  ports.push(stack);
  return { name: node.name, ip: node.ip, box, pods, hiddenPods, ports, device, stack, busY };
}
