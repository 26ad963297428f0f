/**
 * The context strip: nodes the flow does not touch, folded into chips grouped
 * by zone (topology.kubernetes.io/zone) with counts. Node chips when they fit
 * in the rows allowed; otherwise one chip per zone with its node and pod
 * counts (a 1,000-node cluster is three chips, not a grid of specks).
 */
import type { SummaryNode } from '../../worker/summary.ts';
import type { Box } from './layout.ts';
import { sansWidth, type TypeScale } from './type-scale.ts';

/** What a chip says; the page fills it from the message catalog. */
export interface FoldText {
  node(name: string, pods: number): string;
  zone(zone: string | undefined, nodes: number, pods: number): string;
}

export interface FoldChip {
  /** A folded node (click: pick it) or a zone's summary. */
  kind: 'node' | 'zone';
  label: string;
  node?: string;
  zone?: string;
  box: Box;
}

export interface FoldLayout {
  box: Box;
  chips: FoldChip[];
  /** Node chips were shown (false: only zone counts fitted). */
  detailed: boolean;
}

const PAD = 10;
const GAP = 6;

interface Group {
  zone: string | undefined;
  nodes: SummaryNode[];
}

function groups(nodes: readonly SummaryNode[]): Group[] {
  const by = new Map<string, Group>();
  for (const n of nodes) {
    const key = n.zone ?? '';
    let g = by.get(key);
    if (!g) by.set(key, (g = { zone: n.zone, nodes: [] }));
    g.nodes.push(n);
  }
  return [...by.values()];
}

/** Lays chips left to right, wrapping; undefined when more than `maxRows` rows are needed. */
function flow(items: { label: string; gapBefore: number }[], area: Box, h: number, px: number, maxRows: number) {
  const boxes: Box[] = [];
  let x = area.x;
  let row = 0;
  for (const it of items) {
    const w = sansWidth(it.label, px) + 2 * PAD;
    const gap = boxes.length ? it.gapBefore : 0;
    if (x + gap + w > area.x + area.w && boxes.length) {
      row++;
      x = area.x;
    } else x += gap;
    if (row >= maxRows) return undefined;
    boxes.push({ x, y: area.y + row * (h + GAP), w: Math.min(w, area.w), h });
    x += w;
  }
  return { boxes, rows: row + 1 };
}

/** The strip for `nodes` in `area` (its height grows with the rows used). */
export function foldStrip(nodes: readonly SummaryNode[], area: Box, t: TypeScale, text: FoldText, maxRows: number): FoldLayout {
  const h = t.chip + 12;
  const gs = groups(nodes);
  const zoned = gs.some((g) => g.zone !== undefined);
  const pods = (ns: SummaryNode[]) => ns.reduce((s, n) => s + n.pods.length, 0);
  // First try: every folded node as its own chip, each zone's nodes after the zone's chip.
  const detailed: { chip: Omit<FoldChip, 'box'>; gapBefore: number }[] = [];
  for (const g of gs) {
    if (zoned) detailed.push({ chip: { kind: 'zone', label: text.zone(g.zone, g.nodes.length, pods(g.nodes)), ...(g.zone ? { zone: g.zone } : {}) }, gapBefore: GAP * 4 });
    for (const n of g.nodes) detailed.push({ chip: { kind: 'node', label: text.node(n.name, n.pods.length), node: n.name }, gapBefore: GAP });
  }
  const fine = flow(detailed.map((d) => ({ label: d.chip.label, gapBefore: d.gapBefore })), area, h, t.chip, maxRows);
  if (fine) return finish(detailed.map((d, i) => ({ ...d.chip, box: fine.boxes[i] as Box })), area, h, fine.rows, true);
  const coarse = gs.map((g) => ({ kind: 'zone' as const, label: text.zone(g.zone, g.nodes.length, pods(g.nodes)), ...(g.zone ? { zone: g.zone } : {}) }));
  const laid = flow(coarse.map((c) => ({ label: c.label, gapBefore: GAP * 2 })), area, h, t.chip, Number.MAX_SAFE_INTEGER);
  const boxes = laid?.boxes ?? [];
  return finish(coarse.map((c, i) => ({ ...c, box: boxes[i] as Box })), area, h, laid?.rows ?? 1, false);
}

function finish(chips: FoldChip[], area: Box, h: number, rows: number, detailed: boolean): FoldLayout {
  return { box: { x: area.x, y: area.y, w: area.w, h: rows * h + (rows - 1) * GAP }, chips, detailed };
}
