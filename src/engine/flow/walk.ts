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
import { hookOf, ifaceOf, peerOf, podOf } from '../place.ts';
import type { HopEvent } from '../trace.ts';
import type { Rng } from '../util/rng.ts';

/** A hop as a program writes it: its place says where; node, iface, hook, pod and peer follow from it. */
export type HopDraft = Omit<HopEvent, 'seq' | 'explain' | 'node' | 'iface' | 'hook' | 'pod' | 'peer'>;

export interface Walk {
  dp: Datapath;
  rng: Rng;
  /**
   * A second stream, only for load balancing's slot choices (socket LB, bpf_lxc per-packet LB, NodePort,
   * kube-proxy's statistic rules): the n-th choice of a flow is the same draw under every setting, so two
   * modes given one seed pick the same backend from the same backend set (the compare view lines up).
   */
  slots: Rng;
  ct: ConntrackTables;
  nat: NatTables;
  /** The kernel's conntrack NAT bindings (iptables DNAT and MASQUERADE). */
  nf: NfConntrack;
  /** Socket rev-NAT entries written by the socket LB, per node: key → VIP and port. */
  revSk: Map<string, Map<string, { vip: string; port: number; revNat: number }>>;
  events: HopEvent[];
  /**
   * Appends a hop; its sentence is message `id` with `params`, rendered later in the reader's language.
   * The checker holds the names: every parameter the id takes must be given and no other (ParamsOf distributes
   * over a union of ids); messages.test.ts checks that each catalog's placeholders are the listed names.
   */
  emit<I extends MessageId>(hop: HopDraft, id: I, params: ParamsOf<I>): HopEvent;
}

/** A 1-based slot among `count` backends, from the walk's slot stream (the services map's slot numbering). */
export const pickSlot = (w: Pick<Walk, 'slots'>, count: number): number => (w.slots.u32() % count) + 1;

export function createWalk(dp: Datapath, rng: Rng, slots: Rng = rng): Walk {
  const events: HopEvent[] = [];
  return {
    dp,
    rng,
    slots,
    ct: new ConntrackTables(dp.config.ctTimeouts),
    nat: new NatTables(),
    nf: new NfConntrack(),
    revSk: new Map(),
    events,
    emit(hop, id, params) {
      // Packets are never mutated after a hop (rewrites make new objects), so the event shares its packet.
      // Every field written out, in DESIGN §4's order: every event has one shape (V8 keeps one hidden class
      // instead of one per call site's key order), and fields that do not apply stay undefined, which
      // --format json leaves out. node, iface, hook, pod and peer come from the place.
      const p = hop.place;
      const e: HopEvent = {
        seq: events.length, node: p.node, iface: ifaceOf(p), hook: hookOf(p), pod: podOf(p), peer: peerOf(p),
        place: p, packet: hop.packet, socket: hop.socket, kind: hop.kind, program: hop.program, source: hop.source,
        maps: hop.maps,
        verdict: hop.verdict, drop: hop.drop, observation: hop.observation, sockXlate: hop.sockXlate,
        ctState: hop.ctState,
        srcIdentity: hop.srcIdentity, dstIdentity: hop.dstIdentity, dstEndpoint: hop.dstEndpoint,
        policyVerdict: hop.policyVerdict, syscalls: hop.syscalls,
        explain: { id, params },
      };
      events.push(e);
      return e;
    },
  };
}
