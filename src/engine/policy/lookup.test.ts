/** The datapath's lookup precedence and the agent's deny preference, on hand-written map entries. */
import { describe, expect, it } from 'vitest';
import type { EndpointInfo } from '../derive/types.ts';
import { policyLookup } from './lookup.ts';
import { resolveEntries } from './mapstate.ts';
import { PROTO, type EndpointPolicy, type EntryOrigin, type PolicyEntry, type TrafficDirection } from './types.ts';

const X = 300;
const Y = 301;

const origin = (text: string): EntryOrigin => ({
  kind: 'rule', text, message: { id: 'policy.origin.rule', params: { kind: 'test', policy: 'p', field: 'f', line: 0, text } },
});

/** `{identity, proto, port, bits}` on ingress; bits default to 16 for a port, 0 without. */
function entry(identity: number, proto: number, port = 0, deny = false, portBits = port === 0 ? 0 : 16, direction: TrafficDirection = 'ingress'): PolicyEntry {
  return { identity, direction, proto, port, portBits, deny, origin: origin(`${deny ? 'deny' : 'allow'} ${identity} ${proto}/${port}/${portBits}`) };
}

const allow = (id: number, proto = 0, port = 0, bits?: number) => entry(id, proto, port, false, bits);
const deny = (id: number, proto = 0, port = 0, bits?: number) => entry(id, proto, port, true, bits);

function mapOf(entries: PolicyEntry[]): EndpointPolicy {
  const st = { enforced: true, defaultDeny: true };
  return { endpoint: { id: 7 } as EndpointInfo, ingress: st, egress: st, policies: [], entries: resolveEntries(entries) };
}

const lookup = (entries: PolicyEntry[], id: number, proto: number, dport: number) => policyLookup(mapOf(entries), 'ingress', id, proto, dport);

describe('policyLookup precedence (bpf/lib/policy.h __policy_can_access)', () => {
  const all = [allow(X, PROTO.TCP, 80), allow(0, PROTO.TCP, 80), allow(X, PROTO.TCP), allow(0, PROTO.TCP), allow(X), allow(0)];

  it('takes the most specific of the six kinds, in the datapath order', () => {
    // Remove the best match one at a time: each time the next kind decides.
    const order = ['L3-L4', 'L4-Only', 'L3-Proto', 'Proto-Only', 'L3-Only', 'all'];
    for (let i = 0; i < all.length; i++) {
      const r = lookup(all.slice(i), X, PROTO.TCP, 80);
      expect(r.match).toBe(order[i]);
      expect(r.entry).toMatchObject({ identity: all[i]!.identity, proto: all[i]!.proto, port: all[i]!.port });
    }
  });

  it('looks up once for a full L3-L4 hit, twice otherwise, and reports none with no entry', () => {
    expect(lookup(all, X, PROTO.TCP, 80).probes.map((p) => p.identity)).toEqual([X]);
    expect(lookup(all.slice(1), X, PROTO.TCP, 80).probes.map((p) => p.identity)).toEqual([X, 0]);
    const none = lookup([allow(Y, PROTO.TCP, 80)], X, PROTO.TCP, 80);
    expect(none.match).toBe('none');
    expect(none.entry).toBeUndefined();
    expect(none.probes.every((p) => p.hit === undefined)).toBe(true);
  });

  it('matches identity and direction exactly, protocol and port by prefix', () => {
    const entries = [allow(X, PROTO.TCP, 8080, 13)]; // 8080-8087
    expect(lookup(entries, X, PROTO.TCP, 8087).match).toBe('L3-L4');
    expect(lookup(entries, X, PROTO.TCP, 8088).match).toBe('none');
    expect(lookup(entries, X, PROTO.UDP, 8080).match).toBe('none');
    expect(lookup(entries, Y, PROTO.TCP, 8080).match).toBe('none');
    const egress = mapOf([entry(X, 0, 0, false, 0, 'egress')]);
    expect(policyLookup(egress, 'ingress', X, PROTO.TCP, 80).match).toBe('none');
    expect(policyLookup(egress, 'egress', X, PROTO.TCP, 80).match).toBe('L3-Only');
  });

  it('prefers the longer prefix within one identity', () => {
    const r = lookup([allow(X, PROTO.TCP, 80, 12), deny(X, PROTO.TCP, 84)], X, PROTO.TCP, 84);
    expect(r.entry?.deny).toBe(true);
    expect(lookup([allow(X, PROTO.TCP, 80, 12), deny(X, PROTO.TCP, 84)], X, PROTO.TCP, 85).entry?.deny).toBe(false);
  });
});

describe('deny wins (pkg/policy/mapstate.go denyPreferredInsertWithChanges)', () => {
  it('drops an allow that a deny covers: same or any identity, equal or broader port', () => {
    const out = resolveEntries([allow(X, PROTO.TCP, 80), deny(0, PROTO.TCP), allow(Y, PROTO.UDP, 53)]);
    expect(out.map((e) => [e.identity, e.proto, e.port, e.deny])).toEqual([[0, PROTO.TCP, 0, true], [Y, PROTO.UDP, 53, false]]);
  });

  it('writes a deny copy where precedence would pick a broader-identity allow', () => {
    // allow any identity on 80/TCP (L4-only) beats a deny of X at L3-only, unless the agent adds {X, 80/TCP} deny.
    const out = resolveEntries([allow(0, PROTO.TCP, 80), deny(X)]);
    expect(out).toContainEqual(expect.objectContaining({ identity: X, proto: PROTO.TCP, port: 80, portBits: 16, deny: true }));
    expect(lookup([allow(0, PROTO.TCP, 80), deny(X)], X, PROTO.TCP, 80)).toMatchObject({ match: 'L3-L4', entry: { deny: true } });
    expect(lookup([allow(0, PROTO.TCP, 80), deny(X)], Y, PROTO.TCP, 80)).toMatchObject({ match: 'L4-Only', entry: { deny: false } });
  });

  it('denies a single port inside an allowed range of the same identity, and of any identity', () => {
    expect(lookup([allow(X, PROTO.TCP, 80, 12), deny(0, PROTO.TCP, 81)], X, PROTO.TCP, 81).entry?.deny).toBe(true);
    expect(lookup([allow(X, PROTO.TCP, 80, 12), deny(0, PROTO.TCP, 81)], X, PROTO.TCP, 82).entry?.deny).toBe(false);
  });

  it('adds no copy when the deny already wins by precedence', () => {
    const entries = [allow(X), deny(0, PROTO.TCP, 80)];
    expect(resolveEntries(entries)).toHaveLength(2);
    expect(lookup(entries, X, PROTO.TCP, 80)).toMatchObject({ match: 'L4-Only', entry: { deny: true } });
    expect(lookup(entries, X, PROTO.UDP, 80)).toMatchObject({ match: 'L3-Only', entry: { deny: false } });
  });

  it('keeps the first origin of a repeated allow, and a deny over an allow of the same key', () => {
    const first = allow(X, PROTO.TCP, 80);
    const again = { ...allow(X, PROTO.TCP, 80), origin: origin('second') };
    expect(resolveEntries([first, again])).toEqual([first]);
    expect(resolveEntries([first, deny(X, PROTO.TCP, 80)]).map((e) => e.deny)).toEqual([true]);
  });
});
