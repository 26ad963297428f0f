/**
 * Cilium's own control-plane service tests (test/fixtures/controlplane, with
 * their provenance): real kind-cluster dumps and the LB maps the agent
 * computed. For every golden, `cilium service list` on the golden's node has
 * the same frontends (type, address class, port, scope) with the same
 * backend sets and states. The dumps are applied as the Go driver applies
 * them: init.yaml, then each stateN.yaml up to the golden's, later objects
 * updating earlier ones; the agent options are the driver's.
 */
import { describe, expect, test } from 'vitest';
import { derive, initialTables, runCiliumCommand } from '../../src/engine/index.ts';
import { loadDumps, readFixture as read } from './fixture.ts';
import { goldenFrontends, serviceListFrontends } from './golden-lbmap.ts';

interface Case {
  dir: string;
  states: string[];
  golden: string;
  node: string;
  options: Record<string, string>;
}

const NODEPORT = { 'enable-node-port': 'true' };
const GRACEFUL = { 'enable-k8s-terminating-endpoint': 'true' };
const DUALSTACK = { 'enable-ipv6': 'true', 'enable-node-port': 'true' };

/** One case per golden: the dumps applied before it, the node it is for, the driver's options. */
const NP_STATES = ['state1.yaml'];
const GT_NODE = 'graceful-term-control-plane';
const CASES: Case[] = [
  ...['nodeport-control-plane', 'nodeport-worker', 'nodeport-worker2'].map((node) => ({
    dir: 'nodeport', states: NP_STATES, golden: `lbmap1_${node}.golden`, node, options: NODEPORT,
  })),
  ...[1, 2, 3].map((n) => ({
    dir: 'graceful-termination', states: ['state1.yaml', 'state2.yaml', 'state3.yaml'].slice(0, n),
    golden: `lbmap${n}.golden`, node: GT_NODE, options: GRACEFUL,
  })),
  { dir: 'dualstack', states: ['state1.yaml'], golden: 'lbmap1.golden', node: 'dual-stack-worker', options: DUALSTACK },
];

/** The case of one golden file. */
function caseOf(dir: string, golden: string): Case {
  const c = CASES.find((x) => x.dir === dir && x.golden === golden);
  if (!c) throw new Error(`no case ${dir}/${golden}`);
  return c;
}

function serviceListOf(c: Case): { text: string; ip4: string; ip6?: string; warnings: string[] } {
  const model = loadDumps(c.dir, c.states, c.options);
  const dp = derive(model);
  const out = runCiliumCommand(dp, initialTables(dp, c.node), c.node, ['service', 'list']);
  if (!out.ok) throw new Error(out.error);
  const node = dp.node(c.node);
  return { text: out.text, ip4: node?.ip ?? '', ip6: node?.ip6, warnings: model.warnings.map((w) => w.message) };
}

describe("Cilium's control-plane goldens: service list on the golden's node", () => {
  for (const c of CASES) {
    test(`${c.dir}/${c.golden} (${c.node}, ${Object.keys(c.options).join(', ')})`, () => {
      const got = serviceListOf(c);
      expect(serviceListFrontends(got.text, got)).toEqual(goldenFrontends(read(c.dir, c.golden)));
    });
  }

  test('the later dumps update the earlier ones, and validate says which objects were replaced', () => {
    const got = serviceListOf(caseOf('graceful-termination', 'lbmap3.golden'));
    // Each earlier copy names the copy that is read: the last one.
    expect(got.warnings.filter((w) => w.includes('is replaced by the later copy'))).toEqual([
      expect.stringMatching(/^Service test\/graceful-term-svc \(document 2, line \d+\): is replaced by the later copy at doc.* 4/),
      expect.stringMatching(/^EndpointSlice test\/graceful-term-svc-pg7nd \(document 2, line \d+\): is replaced .* document 4/),
      expect.stringMatching(/^Service test\/graceful-term-svc \(document 3, line \d+\): is replaced .* document 4/),
      expect.stringMatching(/^EndpointSlice test\/graceful-term-svc-pg7nd \(document 3, line \d+\): is replaced .* document 4/),
    ]);
  });
});

describe('what the goldens say, spelled out', () => {
  test('externalTrafficPolicy Local: a node without a local backend has an empty external scope and a full /i', () => {
    const plane = serviceListOf(caseOf('nodeport', 'lbmap1_nodeport-control-plane.golden'));
    const cp = serviceListFrontends(plane.text, plane);
    expect(cp).toContain('NodePort node4:30867 -> {}');
    expect(cp).toContain('NodePort node4:30867 internal -> {10.244.1.224:80 active}');
    const worker = serviceListOf(caseOf('nodeport', 'lbmap1_nodeport-worker.golden'));
    expect(serviceListFrontends(worker.text, worker)).toContain('NodePort node4:30867 -> {10.244.1.224:80 active}');
    expect(worker.text).toMatch(/\d+\s+172\.18\.0\.3:30867\/i\s+NodePort\s+1 => 10\.244\.1\.224:80 \(active\)/);
  });

  test('HostPort: 0.0.0.0 and the node address, only on the pod\'s node', () => {
    const worker = serviceListOf(caseOf('nodeport', 'lbmap1_nodeport-worker.golden'));
    expect(worker.text).toMatch(/0\.0\.0\.0:8080\s+HostPort\s+1 => 10\.244\.1\.224:80 \(active\)/);
    expect(worker.text).toMatch(/172\.18\.0\.3:8080\s+HostPort/);
    expect(serviceListOf(caseOf('nodeport', 'lbmap1_nodeport-control-plane.golden')).text).not.toContain('HostPort');
  });

  test('a serving, terminating endpoint is a terminating backend; without the option it is gone', () => {
    const step2 = caseOf('graceful-termination', 'lbmap2.golden');
    expect(serviceListOf(step2).text).toMatch(/10\.96\.116\.33:8081\s+ClusterIP\s+1 => 10\.244\.0\.112:8081 \(terminating\)/);
    const off = serviceListOf({ ...step2, options: { 'enable-k8s-terminating-endpoint': 'false' } });
    expect(off.text).toMatch(/10\.96\.116\.33:8081\s+ClusterIP\s*\n/);
  });

  test('dual-stack: IPv6 frontends as the agent prints them, and none without enable-ipv6', () => {
    const on = serviceListOf(caseOf('dualstack', 'lbmap1.golden'));
    expect(on.text).toMatch(/\[::\]:31659\s+NodePort\s+1 => \[fd00:10:244:1::13e7\]:69 \(active\)/);
    expect(on.text).toMatch(/\[fd00:10:96::31c2\]:80\s+ClusterIP/);
    expect(on.text).toMatch(/\[fc00:f853:ccd:e793::4\]:32066\s+NodePort/);
    const off = serviceListOf({ ...caseOf('dualstack', 'lbmap1.golden'), options: { 'enable-node-port': 'true' } });
    expect(off.text).not.toContain('[');
  });
});
