/**
 * The compare view's shared drawing (presenter mode): the union of the two
 * sides' clusters with the one-side devices marked, both flows in focus, and
 * at 1280x720 the drawing at 1:1 with both callouts under it.
 */
import { describe, expect, it } from 'vitest';
import { traceFlow, type Settings } from '../../src/engine/index.ts';
import { loadBuiltin } from '../engine/builtin.ts';
import { summarize } from '../../src/worker/summary.ts';
import { flowFocus, smallestFont } from '../../src/ui/topology/focus.ts';
import { layoutTopology, type Box } from '../../src/ui/topology/layout.ts';
import { markOnly, mergeFocus, sharedBand, sharedCalloutLines, splitCallout, unionSummary } from '../../src/ui/topology/shared.ts';

const TUNNEL: Settings = { 'routing-mode': 'tunnel', 'tunnel-protocol': 'vxlan' };
const PING = { from: 'netpod', to: 'webpod1', proto: 'icmp' } as const;

function side(settings: Settings) {
  const dp = loadBuiltin('kans-lab', settings);
  return { summary: summarize(dp, settings), trace: traceFlow(dp, PING) };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the shared drawing of a compare', () => {
  const a = side({});
  const b = side(TUNNEL);

  it('draws side B\'s tunnel device on every node, marked as B\'s only, and keeps A\'s drawing otherwise', () => {
    const u = unionSummary(a.summary, b.summary);
    expect(u.summary.nodes.map((n) => n.name)).toEqual(a.summary.nodes.map((n) => n.name));
    for (const n of u.summary.nodes) {
      expect(n.interfaces.map((i) => i.name)).toContain('cilium_vxlan');
      expect(u.only.get(`${n.name}/cilium_vxlan`)).toBe('b');
      // Its second line says whose it is.
      expect(n.interfaces.find((i) => i.name === 'cilium_vxlan')?.ip).toBe('B only');
      expect(n.pods).toEqual(a.summary.nodes.find((x) => x.name === n.name)?.pods);
    }
    expect([...u.only.values()].every((s) => s === 'b')).toBe(true);
    // Either way round: A's device is A's only.
    expect(unionSummary(b.summary, a.summary).only.get('k8s-s/cilium_vxlan')).toBe('a');
    // No side B yet: side A's own summary, nothing marked.
    expect(unionSummary(a.summary, undefined)).toEqual({ summary: a.summary, only: new Map() });
  });

  it('at 1280x720 presenter (a 766x430 pane) both flows fit at 1:1: text >= 16, names >= 18, callouts off the nodes', () => {
    const u = unionSummary(a.summary, b.summary);
    const focus = mergeFocus(flowFocus(a.trace), flowFocus(b.trace));
    // Side B's tunnel hops pass cilium_vxlan: it is in focus, so it is drawn.
    expect(focus.ifaces?.has('k8s-s/cilium_vxlan')).toBe(true);
    const lines = sharedCalloutLines(2, 3);
    const l = markOnly(layoutTopology(u.summary, { width: 766, height: 430, focus, presenter: true, calloutLines: lines }), u.only);
    expect(l.width).toBeLessThanOrEqual(766);
    expect(l.height).toBeLessThanOrEqual(430);
    expect(smallestFont(l)).toBeGreaterThanOrEqual(16);
    expect(Math.min(l.type.nodeName, l.type.podName)).toBeGreaterThanOrEqual(18);
    const vxlan = l.nodes[0]?.ports.find((p) => p.iface === 'cilium_vxlan');
    expect(vxlan?.only).toBe('b');
    expect(vxlan?.sub).toBe('B only');
    // Two lines high, like cilium_host with its address: the tag is inside the box.
    const host = l.nodes[0]?.ports.find((p) => p.iface === 'cilium_host');
    expect(vxlan?.box.h).toBe(host?.box.h);
    expect(l.nodes[0]?.ports.find((p) => p.iface === 'cilium_host')?.only).toBeUndefined();
    // A's callout above B's, each tall enough for its lines (2 and 3), both off every node and inside the drawing.
    const c = splitCallout(l.callout, { a: 2, b: 3 });
    const need = (n: number) => 10 + l.type.label + 6 + (n - 1) * (l.type.sublabel + 6);
    expect(c.a.h).toBeGreaterThanOrEqual(need(2) - 1);
    expect(c.b.h).toBeGreaterThanOrEqual(need(3));
    expect(c.b.y).toBeGreaterThanOrEqual(c.a.y + c.a.h);
    expect(c.b.y + c.b.h).toBeLessThanOrEqual(l.height);
    for (const n of l.nodes) for (const box of [c.a, c.b]) expect(overlaps(n.box, box)).toBe(false);
    // The outside world's box beside A's callout; B's then runs the whole width, clear of it.
    const band = sharedBand(l, { a: 2, b: 3 });
    expect(band.callouts.b.w).toBeGreaterThan(c.b.w + 100);
    expect(band.callouts.b.x + band.callouts.b.w).toBeLessThanOrEqual(l.width);
    expect(overlaps(band.layout.outside, band.callouts.b)).toBe(false);
    expect(overlaps(band.layout.outside, band.callouts.a)).toBe(false);
    expect(band.layout.outside.y).toBeGreaterThanOrEqual(band.callouts.a.y);
  });
});
