/** Properties of the branded-value parsers: every value the loader accepts round-trips. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  cidrContains,
  cidrHost,
  cidrToString,
  ipv4ToU32,
  maskOf,
  parseCidr,
  parseIpv4,
  parseMac,
  u32ToIpv4,
} from './values.ts';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const bits = fc.integer({ min: 0, max: 32 });

describe('IPv4 and CIDR parsing (properties)', () => {
  test('any address round-trips through text and its 32-bit number', () => {
    fc.assert(
      fc.property(u32, (n) => {
        const ip = u32ToIpv4(n);
        expect(parseIpv4(ip)).toBe(ip);
        expect(ipv4ToU32(ip)).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        expect(parseIpv4(text)).toBe(text);
      }),
    );
  });

  test('any a.b.c.d/n parses to its network, which contains the address and prints back', () => {
    fc.assert(
      fc.property(u32, bits, (n, b) => {
        const c = parseCidr(`${u32ToIpv4(n)}/${b}`);
        expect(c).toBeDefined();
        if (!c) return;
        expect(c.bits).toBe(b);
        expect(ipv4ToU32(c.base)).toBe((n & maskOf(b)) >>> 0);
        expect(cidrContains(c, u32ToIpv4(n))).toBe(true);
        expect(cidrHost(c, 0)).toBe(c.base);
        expect(parseCidr(cidrToString(c))).toEqual(c);
      }),
    );
  });

  test('an address outside a CIDR is not contained', () => {
    fc.assert(
      fc.property(u32, fc.integer({ min: 1, max: 32 }), (n, b) => {
        const c = parseCidr(`${u32ToIpv4(n)}/${b}`);
        if (!c) throw new Error('valid CIDR refused');
        // Flip the last network bit: same length prefix, other network.
        const outside = u32ToIpv4((n ^ (1 << (32 - b))) >>> 0);
        expect(cidrContains(c, outside)).toBe(false);
      }),
    );
  });

  test('octets over 255, leading zeros, wrong part counts and prefix lengths over 32 are refused', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet), fc.integer({ min: 256, max: 99999 }), fc.nat(3), (parts, big, at) => {
        const all = [...parts];
        all.splice(at, 0, big);
        expect(parseIpv4(all.join('.'))).toBeUndefined();
        expect(parseCidr(`${all.join('.')}/24`)).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 33, max: 999 }), (p, b) => {
        expect(parseCidr(`${p.join('.')}/${b}`)).toBeUndefined();
        expect(parseIpv4(`0${p.join('.')}`)).toBeUndefined();
        expect(parseCidr(`0${p.join('.')}/8`)).toBeUndefined();
        expect(parseIpv4(p.slice(0, 3).join('.'))).toBeUndefined();
      }),
    );
  });

  test('arbitrary text is never taken for an address unless it is a dotted quad', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const ip = parseIpv4(s);
        if (ip !== undefined) expect(s).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
        const c = parseCidr(s);
        if (c !== undefined) expect(s).toMatch(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/);
      }),
    );
  });

  test('MACs: any six bytes in either case parse to lower case; anything shorter does not', () => {
    const byte = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
    fc.assert(
      fc.property(fc.array(byte, { minLength: 6, maxLength: 6 }), fc.boolean(), (bytes, upper) => {
        const text = bytes.join(':');
        expect(parseMac(upper ? text.toUpperCase() : text)).toBe(text);
        expect(parseMac(bytes.slice(1).join(':'))).toBeUndefined();
      }),
    );
  });
});
