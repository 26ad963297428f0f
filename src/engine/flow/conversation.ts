/**
 * The packets of a conversation, in order: what a ping, a curl or a DNS query
 * puts on the wire. Requests go client → server, replies server → client.
 */
import type { FlowProto, TcpFlags } from '../trace.ts';

export interface Exchange {
  direction: 'request' | 'reply';
  tcpFlags?: TcpFlags;
  icmpType?: number;
  payload?: string;
  /** This packet completes the TCP handshake (getpeername happens after it). */
  connected?: boolean;
}

export function conversation(proto: FlowProto, service: boolean): Exchange[] {
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
        {
          direction: 'request', tcpFlags: { ACK: true, PSH: true },
          payload: service ? 'GET / HTTP/1.1 (Host: service)' : 'GET / HTTP/1.1',
        },
        { direction: 'reply', tcpFlags: { ACK: true, PSH: true }, payload: 'HTTP/1.1 200 OK' },
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
