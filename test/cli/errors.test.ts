import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowlab } from './flowlab.ts';

const T = 120_000;

/** User mistakes: exit 2, one line on stderr naming what was wrong, never a stack trace. */
function expectUserError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('flowlab bad input', () => {
  it('an unknown pod: exit 2, the known names listed', async () => {
    const r = await flowlab('trace', '--from', 'nopod', '--to', 'webpod1');
    expectUserError(r, /^flowlab: unknown source "nopod".*; known: .*netpod.*webpod1.*k8s-s/);
  }, T);

  it('an unknown destination lists pods, services and nodes', async () => {
    const r = await flowlab('trace', '--from', 'netpod', '--to', 'nosvc', '--proto', 'tcp');
    expectUserError(r, /^flowlab: unknown destination "nosvc".*; known: .*svc/);
  }, T);

  it('--lang ko says the flow error in Korean from the same catalog; an unknown language is refused', async () => {
    const r = await flowlab('trace', '--from', 'nopod', '--to', 'webpod1', '--lang', 'ko');
    expectUserError(r, /^flowlab: 알 수 없는 출발지 "nopod": .*; 알려진 이름: .*netpod.*webpod1.*k8s-s/);
    expectUserError(await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--lang', 'fr'), /^flowlab: --lang must be one of en, ko, not "fr"\n$/);
  }, T);

  it('broken YAML: exit 2 with the line, for trace and for validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlab-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [a\n');
    expectUserError(await flowlab('trace', '--from', 'x', '--to', 'y', '--scenario', file), /^flowlab: broken\.yaml: .*line \d+/);
    const v = await flowlab('validate', file);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/^broken\.yaml: .*line \d+/);
  }, T);

  it('a located scenario error names the object and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlab-'));
    const file = join(dir, 'badip.yaml');
    writeFileSync(file, [
      'apiVersion: v1', 'kind: Node', 'metadata: {name: n1}', 'spec: {podCIDRs: [10.0.0.0/24]}',
      'status: {addresses: [{type: InternalIP, address: 192.168.1.300}]}',
    ].join('\n'));
    const v = await flowlab('validate', file);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/Node n1.*status\.addresses/);
  }, T);

  it('bad flags and values are named', async () => {
    expectUserError(await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--bogus'), /^flowlab: trace: Unknown option '--bogus'/);
    expectUserError(await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--proto', 'sctp'), /--proto must be one of icmp, tcp, udp/);
    expectUserError(await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--port', '70000'), /--port must be a whole number/);
    expectUserError(await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--set', 'routing-mode=bogus'), /^flowlab: --set routing-mode=bogus: "bogus" is not one of native, tunnel\n$/);
    expectUserError(await flowlab('trace', '--from', 'netpod', '--to', 'webpod1', '--scenario', 'nolab'), /unknown scenario "nolab"; built-in scenarios: .*kans-lab/);
    expectUserError(await flowlab('cilium', 'k8s-x', 'service', 'list'), /unknown node "k8s-x"; nodes: k8s-s, k8s-w1, k8s-w2/);
    expectUserError(await flowlab('frobnicate'), /unknown command "frobnicate"; commands: trace, cilium, exec, validate, lesson, help/);
  }, T);

  it('help prints the usage and exits 0; validate prints what was understood', async () => {
    const h = await flowlab('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/flowlab trace --from SRC --to DST/);
    const v = await flowlab('validate', 'public/scenarios/kans-lab.yaml');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^Scenario kans-lab: 3 nodes/);
  }, T);
});
