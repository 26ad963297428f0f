/**
 * The packets of a conversation, in order: what a ping, a curl or a DNS query
 * puts on the wire. Requests go client → server, replies server → client.
 */
import type { FlowProto, TcpFlags } from '../trace.ts';

export interface Exchange {
  direction: 'request' | 'reply';
  tcpFlags?: TcpFlags;
  icmpType?: number;
  /** A UDP datagram's payload (a stand-in for a DNS query and answer). */
  payload?: string;
  /** TCP data: curl's HTTP request or the server's response; the bytes are made from the flow (./http.ts). */
  http?: 'request' | 'response';
  /** This packet completes the TCP handshake. */
  connected?: boolean;
}

export function conversation(proto: FlowProto): Exchange[] {
  switch (proto) {
    case 'icmp':
      return [
        { direction: 'request', icmpType: 8 },
        { direction: 'reply', icmpType: 0 },
      ];
    case 'tcp':
      return [
        { direction: 'request', tcpFlags: { SYN: true } },
        { direction: 'reply', tcpFlags: { SYN: true, ACK: true } },
        { direction: 'request', tcpFlags: { ACK: true }, connected: true },
        { direction: 'request', tcpFlags: { ACK: true, PSH: true }, http: 'request' },
        { direction: 'reply', tcpFlags: { ACK: true, PSH: true }, http: 'response' },
      ];
    case 'udp':
      return [
        { direction: 'request', payload: 'query' },
        { direction: 'reply', payload: 'answer' },
      ];
    default: {
      const never: never = proto;
      throw new Error(`unknown protocol ${String(never)}`);
    }
  }
}
