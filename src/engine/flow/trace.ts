/**
 * traceFlow(): one conversation walked packet by packet through the programs
 * Cilium attaches. The result is the whole Trace; the UI replays it.
 * Resolution is setup.ts, the socket LB socket-lb.ts, the walk of one packet
 * dispatch.ts, the loss outside the cluster world.ts, the bytes http.ts, the
 * client's system calls strace.ts; here is the conversation: who sends which
 * packet, and when it ends.
 */
import type { FlowRequest } from '../request.ts';
import type { Datapath } from '../derive/types.ts';
import { arpForGateway } from '../programs/lxc.ts';
import type { HopEvent, Packet, SockAddr, Trace, TraceOutcome } from '../trace.ts';
import { InternalError } from '../util/internal.ts';
import { dropReason, message } from '../messages.ts';
import { createRng } from '../util/rng.ts';
import { hash53 } from '../util/hash.ts';
import { conversation, type Exchange } from './conversation.ts';
import { walkPacket } from './dispatch.ts';
import { curlRequest, whoamiResponse } from './http.ts';
import { replyPacket, requestPacket, type ClientTuple } from './packets.ts';
import { receiverOf, sameSender, sendFrom, type Sender } from './sender.ts';
import { setUpFlow } from './setup.ts';
import { socketConnect, socketLbActive, socketReverse, type SocketLb } from './socket-lb.ts';
import {
  addSyscalls, CONNECT_IN_PROGRESS, CONNECT_NO_ROUTE, curlConnect, curlGetsockname, curlReceive, curlSend, udpReceive,
  udpSend,
} from './strace.ts';
import { createWalk } from './walk.ts';
import { lostOutside } from './world.ts';

export { socketLbActive } from './socket-lb.ts';

/** The server's side once a request reached it: who answers, and the request as it arrived. */
interface Answerer {
  sender: Sender;
  seen: Packet;
}

/** The bytes a packet carries: curl's request, the server's answer (whoami when it is a pod). */
function withPayload(dp: Datapath, packet: Packet, ex: Exchange, request: string, answerer?: Answerer): Packet {
  if (ex.http === 'request') return { ...packet, payload: request };
  if (ex.http !== 'response' || !answerer) return packet;
  const s = answerer.sender;
  const pod = s.kind === 'pod' ? { name: s.ep.name, ip: s.ep.ip, mac: s.ep.mac } : undefined;
  const remote = `${answerer.seen.src}:${answerer.seen.sport ?? 0}`;
  return { ...packet, payload: whoamiResponse(pod, remote, request, dp.captureStartUs) };
}

/** The slot stream's seed: derived from the flow's seed, apart from the main stream's. */
const slotSeed = (seed: number): number => hash53(`lb-slot/${seed}`) >>> 0;

export function traceFlow(dp: Datapath, req: FlowRequest): Trace {
  const rng = createRng(req.seed ?? 1);
  const setup = setUpFlow(dp, req, rng);
  const { flow, client, server, sender: clientSender, frontend } = setup;
  const w = createWalk(dp, rng, createRng(slotSeed(req.seed ?? 1)));
  const base = { flow, client, server, events: w.events };
  const end = (outcome: TraceOutcome, lb?: SocketLb): Trace =>
    (lb ? { ...base, backend: lb.backend, outcome } : { ...base, outcome });
  // A process makes the calls (a pod's or a node's); a client outside the cluster is not traced.
  const traced = clientSender.kind !== 'world';
  const tcp = req.proto === 'tcp';
  const udp = req.proto === 'udp';
  // The address the application names: the service, or the destination as given.
  const named: SockAddr = { ip: setup.tuple.dst, port: setup.tuple.dport ?? 0 };
  const request = curlRequest(named.ip, named.port);

  const exchanges = conversation(req.proto);
  // The pod's first packet needs its gateway's MAC: the ARP exchange takes packet 0 and comes with the
  // first send, which is after connect() (the socket call happens before any packet exists).
  const arp = clientSender.kind === 'pod';
  let packetId = 0;
  let tuple: ClientTuple = setup.tuple;
  let lb: SocketLb | undefined;
  const first = exchanges[0];
  const viaSocket = server.kind === 'service' || server.kind === 'node';
  let pendingConnect: string[] = tcp && traced ? curlConnect(named, CONNECT_IN_PROGRESS) : [];
  let callHop: HopEvent | undefined;
  if (first && frontend && viaSocket && req.proto !== 'icmp' && socketLbActive(dp)) {
    // cgroup/connect4 (sendmsg4) runs inside the call, on the socket: the first packet is only a plan.
    const at = w.events.length;
    lb = socketConnect(w, clientSender, frontend, server, requestPacket(packetId + (arp ? 1 : 0), tuple, first), udp);
    const call = (callHop = w.events[at]);
    if (!lb) {
      addSyscalls(call, tcp && traced ? curlConnect(named, CONNECT_NO_ROUTE) : []);
      return end({ status: 'failed', message: message('outcome.no_backend') });
    }
    if (tcp) addSyscalls(call, pendingConnect);
    pendingConnect = [];
    tuple = { ...tuple, dst: lb.to.address, dport: lb.to.port };
  }
  if (arp) arpForGateway(w, clientSender.ep, packetId++);
  const local: SockAddr = { ip: tuple.src, port: tuple.sport ?? 0 };

  let answerer: Answerer | undefined;
  let count = 0;
  for (const ex of exchanges) {
    let from: Sender;
    let packet: Packet;
    if (ex.direction === 'request') {
      from = clientSender;
      packet = withPayload(dp, requestPacket(packetId++, tuple, ex), ex, request);
    } else {
      if (!answerer) throw new InternalError('internal: a reply before any request reached the server');
      from = answerer.sender;
      packet = withPayload(dp, replyPacket(packetId++, answerer.seen, ex), ex, request, answerer);
    }
    const at = w.events.length;
    const arrived = walkPacket(w, sendFrom(from, packet));
    count++;
    if (traced && ex.direction === 'request') {
      // The client's calls around this packet, on the hop where it leaves the client.
      if (tcp && ex.tcpFlags?.SYN) addSyscalls(w.events[at], [...pendingConnect, curlGetsockname(local)]);
      if (ex.http === 'request') addSyscalls(w.events[at], curlSend(local, request));
      // sendto() names the service; under socket LB its sendmsg4 hop is where the call is.
      if (udp) addSyscalls(callHop ?? w.events[at], [udpSend(packet.payload ?? '', named)]);
    }
    if (arrived.to === 'dropped') {
      // The drop names its reason by code, in every language.
      const reason = dropReason(arrived.drop);
      return end({ status: 'dropped', message: message('outcome.dropped', { packet: count, reason }) }, lb);
    }
    if (ex.direction === 'request') {
      if (arrived.to === 'lost' && lostOutside(w, server, arrived.packet)) {
        return end({ status: 'dropped', message: message('outcome.lost', { dst: arrived.packet.dst }) });
      }
      answerer = { sender: receiverOf(arrived), seen: arrived.packet };
    } else if (!sameSender(receiverOf(arrived), clientSender)) {
      return end({ status: 'failed', message: message('outcome.reply_lost') });
    }
    if (lb) socketReverse(w, lb, ex, arrived.packet);
    if (traced && ex.direction === 'reply') {
      const last = w.events[w.events.length - 1];
      if (ex.http === 'response') addSyscalls(last, [curlReceive(arrived.packet.payload ?? '')]);
      if (udp) addSyscalls(last, [udpReceive(arrived.packet.payload ?? '', named)]);
    }
  }
  const outcome: TraceOutcome = {
    status: 'completed',
    message: message('outcome.completed', { proto: req.proto.toUpperCase(), packets: count, hops: w.events.length }),
  };
  return end(outcome, lb);
}
