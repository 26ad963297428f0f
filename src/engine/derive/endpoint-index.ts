/**
 * Endpoints by IP or by `namespace/name`, filled one node at a time on first
 * use: a trace touches two or three nodes, so a 1,000-node cluster need not
 * build 100,000 endpoints (MACs, lxc names, ifindexes) before its first trace.
 * Iterating forces every node (tests, small clusters).
 */
import type { EndpointInfo, NodeDatapath } from './types.ts';

export class EndpointIndex implements ReadonlyMap<string, EndpointInfo> {
  private readonly filled = new Map<string, EndpointInfo>();
  private readonly done = new Set<string>();
  private readonly byName: Map<string, NodeDatapath>;

  /** `nodeOf(key)` names the node that would hold the endpoint with this key, if any. */
  constructor(
    private readonly nodes: readonly NodeDatapath[],
    private readonly nodeOf: (key: string) => string | undefined,
    private readonly keyOf: (e: EndpointInfo) => string,
  ) {
    this.byName = new Map(nodes.map((n) => [n.name, n]));
  }

  private fill(node: NodeDatapath): void {
    if (this.done.has(node.name)) return;
    this.done.add(node.name);
    for (const e of node.endpoints) this.filled.set(this.keyOf(e), e);
  }

  private fillAll(): Map<string, EndpointInfo> {
    for (const n of this.nodes) this.fill(n);
    return this.filled;
  }

  get(key: string): EndpointInfo | undefined {
    const name = this.nodeOf(key);
    const node = name === undefined ? undefined : this.byName.get(name);
    if (node) this.fill(node);
    return this.filled.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.fillAll().size;
  }

  forEach(fn: (value: EndpointInfo, key: string, map: ReadonlyMap<string, EndpointInfo>) => void): void {
    this.fillAll().forEach((v, k) => fn(v, k, this));
  }

  entries() {
    return this.fillAll().entries();
  }

  keys() {
    return this.fillAll().keys();
  }

  values() {
    return this.fillAll().values();
  }

  [Symbol.iterator]() {
    return this.entries();
  }
}
