/** The kernel FIB as bpf_fib_lookup sees it: longest prefix wins, the default route last. */
import { cidrContains, cidrToString, type Ipv4 } from '../../scenario/values.ts';
import type { Route } from './types.ts';

export function lookupRoute(routes: Route[], dst: Ipv4): Route | undefined {
  let best: Route | undefined;
  let bestBits = -1;
  for (const r of routes) {
    const bits = r.dst ? r.dst.bits : 0;
    if (bits > bestBits && (!r.dst || cidrContains(r.dst, dst))) {
      best = r;
      bestBits = bits;
    }
  }
  return best;
}

/** As `ip route` prints it. */
export function routeText(r: Route): string {
  const parts: string[] = [routeKey(r)];
  if (r.via) parts.push(`via ${r.via}`);
  parts.push(`dev ${r.dev}`);
  if (r.proto) parts.push(`proto ${r.proto}`);
  if (r.scope) parts.push(`scope ${r.scope}`);
  if (r.src) parts.push(`src ${r.src}`);
  if (r.mtu) parts.push(`mtu ${r.mtu}`);
  return parts.join(' ');
}

/** The route's destination as `ip route` starts its line: the row key of the FIB table. */
export const routeKey = (r: Route) => (r.dst ? (r.dst.bits === 32 ? r.dst.base : cidrToString(r.dst)) : 'default');
