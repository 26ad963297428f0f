import { describe, expect, it } from 'vitest';
import { socketRows } from './packet-fields.ts';

describe('socketRows (a socket hop has no packet)', () => {
  it('shows the call, the socket address without a port yet, and the peer before and after the socket LB', () => {
    const rows = socketRows({
      call: 'connect', proto: 'TCP', local: { ip: '172.16.0.79' as never, port: 0 },
      peerBefore: { ip: '10.10.252.131' as never, port: 80 }, peerAfter: { ip: '172.16.2.253' as never, port: 80 },
      direction: 'request', packetId: 1,
    });
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by['packet.socketCall']).toMatchObject({ after: 'connect()', changed: false });
    expect(by['packet.sport']).toMatchObject({ before: '', after: '' });
    expect(by['packet.dst']).toMatchObject({ before: '10.10.252.131', after: '172.16.2.253', changed: true });
    expect(by['packet.dport']?.changed).toBe(false);
  });
});
