/** Label selection over many pods, shared by the loader's checks and the engine's backends. */
import type { PodModel } from './model.ts';

/** Something counting work done (the engine's derive progress); told every 1,024 pods. */
export interface WorkCounter {
  add(units: number): void;
}

type ByValue = Map<string, PodModel[]>;

/**
 * Running pods with an IP, indexed by namespace, label key and value, so a
 * selector is matched against its rarest label instead of every pod
 * (2,000 services × 100,000 pods would otherwise be 2·10⁸ comparisons).
 * Nested maps, not one map of joined `ns\0k=v` strings: building those strings
 * for every label of 100,000 pods was a third of a second, twice per load.
 */
export class SelectorIndex {
  private readonly index = new Map<string, Map<string, ByValue>>();
  constructor(pods: PodModel[], counter?: WorkCounter) {
    let n = 0;
    for (const p of pods) {
      if (counter && (++n & 1023) === 0) counter.add(1024);
      if (p.phase !== 'Running' || !p.podIP) continue;
      let byKey = this.index.get(p.namespace);
      if (!byKey) this.index.set(p.namespace, (byKey = new Map()));
      const labels = p.labels;
      for (const k of Object.keys(labels)) {
        const v = labels[k] as string;
        let byValue = byKey.get(k);
        if (!byValue) byKey.set(k, (byValue = new Map()));
        const list = byValue.get(v);
        if (list) list.push(p);
        else byValue.set(v, [p]);
      }
    }
    counter?.add(n & 1023);
  }
  select(namespace: string, selector: Record<string, string>): PodModel[] {
    const pairs = Object.entries(selector);
    const byKey = this.index.get(namespace);
    let best: PodModel[] | undefined;
    for (const [k, v] of pairs) {
      const list = byKey?.get(k)?.get(v) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return (best ?? []).filter((p) => pairs.every(([k, v]) => p.labels[k] === v));
  }
}
