/**
 * What `ip` (iproute2) prints, shared by the addr, route, neigh and rule views.
 * Two builds of iproute2 appear in the write-up: the node's (Ubuntu 22.04,
 * 5.15) and the netshoot pod's (6.x), which adds `proto kernel_lo` and
 * `proto kernel_ll` to the addresses the kernel made itself.
 */
import type { Cidr } from '../../../scenario/values.ts';

export type Iproute2 = 'node' | 'pod';


/** A destination as `ip route` prints it: a /32 without its length. */
export const routeDst = (c: Cidr): string => (c.bits === 32 ? c.base : `${c.base}/${c.bits}`);

/** `ip -c` only colours the output; `-4`, `-d` and friends do not change what this lab prints. */
export function stripIpOptions(args: readonly string[]): string[] {
  return args.filter((a) => !/^-(c|color|colour|4|s|stats)(=.*)?$/.test(a));
}
