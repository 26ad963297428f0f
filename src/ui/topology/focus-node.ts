/**
 * One node in focus (presenter mode, or a big cluster): built for height, so
 * a projector's short drawing pane holds the flow's nodes at full type.
 *
 *   k8s-s                  [kernel stack]
 *   192.168.10.10 · +3 pods
 *   [netpod          ]      [cilium_host ]
 *   [172.16.0.79 eth0]      [172.16.0.189]
 *   [lxce880e1eecb7a ]      [cilium_vxlan]
 *   - - - - - - - - - lane - - - - - - - -
 *     [ens5 192.168.10.10]
 *
 * The flow's pods on the left, the host ports it passes in a column on the
 * right, one free lane under both, the device under the lane: a path from an
 * lxc to the device runs down and along the lane and crosses no host port.
 */
import type { SummaryIface, SummaryNode } from '../../worker/summary.ts';
import { fit, rest, type Box } from './geometry.ts';
import type { NodeLayout, NodeOpts, PodLayout, PortLayout } from './layout.ts';
import { parts, stackPort, stripPortW } from './layout.ts';
import { monoWidth, sansWidth, type TypeScale } from './type-scale.ts';

const PAD = 8;
/** Pods start this far in, so the marker resting left of an lxc stays inside the node. */
const INSET = 14;
const COL_GAP = 12;

/** Geometry of the compact pod cell: name line, IP line with the eth0 chip at its end, lxc under it. */
export function focusCell(t: TypeScale) {
  const eth0H = t.eth0 + 7;
  const line2 = Math.max(t.sub + 4, eth0H);
  const podBoxH = 4 + t.podName + 4 + line2 + 3;
  const lxcH = t.port + 10;
  return { eth0H, line2, podBoxH, lxcH, cellH: podBoxH + 8 + lxcH + 6, eth0W: monoWidth('eth0', t.eth0) + 12 };
}

function portH(i: SummaryIface, t: TypeScale): number {
  return i.ip ? t.port + t.sub + 10 : t.port + 10;
}

function columnW(strip: readonly SummaryIface[], t: TypeScale): number {
  return Math.max(0, ...strip.map((i) => stripPortW(i, t)));
}

function columnH(strip: readonly SummaryIface[], t: TypeScale): number {
  return strip.reduce((h, i) => h + portH(i, t) + 6, 0);
}

/** Height under the body: lane, device, margin. */
function footH(t: TypeScale): number {
  return 10 + t.port + 10 + 5;
}

/** The smallest box a focus node needs at width `w` (or its narrowest width, when `w` is not given). */
export function focusNodeNeeds(n: SummaryNode, t: TypeScale, podW: number, stackW: number, strip: readonly SummaryIface[], pods: number, w?: number): { w: number; h: number } {
  const colW = columnW(strip, t);
  const devW = monoWidth(`${n.device} ${n.ip}`, t.port) + 24 + 20;
  const header = Math.min(sansWidth(n.name, t.nodeName), sansWidth('m'.repeat(10), t.nodeName)) + stackW + 24;
  const minW = Math.max(2 * PAD + INSET + podW + COL_GAP + colW, devW + 2 * PAD, header);
  const cols = Math.max(1, Math.floor(((w ?? minW) - 2 * PAD - INSET - COL_GAP - colW + 6) / (podW + 6)));
  const rows = Math.ceil(Math.max(1, pods) / cols);
  const body = Math.max(rows * focusCell(t).cellH, columnH(strip, t));
  return { w: minW, h: parts(t, true).headerH + body + footH(t) };
}

export function layoutFocusNode(node: SummaryNode, box: Box, busY: number, o: NodeOpts): NodeLayout {
  const { t } = o;
  const c = focusCell(t);
  const top = box.y + parts(t, true).headerH;
  const colW = columnW(o.strip, t);
  const colX = box.x + box.w - PAD - colW;
  const areaW = colX - COL_GAP - (box.x + PAD + INSET);
  const cols = Math.max(1, Math.floor((areaW + 6) / (o.podW + 6)));
  const visible = node.pods.filter((x) => o.shown.includes(x));
  const pods: PodLayout[] = visible.map((pod, i) => {
    const x = box.x + PAD + INSET + (i % cols) * (o.podW + 6);
    const y = top + Math.floor(i / cols) * c.cellH;
    const w = o.podW;
    const line2Y = y + 4 + t.podName + 4;
    // eth0 first on the IP line: the marker resting left of it sits on the pod's border, not on the IP.
    const eth0Box = { x: x + 5, y: line2Y + (c.line2 - c.eth0H) / 2, w: c.eth0W, h: c.eth0H };
    const eth0: PortLayout = {
      node: node.name, iface: `eth0@${pod.key}`, kind: 'eth0', label: 'eth0', box: eth0Box, anchor: rest(eth0Box), size: t.eth0, subSize: t.sub,
    };
    const lxcBox = { x, y: y + c.podBoxH + 8, w, h: c.lxcH };
    const lxc: PortLayout = {
      node: node.name, iface: pod.lxc, kind: 'lxc', label: pod.lxc, box: lxcBox, anchor: rest(lxcBox), size: fit(pod.lxc, w, t.port, t.portMin), subSize: t.sub,
    };
    return {
      pod, box: { x, y, w, h: c.podBoxH }, eth0, lxc, nameMax: Math.floor((w - 12) / (t.podName * 0.6)),
      nameY: y + 3 + t.podName * 0.92, ipY: line2Y + c.line2 / 2 + t.sub * 0.36, ipX: eth0Box.x + eth0Box.w + 6,
      veth: { x: eth0Box.x + eth0Box.w / 2, y1: eth0Box.y + eth0Box.h, y2: lxcBox.y },
    };
  });
  let y = top;
  const ports: PortLayout[] = o.strip.map((iface) => {
    const h = portH(iface, t);
    const b = { x: colX, y, w: colW, h };
    y += h + 6;
    return {
      node: node.name, iface: iface.name, kind: iface.kind, label: iface.name, ...(iface.ip ? { sub: iface.ip } : {}),
      box: b, anchor: rest(b), size: fit(iface.name, colW, t.port, t.portMin), subSize: iface.ip ? fit(iface.ip, colW, t.sub, t.portMin) : t.sub,
    };
  });
  const devH = t.port + 10;
  const devY = box.y + box.h - 5 - devH;
  const lane = devY - 8;
  const devW = Math.min(box.w - 2 * PAD - 20, monoWidth(`${node.device} ${node.ip}`, t.port) + 24);
  const devBox = { x: box.x + PAD + 20, y: devY, w: devW, h: devH };
  const device: PortLayout = {
    node: node.name, iface: node.device, kind: 'netdev', label: node.device, sub: node.ip,
    box: devBox, anchor: rest(devBox), size: t.port, subSize: t.port, inline: true,
  };
  const stack = stackPort(node.name, box, o.stackLabel, t);
  return {
    name: node.name, ip: node.ip, box, pods, hiddenPods: node.pods.length - visible.length,
    ports: [...ports, device, stack], device, stack, busY,
    // One lane: everything above it is level 0, the device below it.
    channelY: lane, lowChannelY: lane, passageX: device.anchor.x,
    nameMax: Math.max(4, Math.floor((box.w - stack.box.w - 24) / (t.nodeName * 0.62))),
  };
}
