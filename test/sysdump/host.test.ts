/** The worker's two requests for a real cluster: `agents` (a sysdump's tables) and `replay` (one Hubble flow). */
import { describe, expect, it } from 'vitest';
import { hubbleObserve, readHubbleFlows, traceFlow } from '../../src/engine/index.ts';
import { readSysdump } from '../../src/scenario/sysdump/index.ts';
import { EngineHost } from '../../src/worker/host.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import { scenarioDatapath, sysdumpZip } from './make-sysdump.ts';

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
