/**
 * The socket LB's part of a conversation (bpf_sock.c): connect()/sendto() to
 * a service is rewritten to a backend before the first packet exists, and
 * getpeername()/recvmsg() translate back once the connection (or the UDP
 * answer) is there.
 */
import type { Backend, Datapath, Frontend } from '../derive/types.ts';
import { backendOf } from '../derive/lookups.ts';
import { sockXlateFwd, sockXlateRev, type SocketClient } from '../programs/sock.ts';
import type { FlowEndpoint, Packet, Trace } from '../trace.ts';
import { missing } from '../util/internal.ts';
import type { Exchange } from './conversation.ts';
import type { Sender } from './sender.ts';
import type { Walk } from './walk.ts';
import { CLIENT_FD } from './strace.ts';


export const socketLbActive = (dp: Datapath) => dp.config.kubeProxyReplacement && dp.config.bpfLbSock;

export interface SocketLb {
  socket: SocketClient;
  frontend: Frontend;
  /** What connect() named: a service, or a node address with a NodePort / HostPort port. */
  service: FlowEndpoint & { kind: 'service' | 'node' };
  cookie: number;
  udp: boolean;
  /** Where connect() was sent instead. */
  to: Backend;
  /** The same, as the trace reports its backend. */
  backend: NonNullable<Trace['backend']>;
}

function socketOf(sender: Sender): SocketClient {
  switch (sender.kind) {
    case 'pod':
      return { node: sender.ep.node, pod: sender.ep.key, fd: CLIENT_FD };
    case 'host':
      return { node: sender.node.name, pod: undefined, fd: CLIENT_FD };
    case 'world':
      // A ClusterIP is refused for outside clients before any socket exists (setUpFlow).
      throw missing('a socket for a client outside the cluster');
    default: {
      const never: never = sender;
      throw new Error(`unknown sender ${JSON.stringify(never)}`);
    }
  }
}

function backendEndpoint(dp: Datapath, address: Packet['dst']): NonNullable<Trace['backend']> {
  const ep = dp.endpointByIp.get(address);
  if (ep && !ep.isHealth) {
    return { kind: 'pod', namespace: ep.namespace, name: ep.name, node: ep.node, ip: ep.ip, hostNetwork: false };
  }
  const node = dp.nodes.find((n) => n.ip === address);
  return node ? { kind: 'node', node: node.name, ip: address } : { kind: 'ip', ip: address };
}

/**
 * cgroup/connect4 (TCP) or cgroup/sendmsg4 (UDP) on the client's first call; `probe` is the first
 * packet as it would be addressed. undefined when the service has no backend (connect() fails).
 */
export function socketConnect(
  w: Walk, sender: Sender, frontend: Frontend, service: FlowEndpoint & { kind: 'service' | 'node' }, probe: Packet,
  udp: boolean,
): SocketLb | undefined {
  const socket = socketOf(sender);
  const r = sockXlateFwd(w, socket, frontend, service.ip, probe, udp);
  if (!r.ok) return undefined;
  const backend = backendEndpoint(w.dp, r.backend.address);
  return { socket, frontend, service, cookie: r.cookie, udp, to: r.backend, backend };
}

/**
 * With the answer (UDP) recvmsg() asks who sent it: the service. A TCP client could ask the same with
 * getpeername(), but curl never does (the write-up's strace has none), so no reverse translation runs.
 */
export function socketReverse(w: Walk, lb: SocketLb, ex: Exchange, answered: Packet): void {
  if (!(lb.udp && ex.direction === 'reply')) return;
  const address = lb.to.address;
  // The first of the frontend's backends at the address connect() went to.
  const id = lb.frontend.backendIds.find((i) => backendOf(w.dp, i).address === address);
  if (id === undefined) throw missing(`a backend at ${address} for ${lb.frontend.service}`);
  sockXlateRev(w, lb.socket, lb.frontend, lb.service.ip, backendOf(w.dp, id), lb.cookie, answered, lb.udp);
}
