/**
 * The state of one conversation's walk: the datapath, the seeded generator,
 * the maps traffic writes (conntrack, NAT, socket rev-NAT) and the events
 * emitted so far. Programs receive it and append hops through `emit`.
 */
import type { Datapath } from '../derive/types.ts';
import type { MessageId, Param, ParamsOf } from '../messages.ts';
import { ConntrackTables } from '../runtime/conntrack.ts';
import { NatTables } from '../runtime/nat.ts';
import { NfConntrack } from '../runtime/nf-conntrack.ts';
import type { HopEvent } from '../trace.ts';
import type { Rng } from '../util/rng.ts';

export type HopDraft = Omit<HopEvent, 'seq' | 'explain'>;

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
  /**
   * Appends a hop; its sentence is message `id` with `params`, rendered later in the reader's language.
   * The `Record` lets any parameter name through, so names are not checked yet: two call sites pass an
   * unused one (snat.done `dev`, stack.deliver `dst`). Remove those and the `& Record`, and the checker
   * rejects a name the id does not take (messages.test.ts checks the catalogs' placeholders meanwhile).
   */
  emit<I extends MessageId>(hop: HopDraft, id: I, params?: Partial<ParamsOf<I>> & Record<string, Param>): HopEvent;
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
    emit(hop, id, params = {}) {
      // Packets are never mutated after a hop (rewrites make new objects), so the event shares its packet.
      const e: HopEvent = { seq: events.length, ...hop, explain: { id, params } };
      events.push(e);
      return e;
    },
  };
}
