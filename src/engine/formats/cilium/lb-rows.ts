/**
 * The agent-written load-balancing maps of one node, as rows: what
 * `cilium map get cilium_lb4_services_v2|backends_v3|reverse_nat` print, and
 * what `bpf lb list` reads. Built from the derived frontends and backends
 * with the engine's row formatters (src/engine/maps/format.ts), so the CLI and
 * the map panel show one text per row.
 *
 * Row order (the real maps are hashes, printed in Go map order): frontends by
 * service ID, then slot 0 (the master) before slots 1..n; backends by ID.
 */
import type { Datapath, Frontend } from '../../derive/types.ts';
import { backendKey, backendValue, revNatKey, revNatValue, serviceKey, serviceValue } from '../../maps/format.ts';

/** The node's frontends in service-ID order. */
export function frontendsById(dp: Datapath, node: string): Frontend[] {
  return [...dp.nodeFrontends(node)].sort((a, b) => a.id - b.id);
}

/** Backends that count for selection: lb4_service.count on the master slot. */
export function activeCount(dp: Datapath, f: Frontend): number {
  return f.backendIds.filter((id) => dp.backends.get(id)?.state === 'active').length;
}

export function servicesV2Rows(dp: Datapath, node: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const f of frontendsById(dp, node)) {
    rows.set(serviceKey(f.address, f.port, 0), serviceValue(0, activeCount(dp, f), f.id, f.flagBits));
    f.backendIds.forEach((id, i) => rows.set(serviceKey(f.address, f.port, i + 1), serviceValue(id, 0, f.id, 0)));
  }
  return rows;
}

export function backendsV3Rows(dp: Datapath, node: string): Map<string, string> {
  const ids = new Set(frontendsById(dp, node).flatMap((f) => f.backendIds));
  const rows = new Map<string, string>();
  for (const id of [...ids].sort((a, b) => a - b)) {
    const b = dp.backends.get(id);
    if (b) rows.set(backendKey(id), backendValue(b.address));
  }
  return rows;
}

export function revNatRows(dp: Datapath, node: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const f of frontendsById(dp, node)) rows.set(revNatKey(f.id), revNatValue(f.address, f.port));
  return rows;
}
