/**
 * Loading through the worker: a chosen file is read in the worker with
 * progress, every phase is reported (and no more often than asked), a load
 * that reports progress never trips the watchdog, and Cancel ends a load
 * with the previous scenario kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CancelledError, EngineClient, type WorkerLike } from '../../src/worker/client.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { EngineHost } from '../../src/worker/host.ts';
import type { LoadProgress, ProgressStage, WorkerMessage, WorkerRequest } from '../../src/worker/protocol.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import { scenarioText } from '../engine/builtin.ts';

const labJson = () => JSON.stringify({ apiVersion: 'v1', kind: 'List', items: parseAllDocuments(scenarioText('kans-lab')).map((d) => d.toJS()).filter(Boolean) });

function realHost(everyMs: number, now = () => Date.now()) {
  const seen: { stage: ProgressStage; load?: LoadProgress }[] = [];
  const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE), (stage, load) => seen.push({ stage, ...(load ? { load } : {}) }), { now, everyMs });
  return { host, seen };
}

describe('a file loaded in the worker', () => {
  it('is read from the Blob, with read, parse, validate and derive reported in order', async () => {
    const { host, seen } = realHost(0);
    const file = new Blob([labJson()]);
    const reply = await host.handleAsync({ id: 1, type: 'loadScenario', file, name: 'lab' });
    expect(reply.ok && reply.summary.nodes.map((n) => n.name)).toEqual(['k8s-s', 'k8s-w1', 'k8s-w2']);
    const phases = seen.flatMap((s) => (s.load ? [s.load.phase] : []));
    expect([...new Set(phases)]).toEqual(['read', 'parse', 'validate', 'derive']);
    const read = seen.find((s) => s.load?.phase === 'read')?.load;
    expect(read).toMatchObject({ bytes: file.size, totalBytes: file.size });
    // Deriving says how far it got (the engine's own counter), from its start to its end.
    const derived = seen.flatMap((s) => (s.load?.phase === 'derive' && s.load.derived !== undefined ? [s.load.derived] : []));
    expect(derived[0]).toBe(0);
    expect(derived.at(-1)).toBe(1);
  });

  it('passes details on at most every `everyMs`, but always when the phase changes', async () => {
    const { host, seen } = realHost(100, () => 0);
    await host.handleAsync({ id: 1, type: 'loadScenario', file: new Blob([labJson()]), name: 'lab' });
    expect(seen.flatMap((s) => (s.load ? [s.load.phase] : []))).toEqual(['read', 'parse', 'validate', 'derive']);
  });

  it('a broken file is located errors and the loaded scenario stays', async () => {
    const { host } = realHost(100);
    await host.handleAsync({ id: 1, type: 'loadScenario', text: scenarioText('kans-lab'), name: 'lab' });
    const bad = await host.handleAsync({ id: 2, type: 'loadScenario', file: new Blob(['{"kind": "List", "items": [}']), name: 'bad' });
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ message: expect.stringMatching(/^JSON \(document 1, line 1, column \d+\)/) })] });
    const trace = host.handle({ id: 3, type: 'trace', flow: { from: 'netpod', to: 'webpod1', proto: 'icmp' } });
    expect(trace.outcome.status).toBe('completed');
  });
});

/** A worker that answers only when told, and pushes progress when told. */
class ManualWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  postMessage(req: WorkerRequest): void {
    this.received.push(req);
  }
  push(m: WorkerMessage): void {
    this.onmessage?.({ data: m } as MessageEvent<WorkerMessage>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const LOAD: LoadProgress = { phase: 'parse', bytes: 1, totalBytes: 10, objects: 0 };

describe('the client during a long load', () => {
  it('progress keeps the watchdog quiet; silence still trips it', async () => {
    vi.useFakeTimers();
    try {
      const workers: ManualWorker[] = [];
      const c = new EngineClient(() => {
        const w = new ManualWorker();
        workers.push(w);
        return w;
      }, { stallMs: 8_000 });
      const stalls: (string | undefined)[] = [];
      const loads: LoadProgress[] = [];
      c.on((e) => {
        if (e.type === 'stalled') stalls.push(e.request);
        if (e.type === 'progress' && e.load) loads.push(e.load);
      });
      const w = workers[0] as ManualWorker;
      const loading = c.request({ type: 'loadScenario', file: new Blob(['x']), name: 'big' });
      for (let t = 0; t < 30; t++) {
        await vi.advanceTimersByTimeAsync(1_000);
        w.push({ type: 'progress', stage: 'parsing', load: { ...LOAD, bytes: t } });
      }
      expect(stalls).toEqual([]);
      expect(loads).toHaveLength(30);
      await vi.advanceTimersByTimeAsync(8_000);
      expect(stalls).toEqual(['loadScenario']);
      // Progress again: the load is alive, the banner goes.
      w.push({ type: 'progress', stage: 'deriving', load: { ...LOAD, phase: 'derive' } });
      expect(stalls).toEqual(['loadScenario', undefined]);
      w.push({ requestId: (w.received[0] as WorkerRequest).id, ok: true, value: { ok: false, errors: [] } });
      await loading;
    } finally {
      vi.useRealTimers();
    }
  });

  it('Cancel ends the load as cancelled (not an error) and the new worker gets the previous scenario, a file read again', async () => {
    const workers: ManualWorker[] = [];
    const c = new EngineClient(() => {
      const w = new ManualWorker();
      workers.push(w);
      return w;
    });
    const first = workers[0] as ManualWorker;
    const previous = new Blob(['previous']);
    const loaded = c.request({ type: 'loadScenario', file: previous, name: 'mine' });
    first.push({ requestId: 1, ok: true, value: { ok: true, summary: {} as never } });
    await loaded;
    const big = c.request({ type: 'loadScenario', file: new Blob(['big']), name: 'big' });
    c.cancel();
    const err = await big.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect(first.terminated).toBe(true);
    expect(workers[1]?.received).toEqual([expect.objectContaining({ type: 'loadScenario', name: 'mine', file: previous })]);
  });
});
