/**
 * Socket-level load balancing (bpf/bpf_sock.c, cgroup/connect4 and friends):
 * the service address is rewritten in the socket call itself, before any
 * packet exists, and cilium_lb4_reverse_sk remembers it for getpeername and
 * recvmsg. No packet ever carries the ClusterIP.
 */
import type { Ipv4 } from '../../scenario/values.ts';
import type { Backend, Frontend } from '../derive/types.ts';
import { pickSlot, type Walk } from '../flow/walk.ts';
import { backendKey, backendValue, revSkKey, revSkValue, serviceKey, serviceValue } from '../maps/format.ts';
import type { Place, SocketHook } from '../place.ts';
import type { MapOp, Packet, SockAddr, SocketCall } from '../trace.ts';
import { backendIdAt, backendOf, countOf } from '../derive/lookups.ts';
import { message } from '../messages.ts';

export interface SocketClient {
  node: string;
  /** `namespace/name` when the client is a pod (its netns); undefined for the host. */
  pod?: string;
  fd: number;
}

/** sock4_wildcard_lookup: a node address with a NodePort port is looked up as 0.0.0.0 (the surrogate). */
const keyAddress = (f: Frontend, vip: Ipv4): Ipv4 => (f.scope === 'surrogate' ? f.address : vip);

const socketAt = (client: SocketClient, hook: SocketHook): Place =>
  ({ kind: 'socket', node: client.node, pod: client.pod, hook });

export type SockLbResult = { ok: true; backend: Backend; cookie: number } | { ok: false };

/** A socket cookie near `drawn` (in the kernel's 4096..65535 here) with `cookie % count + 1 === slot`. */
function cookieForSlot(drawn: number, slot: number, count: number): number {
  const c = drawn - (drawn % count) + (slot - 1);
  return c > 65535 ? c - count : c < 4096 ? c + count : c;
}

export function sockXlateFwd(
  w: Walk, client: SocketClient, f: Frontend, vip: Ipv4, packet: Packet, udp: boolean,
): SockLbResult {
  const node = client.node;
  const count = countOf(w.dp, f);
  const master: MapOp = {
    node, map: 'cilium_lb4_services_v2', op: 'lookup', key: serviceKey(keyAddress(f, vip), f.port, 0, f.internal),
    value: serviceValue(0, count, f.id, f.flagBits), hit: true, note: 'lb4_lookup_service: the master entry',
    noteWords: message('note.sock.master'),
  };
  const place = socketAt(client, udp ? 'cgroup/sendmsg4' : 'cgroup/connect4');
  const program = udp ? 'cil_sock4_sendmsg' : 'cil_sock4_connect';
  // No packet exists yet: the hook sees the socket and the address the call names. connect() has not
  // bound the source port yet (tcp_v4_connect does, after the hook); a UDP socket was bound before
  // sendmsg (inet_send_prepare → inet_autobind).
  const call = (to: SockAddr): SocketCall => ({
    call: udp ? 'sendmsg' : 'connect', proto: udp ? 'UDP' : 'TCP',
    local: { ip: packet.src, port: udp ? (packet.sport ?? 0) : 0 },
    peerBefore: { ip: vip, port: f.port }, peerAfter: to,
    direction: 'request', packetId: packet.id,
  });
  if (count === 0) {
    w.emit(
      {
        place, program, socket: call({ ip: vip, port: f.port }), kind: 'socket-lb-rewrite',
        source: 'bpf/bpf_sock.c: __sock4_xlate_fwd (count == 0 → -EHOSTUNREACH)',
        maps: [master], verdict: 'ERROR',
      },
      'sock.no_backend',
      { vip, port: f.port },
    );
    return { ok: false };
  }
  // sock_select_slot: random per connect for TCP; the socket cookie for UDP (sticky per socket).
  // The slot comes from the walk's slot stream (the same backend as any other mode with the same seed); for
  // UDP the cookie is then one whose remainder is that slot, as sock_select_slot would have derived it.
  const slot = pickSlot(w, count);
  const drawn = w.rng.int(4096, 65535);
  const cookie = udp ? cookieForSlot(drawn, slot, count) : drawn;
  const backend = backendOf(w.dp, backendIdAt(f, slot));
  const revKey = revSkKey(backend.address, backend.port, cookie);
  const ops: MapOp[] = [
    master,
    {
      node, map: 'cilium_lb4_services_v2', op: 'lookup', key: serviceKey(keyAddress(f, vip), f.port, slot, f.internal),
      value: serviceValue(backend.id, 0, f.id, 0), hit: true, note: `slot ${slot} of ${count}`,
        noteWords: message('note.slot', { slot, count }),
    },
    {
      node, map: 'cilium_lb4_backends_v3', op: 'lookup', key: backendKey(backend.id),
      value: backendValue(backend.address), hit: true,
    },
    {
      node, map: 'cilium_lb4_reverse_sk', op: 'update', key: revKey, value: revSkValue(vip, f.port, f.id), hit: false,
      note: 'sock4_update_revnat: socket cookie → service', noteWords: message('note.sock.revnat'),
    },
  ];
  let sockMap = w.revSk.get(node);
  if (!sockMap) w.revSk.set(node, (sockMap = new Map()));
  sockMap.set(revKey, { vip, port: f.port, revNat: f.id });
  w.emit(
    {
      place, program, socket: call({ ip: backend.address, port: backend.port }), kind: 'socket-lb-rewrite',
      source: 'bpf/bpf_sock.c: cil_sock4_connect → __sock4_xlate_fwd (lb4_lookup_service, sock4_update_revnat)',
      maps: ops, verdict: 'TRANSLATED', sockXlate: 'post-xlate-fwd',
    },
    udp ? 'sock.sendmsg' : 'sock.connect',
    { vip, port: f.port, count, slot, backend: backend.id, addr: backend.address, bport: backend.port },
  );
  return { ok: true, backend, cookie };
}

/** getpeername() (TCP) or recvmsg() (UDP): the reverse translation from cilium_lb4_reverse_sk. */
export function sockXlateRev(
  w: Walk, client: SocketClient, f: Frontend, vip: Ipv4, backend: Backend, cookie: number, packet: Packet, udp: boolean,
): void {
  const node = client.node;
  const key = revSkKey(backend.address, backend.port, cookie);
  const ops: MapOp[] = [
    { node, map: 'cilium_lb4_reverse_sk', op: 'lookup', key, value: revSkValue(vip, f.port, f.id), hit: true },
    {
      node, map: 'cilium_lb4_services_v2', op: 'lookup', key: serviceKey(keyAddress(f, vip), f.port, 0, f.internal),
      value: serviceValue(0, countOf(w.dp, f), f.id, f.flagBits), hit: true,
      note: 'the service still exists with the same rev_nat_index', noteWords: message('note.sock.still'),
    },
  ];
  // The call's address as the answer carried it (the backend), and as the application gets it (the service).
  const socket: SocketCall = {
    call: udp ? 'recvmsg' : 'getpeername', proto: udp ? 'UDP' : 'TCP',
    local: { ip: packet.dst, port: packet.dport ?? 0 },
    peerBefore: { ip: backend.address, port: backend.port }, peerAfter: { ip: vip, port: f.port },
    direction: 'reply', packetId: packet.id,
  };
  w.emit(
    {
      place: socketAt(client, udp ? 'cgroup/recvmsg4' : 'cgroup/getpeername4'),
      program: udp ? 'cil_sock4_recvmsg' : 'cil_sock4_getpeername',
      source: 'bpf/bpf_sock.c: __sock4_xlate_rev', socket, kind: 'socket-rev-nat', maps: ops, verdict: 'TRANSLATED',
      sockXlate: 'post-xlate-rev',
    },
    udp ? 'sock.revnat.recvmsg' : 'sock.revnat.getpeername',
    { vip, port: f.port, addr: `${backend.address}:${backend.port}` },
  );
}
