/**
 * Engine invariants over random flows, on more than one cluster and under
 * several settings (fast-check): every packet ends delivered, handed to a
 * host's stack, sent out of the cluster, or dropped with a reason; under
 * socket LB no packet carries a ClusterIP; the same seed gives the same trace
 * (or the same error); a reply crosses the same nodes as its request.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowError, MODE_PRESETS, traceFlow, type Datapath, type FlowProto, type HopEvent } from '../../src/engine/index.ts';
import { WORLD } from '../../src/engine/programs/wire.ts';
import { loadBuiltin } from './builtin.ts';

const CLUSTERS: [string, Record<string, string>][] = [
  ['kans-lab', {}],
  ['kans-lab', { 'enable-ip-masq-agent': 'false' }],
  ['kans-lab', { 'routing-mode': 'tunnel' }],
  ['kans-lab', { 'bpf-lb-sock': 'false' }],
  ['kans-lab', { 'enable-host-legacy-routing': 'true' }],
  ['kans-lab', MODE_PRESETS.find((m) => m.id === 'kube-proxy')!.settings],
  ['three-zones', {}],
  ['three-zones', { 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' }],
  ['one-node', {}],
  ['kans-lab-policy', {}],
];

function flowArb(dp: Datapath) {
  const sources = [...dp.endpointByKey.values()].filter((e) => !e.isHealth).map((e) => e.key).concat(dp.nodes.map((n) => n.name));
  const dests = [
    ...sources,
    ...dp.model.services.filter((s) => s.clusterIP).map((s) => `${s.namespace}/${s.name}`),
    '8.8.8.8', '1.1.1.1',
  ];
  return fc.record({
    from: fc.constantFrom(...sources),
    to: fc.constantFrom(...dests),
    proto: fc.constantFrom<FlowProto>('icmp', 'tcp', 'udp'),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  });
}

/**
 * The hops a packet may really end with: delivered to a pod (the socket's
 * reverse translation may follow), handed to a host's stack, dropped, sent
 * out of the cluster (a wire hop whose far end is the world), or refused by
 * the socket LB before any packet exists (connect() fails: an ERROR verdict).
 * A packet whose last hop is a wire to a node, or anything else, was lost.
 */
function endsPacket(e: HopEvent): boolean {
  if (e.verdict === 'DROPPED') return true; // a policy hop drops too, not only a `drop` hop
  switch (e.kind) {
    case 'deliver':
    case 'drop':
    case 'kernel-stack':
    case 'socket-rev-nat':
      return true;
    case 'wire':
      return e.peer?.node === WORLD;
    case 'socket-lb-rewrite':
      return e.verdict === 'ERROR';
    default:
      return false;
  }
}

type FlowArg = { from: string; to: string; proto: FlowProto; seed: number };

/** Events grouped by packet id (ARP included). */
function byPacket(events: HopEvent[]) {
  const m = new Map<number, HopEvent[]>();
  // Socket hops carry no packet.
  for (const e of events) if (e.packet) m.set(e.packet.id, [...(m.get(e.packet.id) ?? []), e]);
  return m;
}

describe.each(CLUSTERS)('invariants on %s %o', (name, settings) => {
  const dp = loadBuiltin(name, settings);
  const clusterIps = new Set(dp.model.services.flatMap((s) => (s.clusterIP ? [s.clusterIP as string] : [])));
  const trace = (f: FlowArg) => {
    try {
      return traceFlow(dp, f);
    } catch (e) {
      if (e instanceof FlowError) return undefined; // e.g. a service without a port for this protocol
      throw e;
    }
  };

  it('ends every packet delivered, handed to a host or the world, or dropped with a reason', () => {
    let traced = 0; // flows the engine refuses (FlowError) prove nothing: some must trace
    fc.assert(fc.property(flowArb(dp), (f) => {
      const t = trace(f);
      if (!t) return;
      traced++;
      expect(t.events.length).toBeGreaterThan(0);
      for (const hops of byPacket(t.events).values()) {
        const last = hops[hops.length - 1]!;
        if (last.packet?.proto === 'ARP') continue;
        expect(endsPacket(last), `${last.kind} to ${last.peer?.node ?? '-'} ends packet ${last.packet?.id}`).toBe(true);
        if (last.kind === 'drop' || last.verdict === 'DROPPED') expect(last.drop?.reason).toBeTruthy();
      }
      if (t.outcome.status === 'dropped') expect(t.events.some((e) => e.verdict === 'DROPPED' && e.drop)).toBe(true);
      if (t.outcome.status === 'completed') {
        const last = t.events.at(-1)!;
        expect(endsPacket(last) && last.kind !== 'drop' && last.verdict !== 'ERROR', `a completed trace ends with ${last.kind}`).toBe(true);
      }
    }), { numRuns: 60 });
    expect(traced).toBeGreaterThan(0);
  });

  it('never puts a ClusterIP on a packet when the socket LB translated the connection', () => {
    fc.assert(fc.property(flowArb(dp), (f) => {
      const t = trace(f);
      if (!t || !t.events.some((e) => e.kind === 'socket-lb-rewrite' && e.verdict === 'TRANSLATED')) return;
      for (const e of t.events) {
        if (!e.packet) continue; // a socket hop: the call names the ClusterIP, no packet does
        expect(clusterIps.has(e.packet.src), `seq ${e.seq} src`).toBe(false);
        expect(clusterIps.has(e.packet.dst), `seq ${e.seq} dst`).toBe(false);
      }
    }), { numRuns: 60 });
  });

  it('gives the same trace for the same seed, on this datapath and on a fresh one', () => {
    // A flow the engine refuses is compared by its error, never as undefined
    // twice; the second run uses a datapath no earlier flow has touched, so
    // state kept between traces (a cache, a counter) shows up as a difference.
    const run = (on: Datapath, f: FlowArg) => {
      try {
        return { trace: JSON.stringify(traceFlow(on, f)) };
      } catch (e) {
        if (e instanceof FlowError) return { error: `${e.name}: ${e.message}` };
        throw e;
      }
    };
    fc.assert(fc.property(flowArb(dp), (f) => {
      const first = run(dp, f);
      expect(run(dp, f)).toEqual(first);
      expect(run(loadBuiltin(name, settings), f)).toEqual(first);
    }), { numRuns: 30 });
  });

  it('sends a reply across the same nodes as its request', () => {
    fc.assert(fc.property(flowArb(dp), (f) => {
      const t = trace(f);
      if (!t || t.outcome.status !== 'completed') return;
      const nodesOf = (dir: 'request' | 'reply') =>
        new Set(
          t.events
            .filter((e) => e.packet?.direction === dir && e.packet.proto !== 'ARP')
            .flatMap((e) => [e.node, ...(e.peer ? [e.peer.node] : [])]),
        );
      expect([...nodesOf('reply')].sort()).toEqual([...nodesOf('request')].sort());
    }), { numRuns: 60 });
  });
});
