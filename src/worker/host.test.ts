import { describe, expect, it, vi } from 'vitest';
import { EngineClient, RemoteError, type WorkerLike } from './client.ts';
import { fakeEngine, stubFormats } from './fixture.test-helper.ts';
import { EngineHost } from './host.ts';
import { replayTables } from '../engine/index.ts';
import { ciliumTextAt, toWireError, type WorkerMessage, type WorkerRequest } from './protocol.ts';

function host() {
  const engine = fakeEngine();
  return new EngineHost(engine, stubFormats(engine));
}

/** A Worker stand-in that runs the host in-process, asynchronously like a real worker. */
class InProcessWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  terminated = false;
  received: WorkerRequest[] = [];
  constructor(private readonly h = host()) {}
  postMessage(req: WorkerRequest): void {
    this.received.push(req);
    queueMicrotask(() => {
      // A scenario named `hang` stands for one the engine loops on: no answer, ever.
      if (this.terminated || (req.type === 'loadScenario' && req.name === 'hang')) return;
      let msg: WorkerMessage;
      try {
        msg = { requestId: req.id, ok: true, value: this.h.handle(req) };
      } catch (e) {
        msg = { requestId: req.id, ok: false, error: toWireError(e) };
      }
      this.onmessage?.({ data: msg } as MessageEvent<WorkerMessage>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('EngineHost', () => {
  it('traces side B under other settings and aligns it with side A, leaving side A as it was', () => {
    const h = host();
    h.handle({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    const flow = { from: 'client', to: 'server', proto: 'icmp' } as const;
    const a = h.handle({ id: 2, type: 'trace', flow });
    const c = h.handle({ id: 3, type: 'compare', flow, settings: { 'routing-mode': 'tunnel' } });
    expect(c.trace.events.map((e) => e.kind)).toContain('tunnel-encap');
    expect(c.comparison).toMatchObject({ hopsA: a.events.length, hopsB: a.events.length + 1, differing: 1 });
    expect(c.summary.config['routing-mode']).toBe('tunnel');
    // Side A's datapath is untouched: its trace and settings are the same as before.
    expect(h.handle({ id: 4, type: 'trace', flow }).events.map((e) => e.kind)).toEqual(a.events.map((e) => e.kind));
    expect(() => h.handle({ id: 5, type: 'compare', flow, settings: { 'routing-mode': 'bogus' } })).toThrow(/bogus/);
  });

  it('fetches the extras (views, compare, replay, sysdump) on the first request that needs them, once', async () => {
    const engine = fakeEngine();
    const fetchExtras = vi.fn(async () => stubFormats(engine));
    const h = new EngineHost(engine, fetchExtras);
    const flow = { from: 'client', to: 'server', proto: 'icmp' } as const;
    await h.handleAsync({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    await h.handleAsync({ id: 2, type: 'trace', flow });
    await h.handleAsync({ id: 3, type: 'tables', node: 'k8s-a' });
    // Loading, tracing and the tables (all the first drawing asks for) need none of it.
    expect(fetchExtras).not.toHaveBeenCalled();
    expect(() => h.handle({ id: 4, type: 'hubble', flow, query: { filter: {} } })).toThrow(/handleAsync/);
    const lines = await h.handleAsync({ id: 5, type: 'hubble', flow, query: { filter: {} } });
    expect(lines.length).toBeGreaterThan(0);
    await h.handleAsync({ id: 6, type: 'compare', flow, settings: { 'routing-mode': 'tunnel' } });
    expect(fetchExtras).toHaveBeenCalledTimes(1);
  });

  it('loads a scenario into a summary of nodes, pods and interfaces', () => {
    const reply = host().handle({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.summary.name).toBe('lab');
    expect(reply.summary.nodes.map((n) => n.name)).toEqual(['k8s-a', 'k8s-b']);
    expect(reply.summary.nodes[0]?.pods.map((p) => p.lxc)).toEqual(['lxcaaaa00000001', 'lxcaaaa00000002']);
    expect(reply.summary.nodes[0]?.interfaces.map((i) => i.name)).toContain('cilium_host');
    expect(reply.summary.config['enable-ip-masq-agent']).toBe('true');
  });

  it('keeps the loaded scenario when a broken one is sent', () => {
    const h = host();
    h.handle({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    const bad = h.handle({ id: 2, type: 'loadScenario', text: 'broken', name: 'x' });
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ line: 7, field: 'status.podIP', object: 'Pod default/x' })] });
    const trace = h.handle({ id: 3, type: 'trace', flow: { from: 'client', to: 'server', proto: 'icmp' } });
    expect(trace.events).toHaveLength(5);
  });

  it('applies settings and reports the effective switches', () => {
    const h = host();
    h.handle({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    const s = h.handle({ id: 2, type: 'setSettings', settings: { 'enable-ip-masq-agent': 'false' } });
    expect(s.config['enable-ip-masq-agent']).toBe('false');
    expect(s.settings).toEqual({ 'enable-ip-masq-agent': 'false' });
  });

  it('answers a node\'s initial tables as typed rows; the page replays the steps', () => {
    const h = host();
    h.handle({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    const trace = h.handle({ id: 2, type: 'trace', flow: { from: 'client', to: 'server', proto: 'icmp' } });
    const initial = h.handle({ id: 3, type: 'tables', node: 'k8s-a' });
    expect(initial).toEqual([
      { map: 'cilium_ipcache', rows: [{ map: 'cilium_ipcache', key: '0.0.0.0/0', value: expect.stringMatching(/^identity=2/) }] },
      { map: 'cilium_ct4_global', rows: [] },
      { map: 'cilium_ct_any4_global', rows: [] },
    ]);
    expect(replayTables(initial, trace.events, 1, 'k8s-a').find((t) => t.map === 'cilium_ct_any4_global')?.rows).toEqual([]);
    expect(replayTables(initial, trace.events, 2, 'k8s-a').find((t) => t.map === 'cilium_ct_any4_global')?.rows).toEqual([
      { map: 'cilium_ct_any4_global', key: 'ICMP OUT 10.1.0.10:1 -> 10.1.1.20:0', value: 'expires=60' },
    ]);
  });

  it('answers a cilium view for every step of the flow it names, changing only where the node\'s maps do', () => {
    const h = host();
    h.handle({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    const flow = { from: 'client', to: 'server', proto: 'icmp' } as const;
    // No trace was asked for: the host traces the flow the request names.
    const r = h.handle({ id: 2, type: 'cilium', node: 'k8s-a', view: { view: 'map get', map: 'cilium_ct_any4_global' }, flow });
    expect(r).toEqual({ ok: true, texts: [{ step: -1, text: 'Key   Value' }, { step: 2, text: expect.stringMatching(/ICMP OUT 10\.1\.0\.10:1/) }] });
    const ip = h.handle({ id: 3, type: 'cilium', node: 'k8s-a', view: { view: 'map get', map: 'cilium_ipcache' }, flow });
    expect(ip).toEqual({ ok: true, texts: [{ step: -1, text: expect.stringMatching(/^Key\s+Value\n0\.0\.0\.0\/0\s+identity=2/) }] });
    const before = h.handle({ id: 4, type: 'cilium', node: 'k8s-a', view: { view: 'map get', map: 'cilium_ipcache' }, flow: undefined });
    expect(before).toEqual(ip);
    expect(ciliumTextAt([{ step: -1, text: 'a' }, { step: 2, text: 'b' }], 1)).toBe('a');
    expect(ciliumTextAt([{ step: -1, text: 'a' }, { step: 2, text: 'b' }], 4)).toBe('b');
  });

  it('answers hubble lines of the flow it names, each with its hop', () => {
    const h = host();
    h.handle({ id: 1, type: 'loadScenario', text: 'ok', name: 'lab' });
    const lines = h.handle({ id: 2, type: 'hubble', flow: { from: 'client', to: 'server', proto: 'icmp' }, query: { filter: {} } });
    expect(lines).toEqual([{ seq: 4, text: 'k8s-b: to-endpoint' }]);
    expect(h.handle({ id: 3, type: 'hubble', flow: { from: 'client', to: 'server', proto: 'icmp' }, query: { filter: { nodeName: 'k8s-a' } } })).toEqual([]);
  });

  it('fails a request before any scenario with a named error', () => {
    expect(() => host().handle({ id: 1, type: 'trace', flow: { from: 'a', to: 'b', proto: 'icmp' } })).toThrow(/no scenario/);
  });
});

describe('EngineClient', () => {
  it('matches replies to requests and carries FlowError names, messages and known names across', async () => {
    const c = new EngineClient(() => new InProcessWorker());
    await c.request({ type: 'loadScenario', text: 'ok', name: 'lab' });
    const err = await c.request({ type: 'trace', flow: { from: 'nobody', to: 'server', proto: 'icmp' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).name).toBe('FlowError');
    expect((err as RemoteError).known).toEqual(['client', 'peer', 'server']);
    expect((err as RemoteError).explain).toEqual({ id: 'error.unknown_source', params: { name: 'nobody' } });
  });

  it('restarts a dead worker, fails what was pending and reloads the scenario and settings', async () => {
    const workers: InProcessWorker[] = [];
    const c = new EngineClient(() => {
      const w = new InProcessWorker();
      workers.push(w);
      return w;
    });
    const events: string[] = [];
    c.on((e) => events.push(e.type));
    await c.request({ type: 'loadScenario', text: 'ok', name: 'lab' });
    await c.request({ type: 'setSettings', settings: { 'enable-ip-masq-agent': 'false' } });
    const pending = c.request({ type: 'trace', flow: { from: 'client', to: 'server', proto: 'icmp' } });
    workers[0]?.onerror?.({ message: 'boom' } as unknown as Event);
    await expect(pending).rejects.toThrow(/boom/);
    expect(events).toEqual(['restarted']);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.received.map((r) => r.type)).toEqual(['loadScenario', 'setSettings']);
    const trace = await c.request({ type: 'trace', flow: { from: 'client', to: 'server', proto: 'icmp' } });
    expect(trace.events.length).toBe(5);
  });

  it('does not replay a scenario that failed to load', async () => {
    const workers: InProcessWorker[] = [];
    const c = new EngineClient(() => {
      const w = new InProcessWorker();
      workers.push(w);
      return w;
    });
    await c.request({ type: 'loadScenario', text: 'ok', name: 'lab' });
    await c.request({ type: 'loadScenario', text: 'broken', name: 'bad' });
    c.crash('test');
    expect(workers[1]?.received).toEqual([expect.objectContaining({ type: 'loadScenario', text: 'ok' })]);
  });

  it('watchdog: a request past the limit is reported; Cancel restarts the worker with the previous scenario', async () => {
    vi.useFakeTimers();
    try {
      const workers: InProcessWorker[] = [];
      const clock = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };
      const c = new EngineClient(() => {
        const w = new InProcessWorker();
        workers.push(w);
        return w;
      }, { stallMs: 5_000, clock });
      const stalls: (string | undefined)[] = [];
      c.on((e) => {
        if (e.type === 'stalled') stalls.push(e.request);
      });
      await c.request({ type: 'loadScenario', text: 'ok', name: 'lab' });
      const stuck = c.request({ type: 'loadScenario', text: 'loops', name: 'hang' });
      stuck.catch(() => undefined);
      await vi.advanceTimersByTimeAsync(4_999);
      expect(stalls).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(stalls).toEqual(['loadScenario']);
      c.cancel();
      await expect(stuck).rejects.toThrow(/cancelled/);
      expect(stalls).toEqual(['loadScenario', undefined]);
      expect(workers[0]?.terminated).toBe(true);
      expect(workers[1]?.received).toEqual([expect.objectContaining({ type: 'loadScenario', name: 'lab' })]);
      const trace = await c.request({ type: 'trace', flow: { from: 'client', to: 'server', proto: 'icmp' } });
      expect(trace.events.length).toBe(5);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(stalls).toEqual(['loadScenario', undefined]);
    } finally {
      vi.useRealTimers();
    }
  });
});
