/** Label selection over many pods, shared by the loader's checks and the engine's backends. */
import type { PodModel } from './model.ts';

/**
 * Running pods with an IP, indexed by namespace and `key=value` label, so a
 * selector is matched against its rarest label instead of every pod
 * (2,000 services × 100,000 pods would otherwise be 2·10⁸ comparisons).
 */
export class SelectorIndex {
  private readonly index = new Map<string, PodModel[]>();
  constructor(pods: PodModel[]) {
    for (const p of pods) {
      if (p.phase !== 'Running' || !p.podIP) continue;
      for (const [k, v] of Object.entries(p.labels)) {
        const key = `${p.namespace}\u0000${k}=${v}`;
        const list = this.index.get(key);
        if (list) list.push(p);
        else this.index.set(key, [p]);
      }
    }
  }
  select(namespace: string, selector: Record<string, string>): PodModel[] {
    const pairs = Object.entries(selector);
    let best: PodModel[] | undefined;
    for (const [k, v] of pairs) {
      const list = this.index.get(`${namespace}\u0000${k}=${v}`) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return (best ?? []).filter((p) => pairs.every(([k, v]) => p.labels[k] === v));
  }
}

