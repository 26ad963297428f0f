/**
 * Which strace and tcpdump lines prove a hop (issue #7: side by side, whole).
 * strace: the hop's own socket call, else the client's last call up to the
 * hop that named its peer (connect() with the address the application named:
 * the VIP), else its last call. tcpdump: on
 * the interface the hop runs at (a pod's eth0, an lxc, the node's device);
 * at a socket hop no packet exists yet, so it is the first packet the call
 * sends, as the client's eth0 shows it (the backend's address, never the VIP).
 */
import { capture, captureIface, straceLines, tcpdumpLine, type CaptureTarget, type HopEvent } from '../../engine/index.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';

export interface HopLines {
  strace: string | undefined;
  tcpdump: { target: CaptureTarget; iface: string; line: string | undefined; next: boolean } | undefined;
}

/** The capture target of a pod's eth0 by `namespace/name`. */
function podTarget(summary: ScenarioSummary, key: string | undefined): CaptureTarget | undefined {
  if (!key) return undefined;
  for (const n of summary.nodes) {
    const p = n.pods.find((x) => x.key === key);
    if (p) return { kind: 'pod', node: n.name, pod: p.key, podIp: p.ip };
  }
  return undefined;
}

/** Where tcpdump listens for this hop: its own interface, else the client's eth0. */
export function hopTarget(summary: ScenarioSummary, ev: HopEvent, clientPod: string | undefined): CaptureTarget | undefined {
  const at = ev.place;
  switch (at.kind) {
    case 'pod':
      return podTarget(summary, at.pod);
    case 'socket':
      return podTarget(summary, at.pod ?? clientPod);
    case 'tc':
      return { kind: 'device', node: at.node, iface: at.iface };
    case 'postrouting':
      return { kind: 'device', node: at.node, iface: at.dev };
    case 'wire':
      return at.peer ? { kind: 'device', node: at.peer.node, iface: at.peer.iface } : podTarget(summary, clientPod);
    case 'stack':
      return podTarget(summary, clientPod);
    default:
      return undefined;
  }
}

export function hopLines(
  events: readonly HopEvent[], step: number, summary: ScenarioSummary, clientPod: string | undefined, target?: CaptureTarget,
): HopLines {
  const ev = events[step];
  const calls = straceLines(events, step);
  // At a socket hop, the line of its own call (connect, sendmsg, getpeername) rather than a later one.
  const own = ev?.socket ? ev.syscalls?.findLast((l) => l.startsWith(`${ev.socket?.call ?? ''}(`)) : undefined;
  // Else the last call that named the peer (connect, sendto, sendmsg): the address the application asked for, which
  // a later getsockname() would hide from the strip (the socket-LB lesson's "strace shows the VIP, tcpdump never").
  const named = calls.findLast((c) => /^(connect|sendto|sendmsg)\(/.test(c.line));
  const strace = own ?? named?.line ?? calls.at(-1)?.line;
  const where = target ?? (ev ? hopTarget(summary, ev, clientPod) : undefined);
  if (!ev || !where) return { strace, tcpdump: undefined };
  if (!ev.packet && ev.socket) {
    const first = capture(events, where).find((c) => c.seq > step && c.packet.id === ev.socket?.packetId);
    return { strace, tcpdump: { target: where, iface: captureIface(where), line: first && tcpdumpLine(first.packet), next: true } };
  }
  const seen = capture(events, where, step).at(-1);
  return { strace, tcpdump: { target: where, iface: captureIface(where), line: seen && tcpdumpLine(seen.packet), next: false } };
}
