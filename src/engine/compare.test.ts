import { describe, expect, it } from 'vitest';
import { compareTraces } from './compare.ts';
import { placeFields, tcAt } from './place.ts';
import type { HopEvent, Trace } from './trace.ts';

const hop = (kind: HopEvent['kind'], node = 'n1'): HopEvent => ({
  seq: 0, kind, ...placeFields(tcAt(node, 'eth0', 'tc-ingress')), program: 'p', source: 's', maps: [], explain: { id: 'lxc.ingress', params: { pod: 'p', lxc: 'l' } },
  packet: { id: 1, direction: 'request', src: '10.0.0.1' as never, dst: '10.0.0.2' as never, proto: 'ICMP' },
});
const trace = (events: HopEvent[]): Trace => ({
  flow: { from: 'a', to: 'b', proto: 'icmp', seed: 1 }, client: { kind: 'ip', ip: '10.0.0.1' as never }, server: { kind: 'ip', ip: '10.0.0.2' as never },
  events, outcome: { status: 'completed', message: { id: 'outcome.completed', params: { proto: 'ICMP', packets: 2, hops: events.length } } },
});

describe('compareTraces', () => {
  it('pairs hops by node and program, marks what differs in a pair, and the hops only one side has', () => {
    const a = trace([hop('send'), hop('lxc-ingress'), hop('native-routing'), hop('wire'), hop('deliver', 'n2')]);
    const b = trace([hop('send'), hop('lxc-ingress'), hop('tunnel-encap'), hop('wire'), hop('tunnel-decap', 'n2'), hop('deliver', 'n2')]);
    const c = compareTraces(a, b);
    expect(c.hopsA).toBe(5);
    expect(c.hopsB).toBe(6);
    expect(c.rows.filter((r) => r.same)).toHaveLength(4);
    // Same node, same program, another kind of step: one row, marked.
    expect(c.rows.find((r) => r.a === 2)).toEqual({ a: 2, b: 2, same: false, group: 0, diff: ['kind'] });
    expect(c.rows.find((r) => r.b === 4)).toEqual({ b: 4, same: false, group: 0 });
    expect(c.differing).toBe(2);
  });

  it('finds nothing different in identical traces', () => {
    const t = trace([hop('send'), hop('deliver')]);
    expect(compareTraces(t, t).differing).toBe(0);
  });
});
