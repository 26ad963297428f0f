import { CILIUM_COMMANDS, OBSERVE_FLAGS } from '../../engine/index.ts';
import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from './command.ts';

const nodes = ['k8s-s', 'k8s-w1', 'k8s-w2'];

describe('parseCommand', () => {
  it('maps the seed aliases c0..c2 to the nodes in order', () => {
    const c = parseCommand('c1 service list', nodes);
    expect(c).toMatchObject({ kind: 'cilium', node: 'k8s-w1', view: { view: 'service list' } });
  });

  it('accepts cilium -n <node> and a bare node name', () => {
    expect(parseCommand('cilium -n k8s-w2 bpf nat list', nodes)).toMatchObject({ node: 'k8s-w2', view: { view: 'bpf nat list' } });
    expect(parseCommand('c0 bpf nat list --json', nodes)).toMatchObject({ kind: 'error', message: expect.stringContaining('unknown command') });
    expect(parseCommand('cilium k8s-s map get cilium_ipcache', nodes)).toMatchObject({ node: 'k8s-s' });
    expect(parseCommand('cilium service list', nodes).kind).toBe('error');
  });

  it('parses hubble observe and rejects unknown commands', () => {
    expect(parseCommand('hubble observe --pod netpod', nodes)).toMatchObject({ kind: 'hubble', query: { filter: { pod: 'netpod' } } });
    expect(parseCommand('ls -l', nodes).kind).toBe('error');
    expect(parseCommand('   ', nodes).kind).toBe('empty');
  });

  it('filters with grep, -E alternatives and -A context as the seed uses them', () => {
    const text = 'a 10.10.252.131\n  b\n  c\nd\n11 x\n12 y';
    const pick = (line: string) => {
      const c = parseCommand(line, nodes);
      if (c.kind !== 'cilium') throw new Error(c.kind);
      return c.filter(text);
    };
    expect(pick('c0 service list | grep 10.10.252.131 -A2')).toBe('a 10.10.252.131\n  b\n  c');
    expect(pick("c0 map get cilium_lb4_backends_v3 | grep -E '11|12'")).toBe('11 x\n12 y');
    expect(pick('c0 map list | grep -v 1')).toBe('  b\n  c\nd');
  });

  it("takes the write-up's ways into a node or pod as typed exec requests (words, no shell line)", () => {
    expect(parseCommand('ssh k8s-w1 ip -c route', nodes)).toMatchObject({ kind: 'exec', target: 'k8s-w1', argv: ['ip', '-c', 'route'] });
    expect(parseCommand('kubectl exec -it netpod -- ip -c neigh', nodes)).toMatchObject({ kind: 'exec', target: 'netpod', argv: ['ip', '-c', 'neigh'] });
    expect(parseCommand('kubectl exec -it cilium-abc -n kube-system -c cilium-agent -- cilium status', nodes))
      .toMatchObject({ kind: 'exec', target: 'kube-system/cilium-abc', argv: ['cilium', 'status'] });
    expect(parseCommand('c0bpf net show | grep lxce880e1eecb7a', nodes)).toMatchObject({ kind: 'exec', target: 'k8s-s', argv: ['bpftool', 'net', 'show'] });
    expect(parseCommand('c0 status --verbose', nodes)).toMatchObject({ kind: 'cilium', node: 'k8s-s', view: { view: 'status', verbose: true } });
    expect(parseCommand('c1 config view', nodes)).toMatchObject({ kind: 'cilium', node: 'k8s-w1', view: { view: 'config view' } });
    expect(parseCommand('ip -c route', nodes)).toMatchObject({ kind: 'error', message: expect.stringContaining('ssh k8s-s ip -c route') });
    expect(parseCommand('kubectl exec netpod ip a', nodes).kind).toBe('error');
  });

  it('refuses pipes to anything but grep', () => {
    expect(parseCommand('c0 service list | wc -l', nodes).kind).toBe('error');
  });

  it('keeps quoted words whole', () => {
    expect(tokenize(`grep -E "a b" 'c|d'`)).toEqual(['grep', '-E', 'a b', 'c|d']);
  });
});

describe('help', () => {
  const nodes = ['k8s-s', 'k8s-w1', 'k8s-w2'];
  const text = (line: string) => {
    const c = parseCommand(line, nodes);
    if (c.kind !== 'text') throw new Error(`expected text, got ${c.kind}`);
    return c.filter(c.text);
  };

  it('lists every command the parser knows: the node aliases, each cilium command, hubble\'s flags, grep', () => {
    const out = text('help');
    for (const c of CILIUM_COMMANDS) expect(out).toContain(c);
    for (const f of OBSERVE_FLAGS) expect(out).toContain(f);
    expect(out).toContain('c0 = k8s-s, c1 = k8s-w1, c2 = k8s-w2');
    expect(out).toContain('| grep');
    // Each listed form really parses.
    expect(parseCommand('c0 bpf ct list global', nodes).kind).toBe('cilium');
  });

  it('says what each command does in the page\'s language; the commands stay as typed', () => {
    const c = parseCommand('help', nodes, 'ko');
    const out = c.kind === 'text' ? c.text : '';
    expect(out).toContain('명령:');
    expect(out).toContain('노드: c0 = k8s-s, c1 = k8s-w1, c2 = k8s-w2');
    expect(out).toMatch(/hubble observe \[[^\n]*현재 홉까지 Hubble이 본 흐름/);
    expect(out).not.toMatch(/the same|this list|Commands:/);
  });

  it('can be grepped like any output, and an unknown word points to it', () => {
    expect(text('help | grep "bpf nat"').trim()).toBe('bpf nat list');
    const bad = parseCommand('kubectl get pods', nodes);
    expect(bad.kind === 'error' && bad.message).toContain('try help');
  });
});
