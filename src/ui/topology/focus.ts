/**
 * Focus and context: which nodes and pods a flow touches, so the drawing can
 * give them full size and fold the rest. Decided per flow (from the whole
 * trace), never per hop, so the drawing does not move while one flow is
 * stepped through.
 */
import type { Trace } from '../../engine/index.ts';
import type { TopologyLayout } from './layout.ts';

export interface Focus {
  /** Nodes drawn full size. */
  nodes: ReadonlySet<string>;
  /** Pod keys (`namespace/name`) drawn inside their node; other pods are counted ("+N"). */
  pods: ReadonlySet<string>;
  /**
   * Host-side interfaces the flow passes (`node/iface`): in focus, the host strip keeps these and
   * cilium_host (the pods' gateway), and leaves out the ones the flow never touches (lxc_health, often
   * cilium_net), so a tunnel node with its overlay device still fits a projector at full size.
   */
  ifaces?: ReadonlySet<string>;
}

/** Up to this many nodes the normal view draws every node (the lab, three-zones); above it, focus. */
export const FOCUS_ABOVE = 8;

/**
 * Screen px under which the full drawing's smallest text is unreadable (a laptop at 1280x720, where the
 * controls leave the drawing a short pane): the normal view then focuses too, so the flow stays legible.
 */
export const READABLE_PX = 12;

/**
 * Presenter mode always focuses (the room needs the room); a big cluster does in any mode; and so does
 * a small one whose full drawing would show its smallest text under READABLE_PX (`fullTextPx`, on screen).
 */
export function usesFocus(nodeCount: number, presenter: boolean, fullTextPx = Number.POSITIVE_INFINITY): boolean {
  return presenter || nodeCount > FOCUS_ABOVE || fullTextPx < READABLE_PX;
}

/** The smallest font size (drawing units) among the texts a layout draws: names, IPs, ports, chips, callout. */
export function smallestFont(l: TopologyLayout): number {
  const t = l.type;
  const sizes = [t.nodeName, t.sub, t.chip, t.label, t.sublabel];
  for (const n of l.nodes) {
    if (n.pods.length) sizes.push(t.podName);
    for (const p of [...n.ports, ...n.pods.flatMap((x) => [x.eth0, x.lxc])]) sizes.push(p.size, ...(p.sub ? [p.subSize] : []));
  }
  return Math.min(...sizes);
}

/** The full layout's smallest text in screen px, drawn centred and scaled to fit a pane of `pane` px. */
export function fullTextPx(l: TopologyLayout, pane: { width: number; height: number }): number {
  // Before the pane is measured there is nothing to judge: keep the full drawing.
  if (pane.width <= 0 || pane.height <= 0 || l.width <= 0 || l.height <= 0) return Number.POSITIVE_INFINITY;
  return smallestFont(l) * Math.min(pane.width / l.width, pane.height / l.height);
}

/** The nodes and pods a trace touches, plus what the reader pinned with the search box. */
export function flowFocus(trace: Trace | undefined, pinned: Focus = { nodes: new Set(), pods: new Set() }): Focus {
  const nodes = new Set<string>(pinned.nodes);
  const pods = new Set<string>(pinned.pods);
  const ifaces = new Set<string>(pinned.ifaces);
  for (const ep of [trace?.client, trace?.server, trace?.backend]) {
    if (ep?.kind === 'pod') {
      pods.add(`${ep.namespace}/${ep.name}`);
      nodes.add(ep.node);
    } else if (ep?.kind === 'node') nodes.add(ep.node);
  }
  for (const ev of trace?.events ?? []) {
    const at = ev.place;
    // `world` is the outside network, drawn as its own box.
    if (at.node !== 'world') nodes.add(at.node);
    if (at.kind === 'wire' && at.peer) {
      nodes.add(at.peer.node);
      ifaces.add(`${at.peer.node}/${at.peer.iface}`);
    }
    if (at.kind === 'tc' || at.kind === 'wire') ifaces.add(`${at.node}/${at.iface}`);
    if ((at.kind === 'pod' || at.kind === 'socket') && at.pod) pods.add(at.pod);
  }
  return { nodes, pods, ifaces };
}
