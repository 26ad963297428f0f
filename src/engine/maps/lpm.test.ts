import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv4ToU32, maskOf, type Ipv4 } from '../../scenario/values.ts';
import { LpmTable } from './lpm.ts';

const u32 = (ip: string) => ipv4ToU32(ip as Ipv4);

describe('LpmTable', () => {
  it('returns the longest prefix that contains the address', () => {
    const t = new LpmTable<string>();
    t.set(0, 0, 'world');
    t.set(u32('172.16.0.0'), 16, 'cluster');
    t.set(u32('172.16.1.235'), 32, 'webpod1');
    expect(t.lookup(u32('172.16.1.235'))).toBe('webpod1');
    expect(t.lookup(u32('172.16.1.236'))).toBe('cluster');
    expect(t.lookup(u32('8.8.8.8'))).toBe('world');
  });

  it('misses when no prefix (not even /0) contains the address', () => {
    const t = new LpmTable<string>();
    t.set(u32('10.0.0.0'), 8, 'ten');
    expect(t.lookup(u32('11.0.0.1'))).toBeUndefined();
  });

  it('replaces the value of an existing prefix without growing', () => {
    const t = new LpmTable<number>();
    t.set(u32('10.1.2.3'), 32, 1);
    t.set(u32('10.1.2.3'), 32, 2);
    expect(t.size).toBe(1);
    expect(t.lookup(u32('10.1.2.3'))).toBe(2);
  });

  it('agrees with a linear longest-match scan', () => {
    const prefix = fc.record({ net: fc.integer({ min: 0, max: 0xffffffff }), bits: fc.integer({ min: 0, max: 32 }) });
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 20 }), (prefixes, addrs) => {
        const t = new LpmTable<number>();
        const canonical = new Map<string, { net: number; bits: number; i: number }>();
        prefixes.forEach((p, i) => {
          const net = (p.net & maskOf(p.bits)) >>> 0;
          t.set(net, p.bits, i);
          canonical.set(`${net}/${p.bits}`, { net, bits: p.bits, i });
        });
        for (const a of addrs) {
          let best: { bits: number; i: number } | undefined;
          for (const c of canonical.values()) {
            if (((a & maskOf(c.bits)) >>> 0) === c.net && (!best || c.bits > best.bits)) best = c;
          }
          expect(t.lookup(a)).toBe(best?.i);
        }
      }),
    );
  });
});
