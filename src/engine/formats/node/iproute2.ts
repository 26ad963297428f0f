/**
 * What `ip` (iproute2) prints, shared by the addr, route, neigh and rule views.
 * Two builds of iproute2 appear in the write-up: the node's (Ubuntu 22.04,
 * 5.15) and the netshoot pod's (6.x), which adds `proto kernel_lo` and
 * `proto kernel_ll` to the addresses the kernel made itself.
 */
import type { Cidr } from '../../../scenario/values.ts';

export type Iproute2 = 'node' | 'pod';

/** The kernel's IPv6 link-local address from a MAC (EUI-64: flip the U/L bit, insert ff:fe). */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0] = b;
  const groups = [((b0 ^ 0x02) << 8) | b1, (b2 << 8) | 0xff, (0xfe << 8) | b3, (b4 << 8) | b5];
  // RFC 5952: no leading zeros in a group (the `::` only spans the zero groups before them).
  return `fe80::${groups.map((g) => g.toString(16)).join(':')}`;
}

/** A destination as `ip route` prints it: a /32 without its length. */
export const routeDst = (c: Cidr): string => (c.bits === 32 ? c.base : `${c.base}/${c.bits}`);

/** `ip -c` only colours the output; `-4`, `-d` and friends do not change what this lab prints. */
export function stripIpOptions(args: readonly string[]): string[] {
  return args.filter((a) => !/^-(c|color|colour|4|s|stats)(=.*)?$/.test(a));
}
