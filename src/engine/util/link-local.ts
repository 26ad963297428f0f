/**
 * The kernel's IPv6 link-local address from a MAC (EUI-64: flip the U/L bit, insert ff:fe), as `ip addr`
 * and whoami print it. RFC 5952: no leading zeros in a group (the `::` only spans the zero groups before them).
 */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0] = b;
  const groups = [((b0 ^ 0x02) << 8) | b1, (b2 << 8) | 0xff, (0xfe << 8) | b3, (b4 << 8) | b5];
  return `fe80::${groups.map((g) => g.toString(16)).join(':')}`;
}
