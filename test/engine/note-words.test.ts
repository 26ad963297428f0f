/**
 * Every map op that says why it happened (MapOp.note, the CLI's English) says it as words too
 * (MapOp.noteWords), so the page's hop inspector and handout speak the reader's language: in English
 * word for word the note, in Korean with Hangul (or only Cilium's own names, which stay as they are).
 */
import { describe, expect, it } from 'vitest';
import { MODE_PRESETS, traceFlow, traceJson, type FlowRequest, type MapOp, type Settings } from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';
import { loadBuiltin } from './builtin.ts';

interface Case { scenario: string; req: FlowRequest; settings?: Settings }

const KUBE_PROXY = MODE_PRESETS.find((m) => m.id === 'kube-proxy')?.settings ?? {};
const TUNNEL: Settings = { 'routing-mode': 'tunnel' };

const CASES: Case[] = [
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'netpod2', proto: 'icmp' } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'svc', proto: 'tcp', port: 80 } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443 } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' }, settings: { 'enable-ip-masq-agent': 'false' } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' }, settings: TUNNEL },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'svc', proto: 'tcp' }, settings: { ...TUNNEL, 'tunnel-protocol': 'geneve' } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'svc', proto: 'tcp' }, settings: { 'bpf-lb-sock': 'false' } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' }, settings: { 'enable-host-legacy-routing': 'true' } },
  { scenario: 'kans-lab', req: { from: '203.0.113.7', to: 'k8s-s', proto: 'tcp', port: 32283 } },
  { scenario: 'kans-lab', req: { from: 'netpod', to: 'svc', proto: 'tcp' }, settings: KUBE_PROXY },
  { scenario: 'kans-lab', req: { from: '203.0.113.7', to: 'k8s-s', proto: 'tcp', port: 32283 }, settings: KUBE_PROXY },
  { scenario: 'kans-lab', req: { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443 }, settings: KUBE_PROXY },
  { scenario: 'kans-lab', req: { from: 'k8s-w1', to: 'netpod', proto: 'icmp' }, settings: { 'enable-endpoint-routes': 'false' } },
  { scenario: 'kans-lab-policy', req: { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 } },
  { scenario: 'kans-lab-policy', req: { from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80 } },
  { scenario: 'three-zones', req: { from: 'toolbox', to: 'frontend-6f7c9d8b4-2xk9p', proto: 'tcp', port: 80 }, settings: TUNNEL },
  { scenario: 'three-zones', req: { from: 'toolbox', to: 'shop/web', proto: 'tcp', port: 8080 } },
];

/** Cilium's own names (lb4_lookup_service, ct_create4): snake_case words, kept in every language. */
const CILIUM_NAMES_ONLY = /^[\w()]*_[\w()]*(\s+[\w()]*_[\w()]*)*$/;

function opsOf(c: Case): MapOp[] {
  return traceFlow(loadBuiltin(c.scenario, c.settings), c.req).events.flatMap((e) => e.maps);
}

describe('map op notes as words', () => {
  const seen = new Set<string>();

  it.each(CASES.map((c) => [`${c.scenario} ${c.req.from} > ${c.req.to} ${JSON.stringify(c.settings ?? {})}`, c] as const))(
    '%s: every note has words, English equal to the note, Korean in Korean',
    (_name, c) => {
      const noted = opsOf(c).filter((op) => op.note !== undefined);
      expect(noted.length).toBeGreaterThan(0);
      for (const op of noted) {
        expect(op.noteWords, `${op.map} ${op.note}`).toBeDefined();
        if (!op.noteWords) continue;
        seen.add(op.noteWords.id);
        expect(render('en', op.noteWords)).toBe(op.note);
        const ko = render('ko', op.noteWords);
        expect(/[가-힣]/.test(ko) || CILIUM_NAMES_ONLY.test(ko), `ko: ${ko}`).toBe(true);
        expect(ko).not.toMatch(/\b(entry|default route|pod CIDR|no mapping|taken|service\?)/);
      }
    },
  );

  it('the flows above reach the notes of every program that writes one', () => {
    expect([...seen].sort()).toEqual(expect.arrayContaining([
      'note.arp_table', 'note.ipcache.dst', 'note.ipcache.src', 'note.policy.none', 'note.policy.decides',
      'note.fib', 'note.route', 'note.slot', 'note.lb.lookup', 'note.nodeport.frontend', 'note.nodeport.is_service',
      'note.sock.master', 'note.sock.revnat', 'note.iptables.taken', 'note.ct.new',
      'note.ct.create', 'note.snat.no_mapping', 'note.snat.reverse_first', 'note.ipmasq',
    ]));
  });

  it('the CLI\'s JSON keeps `note` alone (no noteWords)', () => {
    const t = traceFlow(loadBuiltin('kans-lab'), { from: 'netpod', to: 'svc', proto: 'tcp', port: 80 });
    const json = traceJson(t, (m) => render('en', m));
    expect(json).toContain('"note": "slot ');
    expect(json).not.toContain('noteWords');
    // Nor a policy row's origin words: its value text says the same in English.
    const drop = traceFlow(loadBuiltin('kans-lab-policy'), { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 });
    const dropJson = traceJson(drop, (m) => render('en', m));
    expect(dropJson).toContain('cilium_policy');
    expect(dropJson).not.toContain('"words"');
  });
});
