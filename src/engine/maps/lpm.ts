/**
 * Longest-prefix-match table, the semantics of BPF_MAP_TYPE_LPM_TRIE that
 * cilium_ipcache uses. One hash table per prefix length, probed from the
 * longest length present down: O(number of distinct lengths) per lookup,
 * which in an ipcache is two or three (/32 endpoints, the odd CIDR, /0 world).
 */
import { maskOf } from '../../scenario/values.ts';

export class LpmTable<V> {
  private readonly byLength = new Map<number, Map<number, V>>();
  /** Distinct prefix lengths, longest first. */
  private lengths: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Inserts or replaces the value for `network/bits` (`network` as an unsigned 32-bit number). */
  set(network: number, bits: number, value: V): void {
    let table = this.byLength.get(bits);
    if (!table) {
      table = new Map();
      this.byLength.set(bits, table);
      this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
    }
    const key = (network & maskOf(bits)) >>> 0;
    if (!table.has(key)) this.count++;
    table.set(key, value);
  }

  /** Value of the longest prefix containing `addr`, or undefined. */
  lookup(addr: number): V | undefined {
    for (const bits of this.lengths) {
      // `lengths` holds exactly the keys of `byLength`.
      const hit = this.byLength.get(bits)?.get((addr & maskOf(bits)) >>> 0);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  /** Every entry, longest prefixes first. */
  *entries(): IterableIterator<{ network: number; bits: number; value: V }> {
    for (const bits of this.lengths) {
      for (const [network, value] of this.byLength.get(bits) ?? []) yield { network, bits, value };
    }
  }
}
