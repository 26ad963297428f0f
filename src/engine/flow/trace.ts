/**
 * traceFlow(): one conversation walked packet by packet through the programs
 * Cilium attaches. The result is the whole Trace; the UI replays it.
 * Resolution is setup.ts, the socket LB socket-lb.ts, the walk of one packet
 * dispatch.ts, the loss outside the cluster world.ts; here is the
 * conversation: who sends which packet, and when it ends.
 */
import type { FlowRequest } from '../request.ts';
import type { Datapath } from '../derive/types.ts';
import { arpForGateway } from '../programs/lxc.ts';
import type { Packet, Trace, TraceOutcome } from '../trace.ts';
import { InternalError } from '../util/internal.ts';
import { dropReason, message } from '../messages.ts';
import { createRng } from '../util/rng.ts';
import { conversation } from './conversation.ts';
import { walkPacket } from './dispatch.ts';
import { replyPacket, requestPacket, type ClientTuple } from './packets.ts';
import { receiverOf, sameSender, sendFrom, type Sender } from './sender.ts';
import { setUpFlow } from './setup.ts';
import { socketConnect, socketLbActive, socketReverse, type SocketLb } from './socket-lb.ts';
import { createWalk } from './walk.ts';
import { lostOutside } from './world.ts';

export { socketLbActive } from './socket-lb.ts';


/** The server's side once a request reached it: who answers, and the request as it arrived. */
interface Answerer {
  sender: Sender;
  seen: Packet;
}

export function traceFlow(dp: Datapath, req: FlowRequest): Trace {
  const rng = createRng(req.seed ?? 1);
  const setup = setUpFlow(dp, req, rng);
  const { flow, client, server, sender: clientSender, frontend } = setup;
  const w = createWalk(dp, rng);
  const base = { flow, client, server, events: w.events };
  const end = (outcome: TraceOutcome, lb?: SocketLb): Trace =>
    (lb ? { ...base, backend: lb.backend, outcome } : { ...base, outcome });

  let packetId = 0;
  if (clientSender.kind === 'pod') arpForGateway(w, clientSender.ep, packetId++);
  const exchanges = conversation(req.proto, frontend !== undefined);
  let tuple: ClientTuple = setup.tuple;
  let lb: SocketLb | undefined;
  const first = exchanges[0];
  const viaSocket = server.kind === 'service' || server.kind === 'node';
  if (first && frontend && viaSocket && req.proto !== 'icmp' && socketLbActive(dp)) {
    // The socket call happens before the first packet, which it sees as it would be addressed.
    lb = socketConnect(w, clientSender, frontend, server, requestPacket(packetId, tuple, first), req.proto === 'udp');
    if (!lb) return end({ status: 'failed', message: message('outcome.no_backend') });
    tuple = { ...tuple, dst: lb.to.address, dport: lb.to.port };
  }

  let answerer: Answerer | undefined;
  let count = 0;
  for (const ex of exchanges) {
    let from: Sender;
    let packet: Packet;
    if (ex.direction === 'request') {
      from = clientSender;
      packet = requestPacket(packetId++, tuple, ex);
    } else {
      if (!answerer) throw new InternalError('internal: a reply before any request reached the server');
      from = answerer.sender;
      packet = replyPacket(packetId++, answerer.seen, ex);
    }
    const arrived = walkPacket(w, sendFrom(from, packet));
    count++;
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
  }
  const outcome: TraceOutcome = {
    status: 'completed',
    message: message('outcome.completed', { proto: req.proto.toUpperCase(), packets: count, hops: w.events.length }),
  };
  return end(outcome, lb);
}
