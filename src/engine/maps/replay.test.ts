import { describe, expect, it } from 'vitest';
import type { HopEvent, MapOp } from '../trace.ts';
import { replayTables, rowKeyText, rowOfOp, writesOn } from './replay.ts';
import type { TableRows } from './rows.ts';

const ev = (maps: MapOp[]) => ({ maps }) as unknown as HopEvent;
const op = (o: Partial<MapOp> & Pick<MapOp, 'map' | 'op' | 'key'>): MapOp => ({ node: 'n1', hit: false, ...o });

const initial: TableRows[] = [
  { map: 'cilium_ipcache', rows: [{ map: 'cilium_ipcache', key: '0.0.0.0/0', value: 'identity=2' }] },
  { map: 'cilium_ct4_global', rows: [] },
];

const events = [
  ev([op({ map: 'cilium_ipcache', op: 'lookup', key: '0.0.0.0/0', value: 'identity=2', hit: true })]),
  ev([op({ map: 'cilium_ct4_global', op: 'update', key: 'TCP OUT a', value: 'v1' }), op({ node: 'n2', map: 'cilium_ct4_global', op: 'update', key: 'x', value: 'y' })]),
  ev([op({ map: 'cilium_ct4_global', op: 'update', key: 'TCP OUT b', value: 'v2' }), op({ map: 'cilium_lb4_reverse_sk', op: 'update', key: 'k', value: 'r' })]),
  ev([op({ map: 'cilium_ct4_global', op: 'delete', key: 'TCP OUT a' })]),
];

describe('replayTables', () => {
  it('applies the node\'s writes of hops 0..step, lookups and other nodes aside', () => {
    expect(replayTables(initial, events, -1, 'n1')).toEqual(initial);
    expect(replayTables(initial, events, 0, 'n1')).toEqual(initial);
    expect(replayTables(initial, events, 2, 'n1')).toEqual([
      initial[0],
      { map: 'cilium_ct4_global', rows: [
        { map: 'cilium_ct4_global', key: 'TCP OUT a', value: 'v1' },
        { map: 'cilium_ct4_global', key: 'TCP OUT b', value: 'v2' },
      ] },
      // A map the agent did not program comes after the others.
      { map: 'cilium_lb4_reverse_sk', rows: [{ map: 'cilium_lb4_reverse_sk', key: 'k', value: 'r' }] },
    ]);
    expect(replayTables(initial, events, 9, 'n1')[1]?.rows.map((r) => r.key)).toEqual(['TCP OUT b']);
    expect(writesOn(events, 9, 'n2').map((o) => o.key)).toEqual(['x']);
  });

  it('keeps the objects of maps no hop wrote, and never changes the initial tables', () => {
    const out = replayTables(initial, events, 3, 'n1');
    expect(out[0]).toBe(initial[0]);
    expect(initial[1]?.rows).toEqual([]);
  });

  it('types a policy row with its endpoint, and prints its key without the map name', () => {
    const row = rowOfOp(op({ map: 'cilium_policy', op: 'lookup', key: 'cilium_policy_00759 Ingress identity=1 ANY', value: 'Allow' }));
    expect(row).toEqual({ map: 'cilium_policy', key: 'cilium_policy_00759 Ingress identity=1 ANY', value: 'Allow', endpointId: 759 });
    expect(rowKeyText(row)).toBe('Ingress identity=1 ANY');
    expect(rowKeyText(rowOfOp(op({ map: 'cilium_ipcache', op: 'lookup', key: '10.0.0.1/32' })))).toBe('10.0.0.1/32');
  });
});
