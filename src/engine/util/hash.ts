/**
 * Stable string hashing for values the agent picks at random in a real
 * cluster (MACs, lxc names, endpoint IDs): derived from object names here, so
 * a scenario always yields the same ones.
 */

/** cyrb53: a fast 53-bit string hash; good spread, no crypto needed. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * hash53 as 14 hex digits: its high 21 bits (6 digits) then its low 32 (8),
 * each an integer's toString(16); a 53-bit double's toString(16) is slow, and
 * every pod's MACs and lxc name ask for these.
 */
function hex14(text: string, seed: number): string {
  const h = hash53(text, seed);
  const high = Math.floor(h / 4294967296);
  const low = h - high * 4294967296;
  return high.toString(16).padStart(6, '0') + low.toString(16).padStart(8, '0');
}

/** `n` lower-case hex digits derived from `text` (n ≤ 26). */
export function hexOf(text: string, n: number): string {
  let out = '';
  for (let round = 0; out.length < n; round++) out += hex14(text, round);
  return out.slice(0, n);
}

/**
 * A locally administered unicast MAC (bit 1 of the first octet set, bit 0
 * clear), as the kernel makes for veth devices without a given address.
 */
export function macOf(text: string): string {
  const hex = hexOf(text, 12);
  const first = ((parseInt(hex.slice(0, 2), 16) & 0xfe) | 0x02).toString(16).padStart(2, '0');
  return `${first}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:${hex.slice(6, 8)}:${hex.slice(8, 10)}:${hex.slice(10, 12)}`;
}
