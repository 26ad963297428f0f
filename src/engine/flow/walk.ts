/**
 * The state of one conversation's walk: the datapath, the seeded generator,
 * the maps traffic writes (conntrack, NAT, socket rev-NAT) and the events
 * emitted so far. Programs receive it and append hops through `emit`.
 */
import type { Datapath } from '../derive/types.ts';
import { render, type MessageId } from '../explain/say.ts';
import { EN } from '../explain/en.ts';
import { ConntrackTables } from '../runtime/conntrack.ts';
import { NatTables } from '../runtime/nat.ts';
import { NfConntrack } from '../runtime/nf-conntrack.ts';
import { hookOf, ifaceOf } from '../place.ts';
import type { HopEvent } from '../trace.ts';
import type { Rng } from '../util/rng.ts';

/** A hop as a program writes it: its place says where; node, iface, hook, pod and peer follow from it. */
export type HopDraft = Omit<HopEvent, 'seq' | 'text' | 'explain' | 'node' | 'iface' | 'hook' | 'pod' | 'peer'>;

export interface Walk {
  dp: Datapath;
  rng: Rng;
  ct: ConntrackTables;
  nat: NatTables;
  /** The kernel's conntrack NAT bindings (iptables DNAT and MASQUERADE). */
  nf: NfConntrack;
  /** Socket rev-NAT entries written by the socket LB, per node: key → VIP and port. */
  revSk: Map<string, Map<string, { vip: string; port: number; revNat: number }>>;
  events: HopEvent[];
  emit(hop: HopDraft, message: MessageId, params?: Record<string, string | number>): HopEvent;
}

export function createWalk(dp: Datapath, rng: Rng): Walk {
  const events: HopEvent[] = [];
  return {
    dp,
    rng,
    ct: new ConntrackTables(),
    nat: new NatTables(),
    nf: new NfConntrack(),
    revSk: new Map(),
    events,
    emit(hop, message, params = {}) {
      // Packets are never mutated after a hop (rewrites make new objects), so the event shares its packet.
      const p = hop.place;
      const e: HopEvent = {
        seq: events.length, node: p.node, iface: ifaceOf(p), hook: hookOf(p), ...hop,
        text: render(EN[message], params), explain: { id: message, params },
      };
      // The flat fields of DESIGN §4, only where they apply (as before the place existed).
      if ((p.kind === 'pod' || p.kind === 'socket') && p.pod !== undefined) e.pod = p.pod;
      else if (p.kind === 'wire' && p.peer) e.peer = p.peer;
      events.push(e);
      return e;
    },
  };
}
