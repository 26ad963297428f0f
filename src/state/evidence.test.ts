import { describe, expect, it } from 'vitest';
import { fixtureTrace } from '../worker/fixture.test-helper.ts';
import { revealHopRows, showEvidence } from './evidence.ts';
import { createAppStore } from './store.ts';

const trace = fixtureTrace({ from: 'client', to: 'server', proto: 'icmp' });

describe('showEvidence: a lesson stop (or a person) asks for evidence', () => {
  it('opens the map tab on a node with rows lit, points tcpdump, opens a view, and asks the panel to scroll', () => {
    const store = createAppStore({ trace });
    showEvidence(store, { map: { tab: 'nat', node: 'n1', rows: ['TCP OUT a -> b'] }, tcpdump: 'n1/eth0', view: 'hubble' });
    const s = store.getState();
    expect(s).toMatchObject({ mapTab: 'nat', panelNode: 'n1', tcpdumpAt: 'n1/eth0', viewTab: 'hubble', reveal: 1 });
    expect(s.evidence?.map?.rows).toEqual(['TCP OUT a -> b']);
    showEvidence(store, { command: 'cilium bpf nat list' });
    expect(store.getState()).toMatchObject({ viewTab: 'terminal', reveal: 2 });
    showEvidence(store, undefined);
    expect(store.getState().evidence).toBeUndefined();
  });

  it('P: the tab of the first map the hop touched, and a new reveal', () => {
    const store = createAppStore({ trace });
    const step = trace.events.findIndex((e) => e.maps.length > 0);
    store.setState({ step, mapTab: 'policy' });
    revealHopRows(store, (m) => (m === trace.events[step]?.maps[0]?.map ? 'conntrack' : undefined));
    expect(store.getState()).toMatchObject({ mapTab: 'conntrack', reveal: 1 });
  });
});
