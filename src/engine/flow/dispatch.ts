/**
 * The one loop of a walk (DESIGN §8): each program returns where the packet
 * goes next, and this loop runs that, until the packet is delivered, dropped
 * or gone. Programs never call each other across attach points, so
 * src/engine/programs has no import cycle and each program reads alone.
 */
import { handlePolicy, toContainer } from '../programs/deliver.ts';
import { fromCiliumHost } from '../programs/from-host.ts';
import { kernelRoute } from '../programs/kernel.ts';
import { fromContainer } from '../programs/lxc.ts';
import { toNetdev } from '../programs/netdev-egress.ts';
import { fromNetdev } from '../programs/netdev-ingress.ts';
import type { End, Next } from '../programs/next.ts';
import { fromOverlay } from '../programs/overlay.ts';
import { fromWorld, onTheWire } from '../programs/wire.ts';
import { InternalError } from '../util/internal.ts';
import type { Walk } from './walk.ts';

/** No packet in the model crosses more attach points than this; more would be a routing loop in the engine. */
const MAX_STEPS = 64;

export function walkPacket(w: Walk, first: Next): End {
  let next = first;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    switch (next.to) {
      case 'cil_from_container':
        next = fromContainer(w, next.ep, next.packet);
        break;
      case 'handle_policy':
        next = handlePolicy(w, next.at, next.ep, next.packet, next.skb);
        break;
      case 'cil_to_container':
        next = toContainer(w, next.ep, next.packet, next.skb);
        break;
      case 'cil_from_host':
        next = fromCiliumHost(w, next.node, next.packet, next.skb);
        break;
      case 'cil_to_netdev':
        next = toNetdev(w, next.node, next.packet, next.skb, next.nextHop);
        break;
      case 'cil_from_netdev':
        next = fromNetdev(w, next.node, next.packet);
        break;
      case 'cil_from_overlay':
        next = fromOverlay(w, next.node, next.packet);
        break;
      case 'stack':
        next = kernelRoute(w, next.node, next.packet, next.skb, next.originated);
        break;
      case 'wire':
        next = onTheWire(w, next.from, next.packet, next.nextHop);
        break;
      case 'from-world':
        next = fromWorld(w, next.packet);
        break;
      case 'pod':
      case 'host':
      case 'lost':
      case 'dropped':
        return next;
      default: {
        const never: never = next;
        throw new InternalError(`unknown next step ${JSON.stringify(never)}`);
      }
    }
  }
  throw new InternalError(`a packet crossed more than ${MAX_STEPS} attach points: a loop in the engine`);
}
