/** Small pure helpers over packets: what each rewrite does to the headers. */
import type { Ipv4 } from '../../scenario/values.ts';
import type { Packet } from '../trace.ts';

export const withMacs = (p: Packet, srcMac: string, dstMac: string): Packet => ({ ...p, srcMac, dstMac });
/** An L3 hop: the TTL goes down by one. */
export const routed = (p: Packet): Packet => ({ ...p, ttl: (p.ttl ?? 64) - 1 });
export const withSrc = (p: Packet, src: Ipv4, sport?: number): Packet =>
  p.proto === 'ICMP' ? { ...p, src, icmpId: sport ?? p.icmpId } : { ...p, src, sport: sport ?? p.sport };
export const withDst = (p: Packet, dst: Ipv4, dport?: number): Packet =>
  p.proto === 'ICMP' ? { ...p, dst, icmpId: dport ?? p.icmpId } : { ...p, dst, dport: dport ?? p.dport };

/** `10.0.0.1:80` or just the address for ICMP. */
export const endpointText = (ip: string, port?: number) => (port === undefined ? ip : `${ip}:${port}`);
export const srcText = (p: Packet) => endpointText(p.src, p.proto === 'ICMP' ? undefined : p.sport);
export const dstText = (p: Packet) => endpointText(p.dst, p.proto === 'ICMP' ? undefined : p.dport);
