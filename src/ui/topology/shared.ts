/**
 * One drawing for both sides of a compare (presenter mode): both sides run the
 * same scenario with different settings, so they share nodes and pods and
 * differ only in a few host devices (cilium_vxlan / cilium_geneve in tunnel
 * mode). The drawing is the union of the two summaries; a device only one side
 * has is marked as that side's. Pure, tested in Node.
 */
import type { Side } from '../../state/compare.ts';
import type { ScenarioSummary, SummaryIface, SummaryNode } from '../../worker/summary.ts';
import type { Focus } from './focus.ts';
import type { Box, TopologyLayout } from './layout.ts';

export interface SharedSummary {
  summary: ScenarioSummary;
  /** `node/iface` of each device only one side has, and which side. */
  only: ReadonlyMap<string, Side>;
}

/** Words naming a one-side device, on its second line (where an address goes): "B only". */
export type OnlyTag = (side: Side) => string;
const ONLY_EN: OnlyTag = (side) => `${side.toUpperCase()} only`;

function mergeNode(a: SummaryNode, b: SummaryNode | undefined, only: Map<string, Side>, tag: OnlyTag): SummaryNode {
  if (!b) return a;
  const names = new Set(a.interfaces.map((i) => i.name));
  const inB = new Set(b.interfaces.map((i) => i.name));
  // The tag takes the address line, so the layout gives the device two lines and the tag's width.
  const tagged = (i: SummaryIface, side: Side): SummaryIface => {
    only.set(`${a.name}/${i.name}`, side);
    return { ...i, ip: i.ip ? `${i.ip} ${tag(side)}` : tag(side) };
  };
  const own = a.interfaces.map((i) => (inB.has(i.name) ? i : tagged(i, 'a')));
  const extra = b.interfaces.filter((i) => !names.has(i.name)).map((i) => tagged(i, 'b'));
  const pods = new Set(a.pods.map((p) => p.key));
  return { ...a, interfaces: [...own, ...extra], pods: [...a.pods, ...b.pods.filter((p) => !pods.has(p.key))] };
}

/**
 * Side A's summary with side B's devices and pods it lacks added, each one-side device marked and its
 * second line naming the side (`tag`); A alone when B is not traced. For the drawing only: the tagged
 * address line is words, not an address.
 */
export function unionSummary(a: ScenarioSummary, b: ScenarioSummary | undefined, tag: OnlyTag = ONLY_EN): SharedSummary {
  const only = new Map<string, Side>();
  if (!b || b === a) return { summary: a, only };
  const byName = new Map(b.nodes.map((n) => [n.name, n]));
  const nodes = a.nodes.map((n) => mergeNode(n, byName.get(n.name), only, tag));
  const known = new Set(a.nodes.map((n) => n.name));
  return { summary: { ...a, nodes: [...nodes, ...b.nodes.filter((n) => !known.has(n.name))] }, only };
}

/** What either side's flow touches: both get full size. */
export function mergeFocus(a: Focus, b: Focus): Focus {
  return {
    nodes: new Set([...a.nodes, ...b.nodes]),
    pods: new Set([...a.pods, ...b.pods]),
    ifaces: new Set([...(a.ifaces ?? []), ...(b.ifaces ?? [])]),
  };
}

/**
 * Lines to ask the layout's callout band for, so it holds both sides' callouts one above the other
 * (`a` and `b` lines, 6 units apart): side by side each would get half the width and cut its words.
 * One line more than the two together pays for the second callout's padding and the gap.
 */
export const sharedCalloutLines = (a: number, b: number): number => a + b + 1;

/**
 * The layout's callout band cut in two, each as tall as its lines: side A's words above, side B's below.
 * `right`: where B's may reach (the drawing's right margin), when the outside world's box sits beside A's only.
 */
export function splitCallout(c: Box, lines: { a: number; b: number } = { a: 1, b: 1 }, gap = 6, right?: number): Record<Side, Box> {
  const h = ((c.h - gap) * lines.a) / (lines.a + lines.b);
  return { a: { ...c, h }, b: { ...c, y: c.y + h + gap, h: c.h - gap - h, w: right !== undefined ? Math.max(c.w, right - c.x) : c.w } };
}

/**
 * The outside world's box raised beside side A's callout, so side B's (the one with the tunnel's outer
 * header, usually the longer line) can run the drawing's whole width under it. Returns the layout and the
 * two callouts.
 */
export function sharedBand(layout: TopologyLayout, lines: { a: number; b: number }): { layout: TopologyLayout; callouts: Record<Side, Box> } {
  const margin = layout.callout.x;
  const first = splitCallout(layout.callout, lines);
  const o = layout.outside;
  const outside = { ...o, y: first.a.y + Math.max(0, (first.a.h - o.h) / 2) };
  return { layout: { ...layout, outside }, callouts: splitCallout(layout.callout, lines, 6, layout.width - margin) };
}

/** The layout with each one-side device marked (`only`), for its side's colour and dashed outline. */
export function markOnly(layout: TopologyLayout, only: ReadonlyMap<string, Side>): TopologyLayout {
  if (only.size === 0) return layout;
  const nodes = layout.nodes.map((n) => ({
    ...n,
    ports: n.ports.map((p) => {
      const side = only.get(`${p.node}/${p.iface}`);
      return side ? { ...p, only: side } : p;
    }),
  }));
  return { ...layout, nodes };
}
