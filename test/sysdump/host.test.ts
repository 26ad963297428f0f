/** The worker's two requests for a real cluster: `agents` (a sysdump's tables) and `replay` (one Hubble flow). */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { hubbleObserve, readHubbleFlows, traceFlow } from '../../src/engine/index.ts';
import { readSysdump } from '../../src/scenario/sysdump/index.ts';
import { EngineHost } from '../../src/worker/host.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import type { LoadProgress } from '../../src/scenario/progress.ts';
import { scenarioDatapath, sysdumpEntries, sysdumpZip, TS } from './make-sysdump.ts';

describe('EngineHost with a real cluster', () => {
  it('answers agents and replay against the loaded scenario, and refuses both before one is loaded', () => {
    const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE));
    const read = readSysdump(sysdumpZip('three-zones', {
      bugtool: (_n, table, text) => (table === 'lb' ? text.split('\n').slice(0, 2).join('\n') : text),
    }), 'x.zip');
    if (!read.ok) throw new Error(read.error);
    const captures = read.report.agents.map((a) => ({ pod: a.pod, tables: a.tables }));
    expect(() => host.handle({ id: 1, type: 'agents', captures })).toThrow('no scenario is loaded');
    expect(host.handle({ id: 2, type: 'loadScenario', text: read.text, name: 'x' })).toMatchObject({ ok: true });
    const agents = host.handle({ id: 3, type: 'agents', captures });
    expect(agents.length).toBeGreaterThan(1);
    for (const a of agents) {
      const lb = a.node ? a.comparison.tables.find((t) => t.table === 'lb') : undefined;
      expect(lb?.differences.length).toBeGreaterThan(0);
      expect(lb?.differences.every((d) => d.id === 'reality.only_model')).toBe(true);
    }
    const dp = scenarioDatapath('three-zones');
    const text = hubbleObserve(dp, traceFlow(dp, { from: 'toolbox', to: '1.1.1.1', proto: 'icmp' }), { output: 'json' });
    const flow = readHubbleFlows(text).flows[0];
    if (!flow) throw new Error('no flow');
    const r = host.handle({ id: 4, type: 'replay', flow });
    expect(r.request).toMatchObject({ proto: 'icmp', to: '1.1.1.1' });
    expect(r.aspects.every((a) => a.agree)).toBe(true);
  });
});

/** A chosen zip goes to the worker as any file does (issue #9: files are read in the worker): unzipped there. */
describe('EngineHost given a sysdump zip as a file', () => {
  const withProgress = () => {
    const seen: LoadProgress[] = [];
    const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE), (_stage, load) => load && seen.push(load), {
      now: () => 0, everyMs: 0,
    });
    return { host, seen };
  };
  const file = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes)], name, { type: 'application/zip' });

  it('loads its objects with progress, and returns the report and the agents\' differences with the load', async () => {
    const { host, seen } = withProgress();
    const zip = sysdumpZip('three-zones', {
      bugtool: (_n, table, text) => (table === 'lb' ? text.split('\n').slice(0, 2).join('\n') : text),
    });
    const reply = await host.handleAsync({ id: 1, type: 'loadScenario', file: file(zip, `cilium-sysdump-${TS}.zip`), name: 'dump' });
    if (!reply.ok) throw new Error(reply.errors[0]?.message);
    expect(reply.summary.name).toBe('dump');
    expect(reply.sysdump?.report.zip).toBe(`cilium-sysdump-${TS}.zip`);
    expect(reply.sysdump?.report.found.map((f) => f.holds)).toEqual(expect.arrayContaining(['Node', 'Pod', 'Service']));
    const lb = reply.sysdump?.agents.flatMap((a) => (a.node ? a.comparison.tables.filter((t) => t.table === 'lb') : []));
    expect(lb?.length).toBeGreaterThan(1);
    expect(lb?.every((t) => t.differences.length > 0)).toBe(true);
    // The same bar as any file: bytes read, then parse, validate and derive.
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['read', 'parse', 'validate', 'derive']));
    expect(seen.find((p) => p.phase === 'read')?.totalBytes).toBe(zip.length);
  });

  it('a truncated zip or a broken object is a located error, and the loaded scenario stays', async () => {
    const { host } = withProgress();
    const ok = await host.handleAsync({ id: 1, type: 'loadScenario', file: file(sysdumpZip('kans-lab'), 'a.zip'), name: 'a' });
    expect(ok.ok).toBe(true);
    const zip = sysdumpZip('kans-lab');
    const cut = await host.handleAsync({ id: 2, type: 'loadScenario', file: file(zip.subarray(0, 3000), 'cut.zip'), name: 'cut' });
    expect(cut.ok ? [] : cut.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^cut\.zip: not a readable zip \(.+\); is the file complete\?$/)]);
    const entries = sysdumpEntries('kans-lab');
    const services = `k8s-services-${TS}.yaml`;
    entries[services] = (entries[services] ?? '').replace(/clusterIP: [\d.]+/, 'clusterIP: 10.96.0.999');
    const broken = zipSync(Object.fromEntries(Object.entries(entries).map(([p, t]) => [`top/${p}`, strToU8(t)])));
    const bad = await host.handleAsync({ id: 3, type: 'loadScenario', file: file(broken, 'b.zip'), name: 'b' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toContain(`${services}, line `);
    // The first zip's scenario is still the one loaded.
    expect(host.handle({ id: 4, type: 'trace', flow: { from: 'netpod', to: 'webpod1', proto: 'icmp' } }).events.length).toBeGreaterThan(0);
  });
});
