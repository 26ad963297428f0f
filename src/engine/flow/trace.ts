/**
 * traceFlow(): one conversation walked packet by packet through the programs
 * Cilium attaches. The result is the whole Trace; the UI replays it.
 */
import { cidrContains } from '../../scenario/values.ts';
import { flowError, type FlowRequest } from '../api.ts';
import type { Datapath, EndpointInfo, Frontend } from '../derive/types.ts';
import { arpForGateway, fromContainer } from '../programs/lxc.ts';
import { fromHost } from '../programs/host.ts';
import { sockXlateFwd, sockXlateRev, type SocketClient } from '../programs/sock.ts';
import type { Arrival } from '../programs/types.ts';
import { fromWorld, WORLD, WORLD_IFACE } from '../programs/wire.ts';
import { dropReason, message } from '../messages.ts';
import type { FlowEndpoint, L4, Packet, Trace, TraceOutcome } from '../trace.ts';
import { createRng } from '../util/rng.ts';
import { conversation, type Exchange } from './conversation.ts';
import { resolveDestination, resolveSource } from './resolve.ts';
import { createWalk, type Walk } from './walk.ts';

const L4_OF = { icmp: 'ICMP', tcp: 'TCP', udp: 'UDP' } as const satisfies Record<string, L4>;
/** Linux's default ip_local_port_range. */
const EPHEMERAL = [32768, 60999] as const;
const CLIENT_FD = 5;

export const socketLbActive = (dp: Datapath) => dp.config.kubeProxyReplacement && dp.config.bpfLbSock;

function defaultPort(dp: Datapath, server: FlowEndpoint, proto: 'tcp' | 'udp'): number {
  if (server.kind === 'pod') {
    const pod = dp.podByKey.get(`${server.namespace}/${server.name}`);
    const port = pod?.ports.find((c) => c.protocol === proto.toUpperCase());
    if (port) return port.containerPort;
  }
  if (server.kind === 'ip') return proto === 'tcp' ? 443 : 53;
  return proto === 'tcp' ? 80 : 53;
}

function frontendFor(dp: Datapath, node: string, server: FlowEndpoint & { kind: 'service' }): Frontend {
  const f = dp.lookupFrontend(node, server.ip, server.port);
  if (f) return f;
  const svc = dp.model.services.find((s) => s.namespace === server.namespace && s.name === server.name)!;
  throw flowError('error.no_service_port', { service: `${server.namespace}/${server.name}`, port: server.port }, svc.ports.map((p) => `${server.name}:${p.port} (${p.protocol})`));
}

/** Sends a packet from wherever `sender` is. */
function send(w: Walk, sender: Arrival, packet: Packet): Arrival {
  switch (sender.at) {
    case 'pod':
      return fromContainer(w, sender.ep, packet);
    case 'host':
      return fromHost(w, sender.node, packet);
    case 'world':
      return fromWorld(w, packet);
    case 'dropped':
      return sender;
    default: {
      const never: never = sender;
      throw new Error(`unknown sender ${String(never)}`);
    }
  }
}

const sameEnd = (a: Arrival, b: Arrival) =>
  a.at === b.at && (a.at !== 'pod' || (b.at === 'pod' && a.ep.key === b.ep.key)) && (a.at !== 'host' || (b.at === 'host' && a.node.name === b.node.name));

export function traceFlow(dp: Datapath, req: FlowRequest): Trace {
  const seed = req.seed ?? 1;
  const rng = createRng(seed);
  const client = resolveSource(dp, req.from);
  let server = resolveDestination(dp, req.to);
  if (server.kind === 'service' && req.port !== undefined) server = { ...server, port: req.port };
  const w = createWalk(dp, rng);
  const proto = L4_OF[req.proto];
  const clientNode = client.kind === 'pod' || client.kind === 'node' ? dp.node(client.node) : undefined;
  const clientEp: EndpointInfo | undefined = client.kind === 'pod' ? dp.endpointByKey.get(`${client.namespace}/${client.name}`) : undefined;
  const clientEnd: Arrival = clientEp
    ? { at: 'pod', ep: clientEp, packet: undefined! }
    : clientNode ? { at: 'host', node: clientNode, packet: undefined! } : { at: 'world', packet: undefined! };
  const sport = req.proto === 'icmp' ? undefined : rng.int(EPHEMERAL[0], EPHEMERAL[1]);
  const icmpId = req.proto === 'icmp' ? rng.int(1, 65535) : undefined;
  let dst = server.ip;
  let dport = req.proto === 'icmp' ? undefined : server.kind === 'service' ? server.port : (req.port ?? defaultPort(dp, server, req.proto));
  const flow = { from: req.from, to: req.to, proto: req.proto, ...(dport !== undefined ? { port: dport } : {}), seed };
  const base = { flow, client, server, events: w.events };

  if (server.kind === 'service' && !clientNode) {
    throw flowError('error.cluster_ip_outside', { service: `${server.namespace}/${server.name}` }, dp.nodes.map((n) => n.name));
  }
  const frontend = server.kind === 'service' && clientNode ? frontendFor(dp, clientNode.name, server) : undefined;
  let packetId = 0;
  if (clientEp) arpForGateway(w, clientEp, packetId++);

  const exchanges = conversation(req.proto, !!frontend);
  const first = (ex: Exchange): Packet => ({
    id: packetId++, direction: 'request', src: client.ip, dst, proto, ttl: 64,
    ...(sport !== undefined ? { sport, dport } : { icmpType: ex.icmpType, icmpId }),
    ...(ex.tcpFlags ? { tcpFlags: ex.tcpFlags } : {}), ...(ex.payload ? { payload: ex.payload } : {}),
  });
  const socket: SocketClient = { node: clientNode?.name ?? '', pod: clientEp?.key, fd: CLIENT_FD };
  let sock: { backend: NonNullable<Trace['backend']>; lb: Extract<ReturnType<typeof sockXlateFwd>, { ok: true }> } | undefined;
  if (frontend && server.kind === 'service' && req.proto !== 'icmp' && socketLbActive(dp)) {
    const probe = first(exchanges[0]!);
    packetId--;
    const r = sockXlateFwd(w, socket, frontend, server.ip, probe, req.proto === 'udp');
    if (!r.ok) return { ...base, outcome: { status: 'failed', message: message('outcome.no_backend') } };
    dst = r.backend.address;
    dport = r.backend.port;
    const ep = dp.endpointByIp.get(dst);
    const backend: NonNullable<Trace['backend']> = ep && !ep.isHealth
      ? { kind: 'pod', namespace: ep.namespace, name: ep.name, node: ep.node, ip: ep.ip, hostNetwork: false }
      : dp.nodes.some((n) => n.ip === dst) ? { kind: 'node', node: dp.nodes.find((n) => n.ip === dst)!.name, ip: dst } : { kind: 'ip', ip: dst };
    sock = { backend, lb: r };
  }

  let atServer: Arrival | undefined;
  let count = 0;
  for (const ex of exchanges) {
    let packet: Packet;
    let sender: Arrival;
    if (ex.direction === 'request') {
      packet = first(ex);
      sender = clientEnd;
    } else {
      const seen = atServer!.packet;
      packet = {
        id: packetId++, direction: 'reply', src: seen.dst, dst: seen.src, proto, ttl: 64,
        ...(proto === 'ICMP' ? { icmpType: ex.icmpType, icmpId: seen.icmpId } : { sport: seen.dport, dport: seen.sport }),
        ...(ex.tcpFlags ? { tcpFlags: ex.tcpFlags } : {}), ...(ex.payload ? { payload: ex.payload } : {}),
      };
      sender = atServer!;
    }
    const arrival = send(w, sender, packet);
    count++;
    if (arrival.at === 'dropped') {
      // The drop's own hop is the last one emitted; its code names the reason in every language.
      const drop = w.events[w.events.length - 1]?.drop ?? { code: -1, reason: arrival.reason };
      const outcome: TraceOutcome = { status: 'dropped', message: message('outcome.dropped', { packet: count, reason: dropReason(drop) }) };
      return { ...base, ...(sock ? { backend: sock.backend } : {}), outcome };
    }
    if (ex.direction === 'request') {
      const isClusterIp = dp.model.services.some((s) => s.clusterIP === arrival.packet.dst);
      if (arrival.at === 'world' && (server.kind !== 'ip' || isClusterIp || dp.model.nodes.some((n) => n.podCIDRs.some((c) => cidrContains(c, arrival.packet.dst))))) {
        w.emit(
          { packet: arrival.packet, kind: 'drop', node: WORLD, iface: WORLD_IFACE, hook: 'wire', program: 'network', source: 'outside the cluster: not a Cilium drop', maps: [], verdict: 'DROPPED', drop: { code: 0, reason: 'Lost outside the cluster' } },
          isClusterIp ? 'world.nobody' : 'world.lost',
          { dst: arrival.packet.dst },
        );
        return { ...base, outcome: { status: 'dropped', message: message('outcome.lost', { dst: arrival.packet.dst }) } };
      }
      atServer = arrival;
    } else if (!sameEnd(arrival, clientEnd)) {
      return { ...base, outcome: { status: 'failed', message: message('outcome.reply_lost') } };
    }
    if (sock && frontend && server.kind === 'service' && (ex.connected || (req.proto === 'udp' && ex.direction === 'reply'))) {
      const b = dp.backends.get(frontend.backendIds.find((id) => dp.backends.get(id)!.address === dst)!)!;
      sockXlateRev(w, socket, frontend, server.ip, b, sock.lb.cookie, arrival.packet, req.proto === 'udp');
    }
  }
  const outcome: TraceOutcome = {
    status: 'completed',
    message: message('outcome.completed', { proto: req.proto.toUpperCase(), packets: count, hops: w.events.length }),
  };
  return { ...base, ...(sock ? { backend: sock.backend } : {}), outcome };
}
