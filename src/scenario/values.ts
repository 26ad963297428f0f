/**
 * Branded values: parsed once at the scenario boundary (ipaddr.js validates),
 * never re-parsed inside the engine. A brand stops an identity being passed
 * where a port is expected, or a raw string where a checked IPv4 is.
 */
import ipaddr from 'ipaddr.js';

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Dotted-quad IPv4 address, canonical form (no leading zeros). */
export type Ipv4 = Brand<string, 'Ipv4'>;
/** IPv6 address in its canonical text (RFC 5952: lower case, longest zero run as `::`). */
export type Ipv6 = Brand<string, 'Ipv6'>;
/** A CIDR: network address (host bits zero) and prefix length in bits (0..32). */
export interface Cidr { readonly base: Ipv4; readonly bits: number }
/** TCP/UDP port, 0..65535 (host byte order). */
export type Port = Brand<number, 'Port'>;
/** Cilium security identity (numeric, pkg/identity). */
export type Identity = Brand<number, 'Identity'>;
/** Kernel interface index. */
export type IfIndex = Brand<number, 'IfIndex'>;
/** Cilium endpoint ID (cilium endpoint list, cilium_policy_<EPID>). */
export type EndpointId = Brand<number, 'EndpointId'>;
/** MAC address, lower-case colon-separated (as `ip link` prints it). */
export type Mac = Brand<string, 'Mac'>;

export const asIdentity = (n: number) => n as Identity;
export const asPort = (n: number) => n as Port;
export const asIfIndex = (n: number) => n as IfIndex;
export const asEndpointId = (n: number) => n as EndpointId;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CANONICAL_IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** Parses a dotted-quad IPv4 string; returns undefined when it is not one. */
export function parseIpv4(text: string): Ipv4 | undefined {
  // Already canonical (no leading zeros, each part 0..255): what nearly every file holds, read without ipaddr.js.
  if (typeof text === 'string' && CANONICAL_IPV4.test(text)) return text as Ipv4;
  if (typeof text !== 'string' || !ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  return ipaddr.IPv4.parse(text).toString() as Ipv4;
}

/** Parses an IPv6 address (no zone, no embedded IPv4 form needed); undefined when it is not one. */
export function parseIpv6(text: string): Ipv6 | undefined {
  if (typeof text !== 'string' || !text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  return ipaddr.IPv6.parse(text).toRFC5952String() as Ipv6;
}

/** Parses "a.b.c.d/n"; the base is normalised to the network address. */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  // The address must be one parseIpv4 accepts: ipaddr.js alone would read
  // "01.2.3.4" (a leading zero) as another address instead of refusing it.
  const m = /^([^/]+)\/(0|[1-9]\d?)$/.exec(text);
  const addr = m?.[1] === undefined ? undefined : parseIpv4(m[1]);
  const bits = Number(m?.[2]);
  if (addr === undefined || !(bits <= 32)) return undefined;
  return { base: u32ToIpv4((ipv4ToU32(addr) & maskOf(bits)) >>> 0), bits };
}

/** Network mask of a prefix length as an unsigned 32-bit number. */
export function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Fast conversion for already-validated addresses (hot path of LPM lookups). */
export function ipv4ToU32(ip: Ipv4): number {
  let n = 0;
  let part = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      n = n * 256 + part;
      part = 0;
    } else part = part * 10 + (c - 48);
  }
  return n * 256 + part;
}

export function u32ToIpv4(n: number): Ipv4 {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}` as Ipv4;
}

export function cidrContains(cidr: Cidr, ip: Ipv4): boolean {
  const m = maskOf(cidr.bits);
  return ((ipv4ToU32(ip) & m) >>> 0) === ipv4ToU32(cidr.base);
}

export function cidrToString(c: Cidr): string {
  return `${c.base}/${c.bits}`;
}

/** The n-th address of a CIDR (n = 1: first usable). */
export function cidrHost(c: Cidr, n: number): Ipv4 {
  return u32ToIpv4((ipv4ToU32(c.base) + n) >>> 0);
}

/** Parses a colon-separated MAC (any case); returns it lower-case, or undefined. */
export function parseMac(text: string): Mac | undefined {
  if (typeof text !== 'string' || !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(text)) return undefined;
  return text.toLowerCase() as Mac;
}
