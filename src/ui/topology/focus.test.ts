/**
 * Focus and context: which nodes and pods are drawn full size for a flow, that
 * the normal view of 3-8 nodes is unchanged, "+N", presenter type on a
 * 1280x720 projector, and zone folding for big clusters.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioSummary, SummaryNode, SummaryPod } from '../../worker/summary.ts';
import { fixtureTrace } from '../../worker/fixture.test-helper.ts';
import { lanePath } from './anchors.ts';
import { flowFocus, fullTextPx, READABLE_PX, usesFocus } from './focus.ts';
import { fitZoom, layoutTopology, type Box, type Point, type TopologyLayout } from './layout.ts';

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

function cluster(nodes: number, podsPerNode: number, names = (n: number) => `k8s-${n}`): ScenarioSummary {
  const ns: SummaryNode[] = Array.from({ length: nodes }, (_, n) => ({
    name: names(n), ip: `192.168.${n >> 8}.${n & 255}`, device: 'ens5', ciliumHostIp: `10.${n >> 8}.${n & 255}.1`, healthIp: '', podCIDRs: [],
    interfaces: [
      { name: 'ens5', kind: 'netdev', ip: `192.168.${n >> 8}.${n & 255}`, mac: '', ifindex: 2 },
      { name: 'cilium_net', kind: 'cilium_net', mac: '', ifindex: 3 },
      { name: 'cilium_host', kind: 'cilium_host', ip: `10.${n >> 8}.${n & 255}.1`, mac: '', ifindex: 4 },
      { name: 'lxc_health', kind: 'lxc_health', mac: '', ifindex: 6 },
    ],
    pods: Array.from({ length: podsPerNode }, (_, i): SummaryPod => ({
      key: `default/p${n}-${i}`, namespace: 'default', name: `p${n}-${i}`, node: names(n), ip: `10.${n >> 8}.${n & 255}.${10 + i}`,
      identity: 1000 + i, endpointId: i, lxc: `lxc${String(n * 1000 + i).padStart(12, '0')}`, mac: '3e:6a:d8:a6:93:05', isHealth: false,
    })),
    ...(nodes > 8 ? { zone: ZONES[n % 3] as string } : {}),
  }));
  return { name: 't', nodes: ns, services: [], config: {} as never, base: {} as never, settings: {}, ignored: [], warnings: [] };
}

/** Every font size the layout gives a text, as rendered at `zoom`. */
function fonts(l: TopologyLayout): number[] {
  const t = l.type;
  const sizes = [t.sub, t.chip, t.label, t.sublabel, t.eth0];
  if (l.nodes.some((n) => n.pods.length)) sizes.push(t.podName);
  for (const n of l.nodes) for (const p of [...n.ports, ...n.pods.flatMap((x) => [x.eth0, x.lxc])]) sizes.push(p.size, ...(p.sub ? [p.subSize] : []));
  return sizes;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('flowFocus', () => {
  it('takes the nodes every hop is on and the pods at both ends, plus what was pinned', () => {
    const f = flowFocus(fixtureTrace({ from: 'client', to: 'server', proto: 'icmp' }));
    expect([...f.nodes].sort()).toEqual(['k8s-a', 'k8s-b']);
    expect([...f.pods].sort()).toEqual(['default/client', 'default/server']);
    const pinned = flowFocus(undefined, { nodes: new Set(['k8s-9']), pods: new Set(['default/x']) });
    expect([...pinned.nodes]).toEqual(['k8s-9']);
    expect([...pinned.pods]).toEqual(['default/x']);
  });

  it('focuses in presenter mode and above eight nodes, never in the normal view of 3 to 8', () => {
    for (const n of [1, 3, 8]) expect(usesFocus(n, false)).toBe(false);
    expect(usesFocus(9, false)).toBe(true);
    expect(usesFocus(3, true)).toBe(true);
  });

  it('the normal view focuses a small cluster too when its full drawing would show text under 12 px', () => {
    expect(usesFocus(3, false, READABLE_PX - 0.1)).toBe(true);
    expect(usesFocus(3, false, READABLE_PX)).toBe(false);
    const s = cluster(3, 3);
    const full = (pane: { width: number; height: number }) =>
      fitZoom((z) => layoutTopology(s, { width: pane.width / z, height: pane.height / z }), pane, { width: 860, height: 420 }).layout;
    // The pane a 1280x720 laptop leaves the drawing (~830x180): the lab's full drawing is a third of its size.
    const laptop = { width: 830, height: 180 };
    expect(fullTextPx(full(laptop), laptop)).toBeLessThan(READABLE_PX);
    expect(usesFocus(3, false, fullTextPx(full(laptop), laptop))).toBe(true);
    // 1920x1080 (the pane ~1266x585) keeps every node.
    const big = { width: 1266, height: 585 };
    expect(usesFocus(3, false, fullTextPx(full(big), big))).toBe(false);
    // Not yet measured: no judgement, the full drawing.
    expect(usesFocus(3, false, fullTextPx(full(big), { width: 0, height: 0 }))).toBe(false);
  });
});

describe('focus and context layout', () => {
  const focus = { nodes: new Set(['k8s-0', 'k8s-1']), pods: new Set(['default/p0-0', 'default/p1-3']) };

  for (const nodes of [3, 5, 8]) {
    it(`the normal view of ${nodes} nodes draws every node and, with room, every pod (no fold)`, () => {
      const s = cluster(nodes, 3);
      const { layout: l } = fitZoom((z) => layoutTopology(s, { width: 1266 / z, height: 585 / z, priority: focus.pods }), { width: 1266, height: 585 }, { width: 860, height: 420 });
      expect(l.focus).toBe(false);
      expect(l.fold).toBeUndefined();
      expect(l.nodes.map((n) => n.name)).toEqual(s.nodes.map((n) => n.name));
      if (nodes <= 5) for (const n of l.nodes) expect(n.hiddenPods).toBe(0);
    });
  }

  it('in focus the flow\'s nodes are full size with only the flow\'s pods and "+N"; the others fold into chips', () => {
    const s = cluster(3, 12);
    const l = layoutTopology(s, { width: 838, height: 456, focus, priority: focus.pods, presenter: true });
    expect(l.focus).toBe(true);
    expect(l.nodes.map((n) => n.name)).toEqual(['k8s-0', 'k8s-1']);
    expect(l.nodes[0]?.pods.map((p) => p.pod.key)).toEqual(['default/p0-0']);
    expect(l.nodes[0]?.hiddenPods).toBe(11);
    expect(l.nodes[1]?.pods.map((p) => p.pod.key)).toEqual(['default/p1-3']);
    expect(l.fold?.chips.map((c) => [c.kind, c.node])).toEqual([['node', 'k8s-2']]);
    // The fold row sits above the full nodes and clear of them.
    for (const n of l.nodes) expect(overlaps(n.box, l.fold?.box as Box)).toBe(false);
  });

  it('tools wider than the pane leaves beside them: the fold row goes under them, never a negative width', () => {
    const s = cluster(40, 3);
    const f = { nodes: new Set(['k8s-0']), pods: new Set(['default/p0-0']) };
    const l = layoutTopology(s, { width: 500, height: 400, focus: f, reserveTop: 2000 });
    const box = l.fold?.box as Box;
    expect(box.w).toBeGreaterThan(0);
    for (const c of l.fold?.chips ?? []) expect(c.box.w).toBeGreaterThan(0);
    for (const n of l.nodes) expect(overlaps(n.box, box)).toBe(false);
  });

  it('presenter at 1280x720 (an 838x456 pane): drawn at 1:1, every text >= 16 px, names >= 18 px', () => {
    const s = cluster(3, 12);
    for (const f of [focus, { nodes: new Set(['k8s-0']), pods: new Set(['default/p0-0', 'default/p0-1']) }]) {
      const l = layoutTopology(s, { width: 838, height: 456, focus: f, presenter: true, calloutLines: 3, reserveLeft: 124 });
      expect(l.width).toBeLessThanOrEqual(838);
      expect(l.height).toBeLessThanOrEqual(456);
      expect(Math.min(...fonts(l))).toBeGreaterThanOrEqual(16);
      expect(Math.min(l.type.nodeName, l.type.podName)).toBeGreaterThanOrEqual(18);
      // The callout stays inside the drawing and off every node.
      expect(l.callout.x + l.callout.w).toBeLessThanOrEqual(l.width);
      expect(l.callout.y + l.callout.h).toBeLessThanOrEqual(l.height);
      for (const n of l.nodes) expect(overlaps(n.box, l.callout)).toBe(false);
    }
  });

  it('presenter in tunnel mode: the host strip keeps cilium_host and the ports the flow passes, so two nodes still fit at 1:1', () => {
    const s = cluster(3, 4);
    for (const n of s.nodes) n.interfaces.push({ name: 'cilium_vxlan', kind: 'overlay', mac: '', ifindex: 5 });
    const f = { ...focus, ifaces: new Set(['k8s-0/cilium_vxlan', 'k8s-0/ens5', 'k8s-1/cilium_vxlan', 'k8s-1/ens5']) };
    const l = layoutTopology(s, { width: 838, height: 456, focus: f, presenter: true, calloutLines: 3 });
    expect(l.width).toBeLessThanOrEqual(838);
    for (const n of l.nodes) expect(n.ports.map((p) => p.iface).sort()).toEqual(['cilium_host', 'cilium_vxlan', 'ens5', 'host']);
    // The normal view of the same cluster keeps every port.
    const normal = layoutTopology(s, { width: 900, height: 480 });
    expect(normal.nodes[0]?.ports.map((p) => p.iface).sort()).toEqual(['cilium_host', 'cilium_net', 'cilium_vxlan', 'ens5', 'host', 'lxc_health']);
  });

  for (const size of [50, 200, 1000]) {
    it(`${size} nodes at 1920x1080 (a 1266x585 pane): the flow's two nodes full size, zones folded, text >= 12 px`, () => {
      const s = cluster(size, 30, (n) => `k8s-w${String(n).padStart(4, '0')}`);
      const f = { nodes: new Set(['k8s-w0007', 'k8s-w0042']), pods: new Set(['default/p7-0', 'default/p42-1']) };
      const { zoom, layout: l } = fitZoom(
        (z) => layoutTopology(s, { width: 1266 / z, height: 585 / z, focus: f, priority: f.pods, reserveTop: 340 / z, reserveLeft: 124 / z }),
        { width: 1266, height: 585 },
        { width: 860, height: 420 },
      );
      const scale = Math.min(1266 / l.width, 585 / l.height);
      expect(l.nodes.map((n) => n.name)).toEqual(['k8s-w0007', 'k8s-w0042']);
      for (const n of l.nodes) expect(n.box.w * scale).toBeGreaterThanOrEqual(300);
      expect(Math.min(...fonts(l)) * scale).toBeGreaterThanOrEqual(12);
      expect(zoom).toBeGreaterThanOrEqual(1);
      const zones = l.fold?.chips.filter((c) => c.kind === 'zone') ?? [];
      expect(zones.length).toBe(3);
      if (size >= 200) expect(l.fold?.detailed).toBe(false);
      expect(l.fold?.chips.reduce((sum, c) => sum + (c.kind === 'zone' ? 1 : 0), 0)).toBe(3);
    });
  }
});

describe('lanes', () => {
  it('from an lxc to the device the path drops through the passage, never over a host-strip port', () => {
    const s = cluster(3, 2);
    for (const presenter of [false, true]) {
      const l = layoutTopology(s, { width: presenter ? 838 : 900, height: presenter ? 456 : 480, presenter, ...(presenter ? { focus: { nodes: new Set(['k8s-0']), pods: new Set(['default/p0-1']) } } : {}) });
      const n = l.nodes[0];
      if (!n) throw new Error('no node');
      for (const pod of n.pods) {
        const path = lanePath(pod.lxc.anchor, n.device.anchor, n);
        const strip = n.ports.filter((p) => p.kind !== 'netdev' && p.kind !== 'stack');
        for (let i = 1; i < path.length; i++) {
          const a = path[i - 1] as Point;
          const b = path[i] as Point;
          const seg = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x) || 0.01, h: Math.abs(a.y - b.y) || 0.01 };
          for (const p of strip) expect(overlaps(seg, p.box), `${p.iface} crossed`).toBe(false);
        }
        expect(path[0]).toEqual(pod.lxc.anchor);
        expect(path.at(-1)).toEqual(n.device.anchor);
      }
    }
  });
});
