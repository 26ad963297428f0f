/** One table per node: the maps traffic writes are per node, like the agent's. */
export class PerNode<K, V> {
  private readonly byNode = new Map<string, Map<K, V>>();

  table(node: string): Map<K, V> {
    let t = this.byNode.get(node);
    if (!t) this.byNode.set(node, (t = new Map()));
    return t;
  }
}
