/**
 * The client's strace for netpod → svc (curl 8.7.1) against the write-up's:
 * the same socket calls in the same order with the same arguments and sizes
 * (the source port and the Date header aside: the seeded port and the lab's
 * capture time), connect() to the VIP, no getpeername(); and connect() comes
 * before the ARP and the SYN in the hop list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceFlow } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';

const SOCKET_CALLS = /^(socket|setsockopt|connect|getsockname|getsockopt|getpeername|sendto|recvfrom)\(/;
/** The seed's calls on the socket, timestamps cut, the port and Date normalised. */
const normal = (l: string) =>
  l.replace(/htons\(\d{5}\)/g, 'htons(PORT)').replace(/RemoteAddr: 172\.16\.0\.79:\d+/, 'RemoteAddr: 172.16.0.79:PORT')
    .replace(/Date: [^\\]+ GMT/, 'Date: DATE');
const seedCalls = readFileSync(new URL('../fixtures/seed/strace-curl-svc.txt', import.meta.url), 'utf8')
  .split('\n').map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d+ /, '')).filter((l) => SOCKET_CALLS.test(l)).map(normal);

describe('strace of curl in netpod → svc (kans-lab)', () => {
  const trace = traceFlow(loadBuiltin('kans-lab'), { from: 'netpod', to: 'svc', proto: 'tcp', seed: 1 });
  const calls = trace.events.flatMap((e) => e.syscalls ?? []);

  it('makes the write-up\'s socket calls with its arguments and sizes (76 bytes sent, 311 received)', () => {
    expect(seedCalls).toHaveLength(13);
    expect(calls.map(normal)).toEqual(seedCalls);
    expect(calls.some((c) => c.startsWith('getpeername'))).toBe(false);
  });

  it('connect() runs first, on the socket with no packet; the ARP and the SYN come after it', () => {
    const [first, second] = trace.events;
    expect(first).toMatchObject({ kind: 'socket-lb-rewrite', packet: undefined });
    expect(first?.socket).toMatchObject({
      call: 'connect', local: { ip: '172.16.0.79', port: 0 },
      peerBefore: { ip: '10.10.252.131', port: 80 }, peerAfter: { ip: '172.16.2.253', port: 80 },
    });
    expect(second?.packet?.arp?.op).toBe('request');
    const syn = trace.events.findIndex((e) => e.packet?.tcpFlags?.SYN && !e.packet.tcpFlags.ACK);
    expect(syn).toBeGreaterThan(1);
  });

  it('sends no pre-/post-xlate-rev: curl never calls getpeername', () => {
    expect(trace.events.some((e) => e.kind === 'socket-rev-nat')).toBe(false);
  });
});
