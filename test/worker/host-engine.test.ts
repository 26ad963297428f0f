/**
 * The worker host with the real engine, not the fakes of the other host
 * tests: the built-in kans-lab YAML is loaded and a flow traced through
 * EngineClient and EngineHost, with every message structured-cloned as
 * postMessage would, so the page gets what the engine computed.
 */
import { describe, expect, it } from 'vitest';
import { traceFlow } from '../../src/engine/index.ts';
import { EngineClient, RemoteError, type WorkerLike } from '../../src/worker/client.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { EngineHost } from '../../src/worker/host.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import { toWireError, type WorkerMessage, type WorkerRequest } from '../../src/worker/protocol.ts';
import { loadBuiltin, scenarioText } from '../engine/builtin.ts';


/** A Worker stand-in: the real host in-process, messages cloned both ways, answers asynchronous. */
class ClonedWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  private readonly host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE));
  postMessage(message: WorkerRequest): void {
    const req = structuredClone(message);
    queueMicrotask(() => {
      let reply: WorkerMessage;
      try {
        reply = { requestId: req.id, ok: true, value: this.host.handle(req) };
      } catch (e) {
        reply = { requestId: req.id, ok: false, error: toWireError(e) };
      }
      this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<WorkerMessage>);
    });
  }
  terminate(): void {}
}

describe('EngineHost with the real engine', () => {
  it('loads kans-lab and traces netpod to webpod1 as the engine does in-process', async () => {
    const client = new EngineClient(() => new ClonedWorker());
    const loaded = await client.request({ type: 'loadScenario', text: scenarioText('kans-lab'), name: 'kans-lab' });
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
    const { summary } = loaded;
    expect(summary.nodes.map((n) => n.name)).toEqual(['k8s-s', 'k8s-w1', 'k8s-w2']);
    const pods = summary.nodes.flatMap((n) => n.pods);
    expect(pods.find((p) => p.key === 'default/netpod')).toMatchObject({ node: 'k8s-s', ip: '172.16.0.79', identity: 26332 });
    expect(pods.find((p) => p.key === 'default/webpod1')).toMatchObject({ node: 'k8s-w1', ip: '172.16.1.235', identity: 10037 });

    const flow = { from: 'netpod', to: 'webpod1', proto: 'icmp' } as const;
    const trace = await client.request({ type: 'trace', flow });
    expect(trace).toEqual(traceFlow(loadBuiltin('kans-lab'), flow));
    expect(trace.outcome.status).toBe('completed');
    const policy = trace.events.find((e) => e.kind === 'policy');
    expect(policy).toMatchObject({ node: 'k8s-s', srcIdentity: 26332, dstIdentity: 10037, verdict: 'FORWARDED' });
    expect(trace.events.at(-1)).toMatchObject({ kind: 'deliver', node: 'k8s-s', pod: 'default/netpod' });
  });

  it('carries a FlowError with the names that would work back to the page', async () => {
    const client = new EngineClient(() => new ClonedWorker());
    await client.request({ type: 'loadScenario', text: scenarioText('kans-lab'), name: 'kans-lab' });
    const err = await client.request({ type: 'trace', flow: { from: 'nobody', to: 'webpod1', proto: 'icmp' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).name).toBe('FlowError');
    expect((err as RemoteError).known).toEqual(expect.arrayContaining([expect.stringContaining('netpod'), expect.stringContaining('webpod1')]));
  });

  it('answers a typed exec request per step: the pod learns its gateway at the ARP reply', async () => {
    const client = new EngineClient(() => new ClonedWorker());
    await client.request({ type: 'loadScenario', text: scenarioText('kans-lab'), name: 'kans-lab' });
    const flow = { from: 'netpod', to: 'netpod2', proto: 'icmp' } as const;
    const trace = await client.request({ type: 'trace', flow });
    const reply = await client.request({ type: 'exec', target: 'netpod', argv: ['ip', '-c', 'neigh'], flow });
    if (!reply.ok) throw new Error(reply.error);
    const arp = trace.events.findIndex((e) => e.kind === 'arp-proxy');
    expect(reply.texts).toEqual([
      { step: -1, text: '' },
      { step: arp, text: '172.16.0.189 dev eth0 lladdr 3e:6a:d8:a6:93:05 REACHABLE\n' },
    ]);
    const bad = await client.request({ type: 'exec', target: 'k8s-s', argv: ['rm', '-rf', '/'], flow: undefined });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('unknown command "rm -rf /"; known: ip') });
  });
});
