/** The packets of a conversation as their senders build them (before any hop rewrites them). */
import type { Ipv4 } from '../../scenario/values.ts';
import type { L4, Packet } from '../trace.ts';
import type { Exchange } from './conversation.ts';

/** What the client's socket addresses: after the socket LB, the backend rather than the service. */
export interface ClientTuple {
  src: Ipv4;
  dst: Ipv4;
  proto: L4;
  /** TCP/UDP: the ephemeral port; undefined for ICMP. */
  sport: number | undefined;
  dport: number | undefined;
  /** ICMP: the echo identifier. */
  icmpId: number | undefined;
}

export const requestPacket = (id: number, t: ClientTuple, ex: Exchange): Packet => ({
  id, direction: 'request', src: t.src, dst: t.dst, proto: t.proto, ttl: 64,
  ...(t.sport !== undefined ? { sport: t.sport, dport: t.dport } : { icmpType: ex.icmpType, icmpId: t.icmpId }),
  ...(ex.tcpFlags ? { tcpFlags: ex.tcpFlags } : {}), ...(ex.payload ? { payload: ex.payload } : {}),
});

/** The answer to `seen` (the request as it reached the server): addresses and ports swapped. */
export const replyPacket = (id: number, seen: Packet, ex: Exchange): Packet => ({
  id, direction: 'reply', src: seen.dst, dst: seen.src, proto: seen.proto, ttl: 64,
  ...(seen.proto === 'ICMP'
    ? { icmpType: ex.icmpType, icmpId: seen.icmpId }
    : { sport: seen.dport, dport: seen.sport }),
  ...(ex.tcpFlags ? { tcpFlags: ex.tcpFlags } : {}), ...(ex.payload ? { payload: ex.payload } : {}),
});
