import { DEFAULT_CT_TIMEOUTS } from '../../scenario/config-ct.ts';
import { describe, expect, it } from 'vitest';
import type { Datapath } from '../derive/types.ts';
import { tcAt } from '../place.ts';
import { createRng } from '../util/rng.ts';
import { createWalk, type HopDraft } from './walk.ts';

describe('the walk', () => {
  // emit() writes every field out (one object shape for all events); Required<> makes this draft list every
  // field a hop can carry, so a new HopEvent field fails here until emit copies it.
  it('carries every field of a hop into its event, and derives the flat place fields', () => {
    const draft: Required<HopDraft> = {
      place: tcAt('k8s-s', 'lxc1', 'tc-ingress'),
      packet: { id: 0, direction: 'request', src: '10.0.0.1' as never, dst: '10.0.0.2' as never, proto: 'ICMP' },
      kind: 'policy', program: 'cil_from_container', source: 'bpf/bpf_lxc.c', maps: [], verdict: 'DROPPED',
      drop: { code: 133, reason: 'Policy denied' }, observation: 'from-endpoint', sockXlate: 'post-xlate-fwd', ctState: 'new',
      srcIdentity: 1, dstIdentity: 2, dstEndpoint: 3, syscalls: ['connect()'],
      socket: {
        call: 'connect', proto: 'TCP', local: { ip: '10.0.0.1' as never, port: 0 }, peerBefore: { ip: '10.0.0.9' as never, port: 80 },
        peerAfter: { ip: '10.0.0.2' as never, port: 80 }, direction: 'request', packetId: 0,
      },
      policyVerdict: { direction: 'egress', allowed: false, deny: false, match: 'none', enforced: true, rule: 'r', ruleMessage: { id: 'policy.origin.allow-all', params: {} }, remoteIdentity: 2 },
    };
    const w = createWalk({ config: { ctTimeouts: DEFAULT_CT_TIMEOUTS } } as Datapath, createRng(1));
    const e = w.emit(draft, 'lxc.ingress', { pod: 'p', lxc: 'lxc1', link: 'veth', hook: 'tc-ingress' });
    for (const [k, v] of Object.entries(draft)) expect(e[k as keyof typeof e], k).toBe(v);
    expect(e).toMatchObject({ seq: 0, node: 'k8s-s', iface: 'lxc1', hook: 'tc-ingress', pod: undefined, peer: undefined });
  });
});
