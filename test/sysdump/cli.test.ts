/** The CLI with a cilium-sysdump zip: `--scenario x.zip` for every command, and `flowlab sysdump`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowlab } from '../cli/flowlab.ts';
import { sysdumpZip } from './make-sysdump.ts';

let dir = '';
const zipAt = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowlab-sysdump-'));
});

describe('flowlab with a sysdump zip', () => {
  it('traces, prints cilium views and prints the report', async () => {
    const zip = zipAt('cilium-sysdump-20261130-101500.zip', sysdumpZip('kans-lab', {
      bugtool: (node, table, text) => (node === 'k8s-w2' && table === 'endpoint' ? text.split('\n').filter((_, i) => i !== 1).join('\n') : text),
    }));
    const [trace, cilium, report] = await Promise.all([
      flowlab('trace', '--scenario', zip, '--from', 'netpod', '--to', 'webpod1', '--proto', 'icmp'),
      flowlab('cilium', 'k8s-s', 'map', 'get', 'cilium_ipcache', '--scenario', zip),
      flowlab('sysdump', zip),
    ]);
    expect(trace.code, trace.stderr).toBe(0);
    expect(trace.stdout).toContain('webpod1');
    expect(cilium.code, cilium.stderr).toBe(0);
    expect(cilium.stdout).toContain('identity=');
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/^cilium-sysdump-20261130-101500\.zip: 3 nodes, \d+ pods, \d+ services/);
    expect(report.stdout).toContain('k8s-nodes-20261130-101500.yaml  Node: 3');
    expect(report.stdout).toContain('cilium-configmap-20261130-101500.yaml  ConfigMap kube-system/cilium-config: 1');
    expect(report.stdout).toMatch(/Missing:\n {2}k8s-networkpolicies-<ts>\.yaml \(NetworkPolicy\)/);
    expect(report.stdout).toMatch(/Agent cilium-\w+ on k8s-w2:\n(.*\n)*? {2}cilium-dbg bpf endpoint list: \d+ rows in the cluster, \d+ in the model, 1 difference\n {4}endpoint: \S+ is in the model/);
    expect(report.stdout).toMatch(/Agent cilium-\w+ on k8s-s:\n {2}cilium-dbg bpf ipcache list: \d+ rows in the cluster, \d+ in the model, no differences/);
  }, 60_000);

  it('a truncated zip or one without objects: exit 2, one line, no stack', async () => {
    const whole = sysdumpZip('kans-lab');
    const cut = zipAt('cut.zip', whole.subarray(0, 4000));
    const empty = zipAt('empty.zip', sysdumpZip('kans-lab', {
      without: ['Node', 'Pod', 'Service', 'CiliumNode', 'CiliumEndpoint', 'CiliumNetworkPolicy', 'ConfigMap', 'EndpointSlice', 'NetworkPolicy'],
    }));
    for (const [path, pattern] of [[cut, /^flowlab: cut\.zip: not a readable zip/], [empty, /^flowlab: empty\.zip: no Kubernetes objects/]] as const) {
      const r = await flowlab('trace', '--scenario', path, '--from', 'netpod', '--to', 'webpod1');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);
});
