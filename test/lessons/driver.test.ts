/**
 * The lesson driver and showEvidence against a real trace (the engine in
 * Node) and a fake engine client: a stop opens its scenario, settings, flow,
 * the hop its selector finds, its compare, and then its evidence; a newer
 * stop wins over one still loading.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/worker/summary.ts';
import { traceFlow, type FlowRequest, type Settings } from '../../src/engine/index.ts';
import type { Lesson, Stop } from '../../src/lessons/model.ts';
import type { Actions } from '../../src/state/actions.ts';
import { createAppStore, type AppState, type AppStore } from '../../src/state/store.ts';
import { loadBuiltin } from '../engine/builtin.ts';
import { openLesson, startLessons } from '../../src/ui/lessons/driver.ts';
import { showEvidence, tcpdumpTargetId } from '../../src/ui/lessons/evidence.ts';

const stop = (over: Partial<Stop>): Stop => ({
  scenario: 'kans-lab', flow: { from: 'netpod', to: 'svc', proto: 'tcp', port: 80 }, settings: {},
  hop: { kind: 'socket-lb-rewrite', nth: 1 }, evidence: { maps: { names: ['cilium_lb4_services_v2'] } },
  caption: { en: 'x', ko: 'x' }, line: 1, ...over,
});

const lesson: Lesson = {
  id: 'demo', title: { en: 'Demo', ko: '데모' }, order: 1,
  stops: [
    stop({}),
    stop({
      settings: { 'enable-ip-masq-agent': 'false' }, flow: { from: 'netpod', to: 'webpod1', proto: 'icmp' },
      hop: { kind: 'snat', nth: 1 }, evidence: { maps: { names: ['cilium_snat_v4_external'] }, tcpdump: { at: 'k8s-s:ens5' } },
    }),
    stop({ scenario: 'kans-lab-policy', compare: 'kube-proxy', evidence: { terminal: 'c0 service list' } }),
  ],
};

/** A stand-in for the worker: traces with the real engine, records what was asked. */
function fakeActions(store: AppStore, calls: string[]): Actions {
  let scenario = 'kans-lab';
  let settings: Settings = {};
  const summary = () => ({ ...summarize(loadBuiltin(scenario, settings), settings), settings });
  return {
    async loadBuiltin(name) {
      calls.push(`load ${name}`);
      scenario = name;
      settings = {};
      store.setState({ scenarioName: name, summary: summary() });
      return true;
    },
    loadText: async () => true,
    loadFile: async () => true,
    setSetting: async () => undefined,
    async setSettings(s) {
      calls.push(`settings ${JSON.stringify(s)}`);
      settings = s;
      store.setState({ settings: s, summary: summary() });
    },
    async setFlow(flow: FlowRequest) {
      calls.push(`flow ${flow.from}>${flow.to}`);
      store.setState({ flow, trace: traceFlow(loadBuiltin(scenario, settings), { ...flow, seed: 1 }), step: 0 });
    },
    retrace: async () => undefined,
    async setCompare(spec) {
      calls.push(`compare ${spec ?? 'off'}`);
      store.setState({ compare: spec === undefined ? undefined : ({ spec } as AppState['compare']) });
    },
  };
}

describe('the lesson driver', () => {
  it('opens each stop: scenario, settings, flow, the selected hop, compare, then the evidence', async () => {
    const store = createAppStore();
    const calls: string[] = [];
    const driver = startLessons(store, fakeActions(store, calls), [lesson]);
    await fakeActions(store, []).loadBuiltin('kans-lab');

    openLesson(store, [lesson], 'demo', 0);
    await driver.ready();
    let s = store.getState();
    expect(s.trace?.events[s.step]?.kind).toBe('socket-lb-rewrite');
    expect(s.mapTab).toBe('services');
    // The request names the hop's own rows of the named map, on the hop's node (the evidence rows list them first).
    expect(s.evidence?.map).toEqual({ tab: 'services', rows: expect.arrayContaining(['10.10.252.131:80 (0)']), node: 'k8s-s' });
    expect(calls).toEqual(['flow netpod>svc']);

    calls.length = 0;
    openLesson(store, [lesson], 'demo', 1);
    await driver.ready();
    s = store.getState();
    expect(calls).toEqual(['settings {"enable-ip-masq-agent":"false"}', 'flow netpod>webpod1']);
    expect(s.trace?.events[s.step]?.kind).toBe('snat');
    // tcpdump is the strip's, beside strace: no views tab for it.
    expect(s).toMatchObject({ mapTab: 'nat', tcpdumpAt: 'k8s-s/ens5', evidence: { tcpdump: 'k8s-s/ens5' } });
    expect(s.viewTab).not.toBe('tcpdump');

    calls.length = 0;
    openLesson(store, [lesson], 'demo', 2);
    await driver.ready();
    expect(calls).toEqual(['load kans-lab-policy', 'flow netpod>svc', 'compare kube-proxy']);
    expect(store.getState()).toMatchObject({ viewTab: 'terminal', evidence: { view: 'terminal', command: 'c0 service list' } });
    driver.stop();
  });

  it('stepping away from the stop\'s hop lets the map panel follow the hop; leaving the lesson drops the request', async () => {
    const store = createAppStore();
    const actions = fakeActions(store, []);
    const driver = startLessons(store, actions, [lesson]);
    await actions.loadBuiltin('kans-lab');
    openLesson(store, [lesson], 'demo', 1);
    await driver.ready();
    expect(store.getState().evidence?.map?.tab).toBe('nat');
    store.setState({ step: store.getState().step + 1 });
    expect(store.getState().evidence).toEqual({ tcpdump: 'k8s-s/ens5' });
    openLesson(store, [lesson], undefined);
    expect(store.getState().evidence).toBeUndefined();
    driver.stop();
  });

  it('a newer stop wins over one still loading', async () => {
    const store = createAppStore();
    const calls: string[] = [];
    const driver = startLessons(store, fakeActions(store, calls), [lesson]);
    await fakeActions(store, []).loadBuiltin('kans-lab');
    openLesson(store, [lesson], 'demo', 1);
    openLesson(store, [lesson], 'demo', 0);
    await driver.ready();
    const s = store.getState();
    expect(s.trace?.events[s.step]?.kind).toBe('socket-lb-rewrite');
    expect(s.lesson).toEqual({ id: 'demo', stop: 0, stops: 3 });
    driver.stop();
  });

  it('a flow the person chooses leaves the lesson (its caption would describe another view)', async () => {
    const store = createAppStore();
    const actions = fakeActions(store, []);
    const driver = startLessons(store, actions, [lesson]);
    await actions.loadBuiltin('kans-lab');
    openLesson(store, [lesson], 'demo', 0);
    await driver.ready();
    // Opening the stop did not leave it; choosing another flow does.
    expect(store.getState().lesson?.stop).toBe(0);
    await actions.setFlow({ from: 'netpod', to: 'netpod2', proto: 'icmp' });
    expect(store.getState().lesson).toBeUndefined();
    driver.stop();
  });

  it('openLesson clamps the stop and refuses an unknown lesson', () => {
    const store = createAppStore();
    expect(openLesson(store, [lesson], 'demo', 9)).toBe(true);
    expect(store.getState().lesson).toEqual({ id: 'demo', stop: 2, stops: 3 });
    expect(openLesson(store, [lesson], 'nope')).toBe(false);
  });
});

describe('showEvidence', () => {
  it('names the tcpdump view\'s target for a pod or NODE:IFACE', () => {
    const summary = summarize(loadBuiltin('kans-lab'), {});
    expect(tcpdumpTargetId(summary, 'netpod')).toBe('k8s-s/eth0@default/netpod');
    expect(tcpdumpTargetId(summary, 'k8s-w1:ens5')).toBe('k8s-w1/ens5');
    expect(tcpdumpTargetId(summary, 'nobody')).toBeUndefined();
  });

  it('picks the first named map that has a tab; strace needs no views tab (the strip shows it), hubble does', () => {
    const store = createAppStore({ panelNode: 'k8s-w2', viewTab: 'events' });
    showEvidence(store, { maps: { names: ['fib', 'cilium_ipcache'] }, strace: {} });
    expect(store.getState()).toMatchObject({ mapTab: 'ipcache', panelNode: undefined, evidence: { map: { tab: 'ipcache', rows: [] } } });
    expect(store.getState().viewTab).not.toBe('strace');
    showEvidence(store, { hubble: {} });
    expect(store.getState()).toMatchObject({ viewTab: 'hubble', evidence: { view: 'hubble' } });
  });
});
