// derive() tells a load's progress bar how far it got: often, in order, ending at its total, without changing what it derives.
import { describe, expect, it } from 'vitest';
import { generateCluster } from '../../bench/generate.ts';
import { derive, type DeriveProgress } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { summarize } from '../../src/worker/summary.ts';

describe('derive progress', () => {
  const { yaml } = generateCluster({ nodes: 60, pods: 6000, services: 60, seed: 7 });
  const loaded = loadScenario(yaml, 'gen');
  if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
  const model = loaded.model;

  it('reports every few thousand pods, in order, from 0 to its total', () => {
    const seen: DeriveProgress[] = [];
    derive(model, {}, (p) => seen.push(p));
    const total = seen[0]?.total ?? 0;
    expect(total).toBeGreaterThanOrEqual(7 * 6000);
    expect(seen[0]?.done).toBe(0);
    expect(seen.at(-1)).toEqual({ done: total, total });
    // 7 passes over 6,000 pods, a report every 2,048 units: about a dozen reports, each further than the last.
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.done ?? 0).toBeGreaterThan(seen[i - 1]?.done ?? 0);
  });

  it('derives the same datapath with or without a listener', () => {
    const a = summarize(derive(model, {}, () => undefined), {}, model.config);
    const b = summarize(derive(model), {}, model.config);
    expect(a).toEqual(b);
  });
});
