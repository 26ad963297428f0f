/** Issue #10.7: what used to be accepted silently is now a located warning or error. */
import { describe, expect, it } from 'vitest';
import { derive, FlowError, parseObserveArgs, parseSettingsPairs, traceFlow } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const NODE = 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCIDRs: [10.0.0.0/24]}\n'
  + 'status: {addresses: [{type: InternalIP, address: 192.168.1.1}]}\n';
const doc = (text: string) => `${NODE}---\n${text}`;

function load(text: string) {
  const r = loadScenario(text, 't');
  return { r, errors: r.ok ? [] : r.errors.map((e) => e.message), warnings: r.ok ? r.model.warnings.map((w) => w.message) : [] };
}

describe('silent acceptances', () => {
  it('an IPv6-only pod is a located warning, and trace names it rather than "unknown source"', () => {
    const text = doc('apiVersion: v1\nkind: Pod\nmetadata: {name: six}\nspec: {nodeName: n1}\nstatus: {phase: Running, podIP: "fd00::5", podIPs: [{ip: "fd00::5"}]}\n'
      + '---\napiVersion: v1\nkind: Pod\nmetadata: {name: four}\nspec: {nodeName: n1}\nstatus: {podIP: 10.0.0.7}\n');
    const { r, warnings } = load(text);
    expect(warnings).toContainEqual(expect.stringMatching(/^Pod default\/six, status\.podIP \(document 2, line 11\): has only IPv6 addresses: the lab models IPv4/));
    if (!r.ok) throw new Error('does not load');
    const dp = derive(r.model);
    let caught: unknown;
    try {
      traceFlow(dp, { from: 'six', to: 'four', proto: 'icmp', seed: 1 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FlowError);
    expect((caught as FlowError).id).toBe('error.pod_without_ipv4');
  });

  it('a named targetPort no selected pod declares is a located warning', () => {
    const text = doc('apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec: {nodeName: n1, containers: [{name: c, ports: [{containerPort: 80, name: http}]}]}\nstatus: {podIP: 10.0.0.7}\n'
      + '---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  clusterIP: 10.96.0.9\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: http}\n  - {port: 81, targetPort: htpt}\n');
    expect(load(text).warnings).toEqual([
      expect.stringMatching(/^no ConfigMap kube-system\/cilium-config/),
      expect.stringMatching(/^Service default\/web, spec\.ports\[1\]\.targetPort \(document 3, line 21\): "htpt" is not the name of a TCP port any selected pod declares/),
    ]);
  });

  it('.inf and .nan ports are named as such, not "null"', () => {
    const text = doc('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {clusterIP: 10.96.0.9, ports: [{port: .inf}, {port: .nan}]}\n');
    expect(load(text).errors).toEqual([
      expect.stringMatching(/spec\.ports\[0\]\.port .*must be an integer, not \.inf$/),
      expect.stringMatching(/spec\.ports\[1\]\.port .*must be an integer, not \.nan$/),
    ]);
  });

  it('--set / set=: an empty value, __proto__, and a 100 KB value quoted by its start', () => {
    expect(parseSettingsPairs('routing-mode=')).toMatchObject({ ok: false, error: '"routing-mode=" has no value after its "="' });
    const proto = parseSettingsPairs('__proto__=x');
    expect(proto.ok && Object.keys(proto.settings)).toEqual(['__proto__']);
    const { r } = load(NODE);
    if (!r.ok) throw new Error('does not load');
    expect(() => derive(r.model, proto.ok ? proto.settings : {})).toThrow(/^--set __proto__: not a cilium-config key/);
    const huge = parseSettingsPairs(`x${'y'.repeat(100_000)}`);
    expect(!huge.ok && huge.error.length).toBeLessThan(120);
    expect(() => derive(r.model, { 'routing-mode': 'z'.repeat(100_000) })).toThrow(/^.{0,300}$/);
  });
});

describe('found by the fuzzer', () => {
  it('per-packet LB (no socket LB) to a service without backends drops with "Service backend not found", not an internal error', () => {
    const text = doc('apiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec: {nodeName: n1}\nstatus: {podIP: 10.0.0.7}\n'
      + '---\napiVersion: v1\nkind: Service\nmetadata: {name: empty}\nspec: {clusterIP: 10.96.0.9, selector: {app: none}, ports: [{port: 80}]}\n');
    const { r } = load(text);
    if (!r.ok) throw new Error('does not load');
    const trace = traceFlow(derive(r.model, { 'bpf-lb-sock': 'false' }), { from: 'client', to: 'empty', proto: 'tcp', port: 80, seed: 1 });
    expect(trace.events.at(-1)).toMatchObject({ kind: 'drop', verdict: 'DROPPED', drop: { code: 158 } });
  });

  it('an apiVersion, a config value or a flag named like an Object property is an ordinary unknown word', () => {
    for (const v of ['__proto__', 'constructor', 'toString']) {
      const { r, errors } = load(doc(`apiVersion: ${v}\nkind: Pod\nmetadata: {name: p}\n`));
      expect(errors).toEqual([]);
      expect(r.ok && r.model.ignored).toEqual([expect.stringMatching(new RegExp(`^Pod default/p .*: apiVersion ${v} is not modelled$`))]);
    }
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\ndata: {monitor-aggregation: constructor}\n';
    expect(load(`${cm}---\n${NODE}`).errors).toEqual([expect.stringMatching(/data\.monitor-aggregation .*"constructor" is not one of none, low, medium, maximum/)]);
    expect(parseObserveArgs(['observe', 'constructor', 'x'])).toMatchObject({ ok: false });
  });
});
