import { describe, expect, it } from 'vitest';
import type { Packet } from '../../engine/index.ts';
import type { ScenarioSummary, SummaryNode, SummaryPod } from '../../worker/summary.ts';
import { fixtureTrace } from '../../worker/fixture.test-helper.ts';
import { placeFields, stackAt, tcAt } from '../../engine/index.ts';
import { hopAnchor, hopPath, pointAlong } from './anchors.ts';
import { layoutTopology, nodeGrid, SIZES, type Box } from './layout.ts';

function pod(node: string, i: number): SummaryPod {
  return { key: `default/p${node}-${i}`, namespace: 'default', name: `p${i}`, node, ip: `10.${node.length}.0.${i}`, identity: 1000 + i,
    endpointId: i, lxc: `lxc${String(i).padStart(12, '0')}`, mac: 'aa:aa:aa:aa:aa:aa', isHealth: false };
}

function cluster(nodes: number, podsPerNode: number): ScenarioSummary {
  const ns: SummaryNode[] = Array.from({ length: nodes }, (_, n) => ({
    name: `node-${n}`, ip: `192.168.10.${10 + n}`, device: 'ens5', ciliumHostIp: `10.${n}.0.1`, healthIp: `10.${n}.0.2`, podCIDRs: [`10.${n}.0.0/24`],
    interfaces: [
      { name: 'ens5', kind: 'netdev', ip: `192.168.10.${10 + n}`, mac: '', ifindex: 2 },
      { name: 'cilium_net', kind: 'cilium_net', mac: '', ifindex: 3 },
      { name: 'cilium_host', kind: 'cilium_host', ip: `10.${n}.0.1`, mac: '', ifindex: 4 },
      { name: 'lxc_health', kind: 'lxc_health', mac: '', ifindex: 6 },
    ],
    pods: Array.from({ length: podsPerNode }, (_, i) => ({ ...pod(`node-${n}`, i), ip: `10.${n}.0.${10 + i}` })),
  }));
  return { name: 't', nodes: ns, services: [], config: {} as never, base: {} as never, settings: {}, ignored: [], warnings: [] };
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.w <= outer.x + outer.w + 0.01 && inner.y + inner.h <= outer.y + outer.h + 0.01;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutTopology', () => {
  it('puts up to three nodes in one row and larger clusters in a grid', () => {
    expect(nodeGrid(3, 900, 500)).toEqual({ cols: 3, rows: 1 });
    expect(nodeGrid(2, 900, 500)).toEqual({ cols: 2, rows: 1 });
    const g8 = nodeGrid(8, 900, 500);
    expect(g8.cols * g8.rows).toBeGreaterThanOrEqual(8);
    expect(g8.rows).toBeGreaterThan(1);
  });

  for (const [nodes, pods, w, h] of [[2, 3, 900, 480], [3, 2, 820, 430], [5, 6, 1400, 800], [8, 12, 1800, 1000], [8, 12, 820, 430]] as const) {
    it(`keeps ${nodes} nodes x ${pods} pods inside their boxes without overlaps at ${w}x${h}`, () => {
      const l = layoutTopology(cluster(nodes, pods), { width: w, height: h });
      expect(l.nodes).toHaveLength(nodes);
      for (const n of l.nodes) {
        expect(n.box.x).toBeGreaterThanOrEqual(0);
        expect(n.box.x + n.box.w).toBeLessThanOrEqual(l.width);
        expect(n.box.y + n.box.h).toBeLessThan(l.height);
        const boxes = [...n.pods.flatMap((p) => [p.box, p.lxc.box]), ...n.ports.map((p) => p.box)];
        for (const b of boxes) expect(inside(b, n.box)).toBe(true);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
        expect(n.pods.length + n.hiddenPods).toBe(pods);
        // A pod box is never squeezed below a readable width.
        for (const p of n.pods) expect(p.box.w).toBeGreaterThanOrEqual(SIZES.podW - 0.01);
      }
      for (let i = 0; i < l.nodes.length; i++) for (let j = i + 1; j < l.nodes.length; j++) expect(overlap(l.nodes[i]!.box, l.nodes[j]!.box)).toBe(false);
      expect(l.outside.y).toBeGreaterThan(Math.max(...l.nodes.map((n) => n.box.y + n.box.h)));
    });
  }

  it('shows the flow pods first when a node must hide some', () => {
    const s = cluster(8, 12);
    const want = s.nodes[0]!.pods[11]!.key;
    const l = layoutTopology(s, { width: 820, height: 430, priority: new Set([want]) });
    const n0 = l.nodes[0]!;
    expect(n0.hiddenPods).toBeGreaterThan(0);
    expect(n0.pods.map((p) => p.pod.key)).toContain(want);
  });

  it('gives every node its device port, cilium_host and lxc_health', () => {
    const l = layoutTopology(cluster(3, 2), { width: 900, height: 480 });
    for (const n of l.nodes) expect(n.ports.map((p) => p.iface).sort()).toEqual(['cilium_host', 'cilium_net', 'ens5', 'host', 'lxc_health']);
    expect(l.nodes[0]!.ports.find((p) => p.iface === 'cilium_host')?.sub).toBe('10.0.0.1');
  });
});

describe('hop anchors and paths', () => {
  const s = cluster(2, 2);
  s.nodes[0]!.name = 'k8s-a';
  s.nodes[1]!.name = 'k8s-b';
  s.nodes[0]!.pods[0] = { ...s.nodes[0]!.pods[0]!, ip: '10.1.0.10', lxc: 'lxcaaaa00000001', node: 'k8s-a' };
  s.nodes[1]!.pods[0] = { ...s.nodes[1]!.pods[0]!, ip: '10.1.1.20', node: 'k8s-b' };
  const l = layoutTopology(s, { width: 900, height: 480 });
  const events = fixtureTrace({ from: 'client', to: 'server', proto: 'icmp' }).events;

  it('starts at the client pod eth0, moves to its lxc, then crosses to the other node', () => {
    const a0 = hopAnchor(events[0]!, l);
    expect(a0.node).toBe('k8s-a');
    expect(a0.port?.kind).toBe('eth0');
    const a1 = hopAnchor(events[1]!, l);
    expect(a1.port?.iface).toBe('lxcaaaa00000001');
    const wire = hopAnchor(events[3]!, l);
    expect(wire.node).toBe('k8s-b');
    expect(wire.port?.iface).toBe('ens5');
    const end = hopAnchor(events[4]!, l);
    expect(end.node).toBe('k8s-b');
    expect(end.port?.kind).toBe('eth0');
  });

  it('routes between nodes through the bus, ending where it should', () => {
    const from = hopAnchor(events[2]!, l);
    const to = hopAnchor(events[3]!, l);
    const path = hopPath(from, to, l, events[3]);
    expect(path[0]).toEqual(from.point);
    expect(path.at(-1)).toEqual(to.point);
    expect(path.some((p) => p.y === l.nodes[0]!.busY)).toBe(true);
    expect(pointAlong(path, 0)).toEqual(from.point);
    expect(pointAlong(path, 1)).toEqual(to.point);
    const mid = pointAlong(path, 0.5);
    expect(mid.y).toBeGreaterThanOrEqual(Math.min(from.point.y, to.point.y));
  });

  it('puts host-stack hops on the kernel box, the world outside, overlay hops on the tunnel device', () => {
    const base = events[1]!;
    const stack = hopAnchor({ ...base, kind: 'iptables', ...placeFields({ kind: 'stack', node: 'k8s-a', hook: 'netfilter PREROUTING' }) }, l);
    expect(stack.port?.kind).toBe('stack');
    // The kernel's routing runs in the host netns: hook `netns`, but no pod's eth0.
    expect(hopAnchor({ ...base, kind: 'kernel-stack', ...placeFields(stackAt('k8s-a')) }, l).port?.kind).toBe('stack');
    // From the kernel box to ens5: round the pods along the node's right edge, not through them.
    const n0 = l.nodes[0]!;
    const toDev = hopPath(stack, { node: n0.name, point: n0.device.anchor, port: n0.device }, l);
    expect(toDev.slice(1, -1).every((p) => p.x === n0.box.x + n0.box.w - 4 || p.y === n0.channelY)).toBe(true);
    expect(stack.node).toBe('k8s-a');
    const world = hopAnchor({ ...base, kind: 'drop', ...placeFields({ kind: 'wire', node: 'world', iface: 'internet', peer: undefined }) }, l);
    expect(world.node).toBeUndefined();
    expect(world.point.y).toBeGreaterThan(l.nodes[0]!.box.y + l.nodes[0]!.box.h);
    const tunnel = { ...s, nodes: s.nodes.map((n) => ({ ...n, interfaces: [...n.interfaces, { name: 'cilium_vxlan', kind: 'overlay' as const, mac: '', ifindex: 5 }] })) };
    const lt = layoutTopology(tunnel, { width: 900, height: 480 });
    const decap = hopAnchor({ ...base, kind: 'tunnel-decap', ...placeFields(tcAt('k8s-b', 'cilium_vxlan', 'tc-ingress')) }, lt);
    expect(decap.port?.kind).toBe('overlay');
    expect(decap.node).toBe('k8s-b');
    // From the lxc to ens5 with outer headers: through cilium_vxlan.
    const outer = { src: '192.168.10.10', dst: '192.168.10.11', proto: 'UDP', dport: 8472, vni: 1011 } as never;
    const encap = hopAnchor({ ...base, kind: 'tunnel-encap' }, lt);
    const egress = { ...base, kind: 'netdev-egress' as const, ...placeFields(tcAt('k8s-a', 'ens5', 'tc-egress')), packet: { ...base.packet, outer } as Packet };
    const vxlan = lt.nodes[0]!.ports.find((p) => p.iface === 'cilium_vxlan')!;
    expect(hopPath(encap, hopAnchor(egress, lt), lt, egress)).toContainEqual(vxlan.anchor);
  });

  it('keeps sizes legible', () => {
    expect(SIZES.podW).toBeGreaterThanOrEqual(112);
  });
});
