/**
 * Every built-in scenario answers the node and pod commands of `flowlab exec`
 * on its own names: nothing in the views is the lab's (device, MTU, subnet,
 * node and pod names all come from the derived datapath).
 */
import { describe, expect, test } from 'vitest';
import { resolveExecTarget, runExec, traceFlow, type ExecTarget } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';

const NODE_COMMANDS = [
  ['ip', 'addr'], ['ip', 'route'], ['ip', 'neigh'], ['ip', 'rule'], ['bpftool', 'net', 'show'], ['bpftool', 'prog', 'show'],
  ['bpftool', 'map', 'list'], ['iptables', '-t', 'nat', '-S'], ['iptables', '-t', 'nat', '-L', '-n'],
  ['cilium', 'status', '--verbose'], ['cilium', 'config', 'view'], ['cilium', 'service', 'list'],
];

describe.each(['kans-lab', 'kans-lab-policy', 'three-zones', 'one-node'])('exec on %s', (name) => {
  const dp = loadBuiltin(name);
  const target = (n: string): ExecTarget => {
    const t = resolveExecTarget(dp, n);
    if ('error' in t) throw new Error(t.error);
    return t;
  };

  test('every node answers every node command, naming its own device and addresses', () => {
    for (const node of dp.nodes) {
      for (const argv of NODE_COMMANDS) {
        const r = runExec(dp, target(node.name), argv);
        expect(r.ok, `${node.name} ${argv.join(' ')}: ${r.ok ? '' : r.error}`).toBe(true);
      }
      const addr = runExec(dp, target(node.name), ['ip', 'addr']);
      expect(addr.ok && addr.text).toContain(`2: ${node.device}: `);
      expect(addr.ok && addr.text).toContain(`inet ${node.ip}/`);
      expect(addr.ok && addr.text).toContain(`inet ${node.ciliumHostIp}/32 scope global cilium_host`);
      const route = runExec(dp, target(node.name), ['ip', 'route']);
      for (const other of dp.nodes.filter((o) => o !== node)) {
        for (const c of other.podCIDRs) expect(route.ok && route.text).toContain(`${c.base}/${c.bits} `);
      }
    }
  });

  test("a pod's commands show its eth0, its gateway after a ping, and its capture", () => {
    const eps = dp.nodes.flatMap((n) => n.endpoints.filter((e) => !e.isHealth));
    const [a, b] = eps;
    if (!a || !b) throw new Error(`${name} has fewer than two pods`);
    const trace = traceFlow(dp, { from: a.key, to: b.key, proto: 'icmp' });
    const t = target(a.key);
    const addr = runExec(dp, t, ['ip', 'addr'], trace);
    expect(addr.ok && addr.text).toContain(`${a.podIfindex}: eth0@if${a.ifindex}: `);
    expect(addr.ok && addr.text).toContain(`inet ${a.ip}/32 scope global eth0`);
    const neigh = runExec(dp, t, ['ip', 'neigh'], trace);
    const gw = dp.node(a.node)?.ciliumHostIp;
    expect(neigh.ok && neigh.text).toBe(`${gw} dev eth0 lladdr ${a.nodeMac} REACHABLE\n`);
    const dump = runExec(dp, t, ['tcpdump', '-i', 'eth0', '-n'], trace);
    expect(dump.ok && dump.text).toContain(`IP ${a.ip} > ${b.ip}: ICMP echo request`);
    expect(runExec(dp, t, ['iptables', '-t', 'nat', '-S']).ok).toBe(false);
  });
});
