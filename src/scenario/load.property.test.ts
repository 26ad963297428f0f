/**
 * Properties of the loader: it never throws, every rejection is located, and
 * any cluster built by the rules (CIDRs per node, pod IPs inside them) loads.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadScenario } from './load.ts';
import type { LoadResult } from './model.ts';

/** Properties run hundreds of loads; on a busy CI machine that takes seconds, not a hang. */
const PROPERTY_TIMEOUT_MS = 60_000;

/** Fragments that make YAML and Kubernetes objects, so garbage sometimes comes close to valid. */
const TOKENS = [
  'apiVersion: v1\n', 'kind: Pod\n', 'kind: Node\n', 'kind: Service\n', 'kind: List\n', 'kind: CiliumNode\n',
  'apiVersion: cilium.io/v2\n', 'kind: CiliumEndpoint\n', 'kind: ConfigMap\n', 'metadata:\n', '  name: x\n',
  '  namespace: kube-system\n', 'spec:\n', '  nodeName: x\n', '  podCIDRs: [10.0.0.0/24]\n', 'status:\n',
  '  podIP: 10.0.0.5\n', '  addresses: [{type: InternalIP, address: 1.2.3.4}]\n', 'items:\n', '- ', '---\n',
  '  ', '\t', '{', '}', '[', ']', ':', ',', '"', "'", '&a ', '*a', '!!str ', '? ', '|\n', '>-\n', '#', '\n',
  'null', '~', '0x1F', '1e999', 'data:\n  routing-mode: x\n', '  ports: [{port: 99999}]\n', '%YAML 1.2\n',
];

function located(r: LoadResult): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.severity).toBe('error');
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.message).toContain(`line ${e.line}`);
  }
}

describe('loadScenario on any text', () => {
  test('random text never throws; it loads or every error is located', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => located(loadScenario(text, 'fuzz'))), { numRuns: 300 });
  }, PROPERTY_TIMEOUT_MS);

  test('random YAML-ish token soup never throws; it loads or every error is located', () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(fc.property(soup, (text) => located(loadScenario(text, 'fuzz'))), { numRuns: 500 });
  }, PROPERTY_TIMEOUT_MS);
});

interface GenPod {
  host: number;
  app: string;
}

interface GenNode {
  name: string;
  pods: GenPod[];
}

const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const app = fc.constantFrom('web', 'api', 'db', 'cache');

/** Nodes with unique names; node i owns 10.(i).0.0/24 and its pods take unique host numbers in it. */
const clusterArb = fc
  .uniqueArray(dnsLabel, { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc.tuple(
      fc.tuple(
        ...names.map((name) =>
          fc
            .uniqueArray(fc.record({ host: fc.integer({ min: 2, max: 254 }), app }), { selector: (p) => p.host, maxLength: 6 })
            .map((pods): GenNode => ({ name, pods })),
        ),
      ),
      fc.uniqueArray(fc.record({ app, port: fc.integer({ min: 1, max: 65535 }), ip: fc.integer({ min: 1, max: 65534 }) }), {
        selector: (s) => s.ip,
        maxLength: 5,
      }),
      fc.boolean(),
    ),
  );

function toYaml(nodes: GenNode[], services: { app: string; port: number; ip: number }[], asList: boolean): string {
  const objects: object[] = [];
  nodes.forEach((n, i) => {
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name },
      spec: { podCIDRs: [`10.${i}.0.0/24`] },
      status: { addresses: [{ type: 'InternalIP', address: `192.168.0.${i + 1}` }] },
    });
    for (const p of n.pods) {
      objects.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `${p.app}-${n.name}-${p.host}`, labels: { app: p.app } },
        spec: { nodeName: n.name, containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 8080, name: 'http' }] }] },
        status: { phase: 'Running', podIP: `10.${i}.0.${p.host}` },
      });
    }
  });
  services.forEach((s, k) => {
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${k}`, namespace: 'default' },
      spec: { clusterIP: `10.96.${s.ip >> 8}.${s.ip & 255}`, ports: [{ port: s.port, targetPort: 'http' }], selector: { app: s.app } },
    });
  });
  if (asList) return stringify({ apiVersion: 'v1', kind: 'List', items: objects });
  return objects.map((o) => stringify(o)).join('---\n');
}

describe('loadScenario on generated clusters', () => {
  test('a cluster built by the rules always loads, with every object as generated', () => {
    fc.assert(
      fc.property(clusterArb, ([nodes, services, asList]) => {
        const r = loadScenario(toYaml(nodes, services, asList), 'gen');
        if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
        expect(r.model.nodes.map((n) => n.name)).toEqual(nodes.map((n) => n.name));
        const ips = nodes.flatMap((n, i) => n.pods.map((p) => `10.${i}.0.${p.host}`));
        expect(r.model.pods.map((p) => p.podIP)).toEqual(ips);
        expect(r.model.services.map((s) => s.ports[0]?.port)).toEqual(services.map((s) => s.port));
        // Only "selects nothing" warnings, and only for apps no generated pod has.
        const apps = new Set(nodes.flatMap((n) => n.pods.map((p) => p.app)));
        for (const w of r.model.warnings.filter((w) => w.object?.startsWith('Service'))) {
          const svc = services[Number(w.object?.split('svc-')[1])];
          expect(svc && apps.has(svc.app)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  test('dropping or garbling any line of a valid cluster never throws; it loads or errors are located', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'null', 'num', 'list'));
    fc.assert(
      fc.property(clusterArb, fc.array(edit, { minLength: 1, maxLength: 4 }), ([nodes, services, asList], edits) => {
        const lines = toYaml(nodes, services, asList).split('\n');
        for (const [at, how] of edits) {
          const i = at % lines.length;
          const key = (lines[i] ?? '').replace(/:.*$/, ':');
          if (how === 'drop') lines.splice(i, 1);
          else if (how === 'dup') lines.splice(i, 0, lines[i] ?? '');
          else lines[i] = `${key} ${how === 'null' ? 'null' : how === 'num' ? '-7' : '[1, {a: b}]'}`;
        }
        located(loadScenario(lines.join('\n'), 'gen'));
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  test('moving any pod out of its node CIDR is an error at that pod\'s status.podIP', () => {
    const withPods = clusterArb.filter(([nodes]) => nodes.some((n) => n.pods.length > 0));
    fc.assert(
      fc.property(withPods, fc.nat(), ([nodes, services], pick) => {
        const owners = nodes.flatMap((n, i) => n.pods.map((p) => ({ n, i, p })));
        const victim = owners[pick % owners.length];
        if (!victim) return;
        const good = `podIP: 10.${victim.i}.0.${victim.p.host}\n`;
        const text = toYaml(nodes, services, false).replace(good, `podIP: 10.200.0.${victim.p.host}\n`);
        const r = loadScenario(text, 'gen');
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const e = r.errors.find((x) => x.object === `Pod default/${victim.p.app}-${victim.n.name}-${victim.p.host}`);
        expect(e?.field).toBe('status.podIP');
        expect(text.split('\n')[(e?.line ?? 0) - 1]).toContain('podIP: 10.200.0.');
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
