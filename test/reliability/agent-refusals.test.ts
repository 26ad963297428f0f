/** Issue #10.6: what the agent refuses to start with is a load error at the ConfigMap key; `--set` is named only when it caused it. */
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { scenarioText } from '../engine/builtin.ts';

const config = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: cilium-config, namespace: kube-system}
data:
${data}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
spec: {podCIDRs: [10.0.0.0/24]}
status: {addresses: [{type: InternalIP, address: 192.168.1.1}]}
`;

function errorsOf(text: string): string[] {
  const r = loadScenario(text, 't');
  return r.ok ? [] : r.errors.map((e) => e.message);
}

describe('agent start-up refusals', () => {
  it('BPF masquerade without kube-proxy replacement: located at the key, no --set named', () => {
    expect(errorsOf(config('  kube-proxy-replacement: "false"\n  enable-bpf-masquerade: "true"'))).toEqual([
      expect.stringMatching(/^ConfigMap kube-system\/cilium-config, data\.enable-bpf-masquerade \(document 1, line 6\): the Cilium agent refuses to start: BPF masquerading needs kube-proxy-replacement=true/),
    ]);
  });

  it('ip-masq-agent without BPF masquerade: located at the key', () => {
    expect(errorsOf(config('  enable-ip-masq-agent: "true"'))).toEqual([
      expect.stringMatching(/^ConfigMap kube-system\/cilium-config, data\.enable-ip-masq-agent \(document 1, line 5\): the Cilium agent refuses to start/),
    ]);
  });

  it('a --set that causes a refusal is named, with its value', () => {
    const r = loadScenario(scenarioText('kans-lab'), 'kans-lab');
    if (!r.ok) throw new Error('kans-lab does not load');
    expect(() => derive(r.model, { 'kube-proxy-replacement': 'false' })).toThrow(
      /^--set kube-proxy-replacement=false: the Cilium agent refuses to start: BPF masquerading needs kube-proxy-replacement=true/,
    );
  });
});
