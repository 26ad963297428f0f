/** `flowlab lesson check|list`: the teacher's checker, through the real CLI. */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowlab } from './flowlab.ts';

describe('flowlab lesson', () => {
  it('check prints each stop\'s hop and ok for a good lesson', async () => {
    const r = await flowlab('lesson', 'check', 'socket-lb');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^stop 1 \(line \d+\): hop 1 of \d+: socket-lb-rewrite cil_sock4_connect on k8s-s socket: connect\(\) to the service 10\.10\.252\.131:80/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('ok');
  });

  it('check names the stop, the field and the problem, and exits 2', async () => {
    const file = join(tmpdir(), `flowlab-lesson-${process.pid}.yaml`);
    writeFileSync(file, [
      'id: mine', 'title: { en: Mine, ko: 내 것 }', 'stops:',
      '  - scenario: kans-lab',
      '    flow: { from: netpod, to: webpod1, proto: icmp }',
      '    hop: { kind: tunnel-encap }',
      '    evidence: { maps: cilium_ipcache }',
      '    caption: { en: encapsulated, ko: 캡슐화 }', '',
    ].join('\n'));
    const r = await flowlab('lesson', 'check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stop 1 \(line 4\): no hop$/m);
    expect(r.stderr).toMatch(/^ {2}problem: lesson mine, stop 1, hop \(line 4\): no hop matches tunnel-encap #1 in the 28 hops of this flow$/m);
  });

  it('list gives every built-in lesson with its length', async () => {
    const r = await flowlab('lesson', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^socket-lb\t4 stops\tThe socket LB rewrites connect\(\)$/m);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(7);
  });

  it('an unknown lesson is one line and exit 2', async () => {
    const r = await flowlab('lesson', 'check', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^flowlab: unknown lesson "nope"; built-in lessons: arp-proxy, /);
  });
});
