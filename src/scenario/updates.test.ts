import { describe, expect, test } from 'vitest';
import { loadScenario } from './load.ts';

const node = (ip: string) => `apiVersion: v1
kind: Node
metadata:
  name: n1
spec:
  podCIDRs:
  - 10.1.1.0/24
status:
  addresses:
  - type: InternalIP
    address: ${ip}
`;

const list = (...items: string[]) =>
  `apiVersion: v1\nkind: List\nitems:\n${items.map((i) => `- ${i.trimEnd().split('\n').join('\n  ')}`).join('\n')}\n`;

describe('a later object with the same kind/namespace/name is an update', () => {
  test('the later document wins and validate names the replaced one', () => {
    const r = loadScenario(`${node('192.168.1.1')}---\n${node('192.168.1.9')}`, 't');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.model.nodes.map((n) => n.internalIP)).toEqual(['192.168.1.9']);
    const w = r.model.warnings.find((i) => i.object === 'Node n1');
    expect(w?.message).toContain('is replaced by the later copy at document 2, line 13 (read as an update)');
    expect(w?.doc).toBe(0);
  });

  test('two dumps concatenated: every object of the first that the second has is replaced', () => {
    const r = loadScenario(`${list(node('192.168.1.1'))}---\n${list(node('192.168.1.2'))}`, 't');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(r.model.nodes[0]?.internalIP).toBe('192.168.1.2');
  });

  test('twice within one List (one dump) contradicts itself: an error', () => {
    const r = loadScenario(list(node('192.168.1.1'), node('192.168.1.2')), 't');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.message).toMatch(/^Node n1.*is listed twice in one document \(first at document 1, line \d+\)/);
  });
});
