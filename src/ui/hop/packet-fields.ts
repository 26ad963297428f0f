/**
 * A packet as rows of (field, value) for the before/after table; fields are
 * compared as printed, so "changed" means what a person would see change.
 */
import type { Packet, SocketCall } from '../../engine/index.ts';
import type { MessageKey } from '../../i18n/index.ts';

export interface FieldRow {
  key: MessageKey;
  before: string;
  after: string;
  changed: boolean;
}

function flags(p: Packet): string {
  const f = p.tcpFlags;
  if (!f) return '';
  return (['SYN', 'ACK', 'PSH', 'FIN', 'RST'] as const).filter((k) => f[k]).join(', ');
}

function icmp(p: Packet): string {
  if (p.icmpType === undefined) return '';
  const name = p.icmpType === 8 ? 'echo request' : p.icmpType === 0 ? 'echo reply' : `type ${p.icmpType}`;
  return p.icmpId !== undefined ? `${name}, id ${p.icmpId}` : name;
}

export function packetFields(p: Packet | undefined): Partial<Record<MessageKey, string>> {
  if (!p) return {};
  const out: Partial<Record<MessageKey, string>> = {
    'packet.direction': p.direction,
    'packet.src': p.src,
    'packet.dst': p.dst,
    'packet.proto': p.arp ? `ARP ${p.arp.op}` : p.proto,
  };
  if (p.sport !== undefined) out['packet.sport'] = String(p.sport);
  if (p.dport !== undefined) out['packet.dport'] = String(p.dport);
  if (p.tcpFlags) out['packet.flags'] = flags(p);
  if (p.icmpType !== undefined) out['packet.icmp'] = icmp(p);
  if (p.srcMac) out['packet.srcMac'] = p.srcMac;
  if (p.dstMac) out['packet.dstMac'] = p.dstMac;
  if (p.ttl !== undefined) out['packet.ttl'] = String(p.ttl);
  if (p.outer) out['packet.outer'] = `${p.outer.src} → ${p.outer.dst} UDP/${p.outer.dport} VNI ${p.outer.vni}`;
  return out;
}

const ORDER: MessageKey[] = [
  'packet.direction', 'packet.src', 'packet.dst', 'packet.proto', 'packet.sport', 'packet.dport', 'packet.flags',
  'packet.icmp', 'packet.srcMac', 'packet.dstMac', 'packet.ttl', 'packet.outer',
];

/** Rows for before/after; `before` undefined = the packet starts at this hop. */
export function diffPackets(before: Packet | undefined, after: Packet): FieldRow[] {
  const a = packetFields(before);
  const b = packetFields(after);
  return ORDER.filter((k) => a[k] !== undefined || b[k] !== undefined).map((key) => ({
    key,
    before: a[key] ?? '',
    after: b[key] ?? '',
    changed: before !== undefined && (a[key] ?? '') !== (b[key] ?? ''),
  }));
}

/**
 * A socket hop has no packet: its rows are the call's addresses, the peer as the application named it
 * (before) and as the socket LB left it (after). The local port is empty until the kernel binds one.
 */
export function socketRows(c: SocketCall): FieldRow[] {
  const port = (n: number) => (n ? String(n) : '');
  const rows: [MessageKey, string, string][] = [
    ['packet.direction', c.direction, c.direction],
    ['packet.socketCall', `${c.call}()`, `${c.call}()`],
    ['packet.proto', c.proto, c.proto],
    ['packet.src', c.local.ip, c.local.ip],
    ['packet.sport', port(c.local.port), port(c.local.port)],
    ['packet.dst', c.peerBefore.ip, c.peerAfter.ip],
    ['packet.dport', port(c.peerBefore.port), port(c.peerAfter.port)],
  ];
  return rows.map(([key, before, after]) => ({ key, before, after, changed: before !== after }));
}
