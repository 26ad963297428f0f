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
import type { Datapath, Frontend, Frontend6 } from '../../derive/types.ts';
import { countOf } from '../../derive/lookups.ts';
import {
  backendKey, backendValue, backendValue6, revNatKey, revNatValue, serviceKey, serviceKey6, serviceValue,
} from '../../maps/format.ts';

/** The node's frontends in service-ID order. */
export function frontendsById(dp: Datapath, node: string): Frontend[] {
  return [...dp.nodeFrontends(node)].sort((a, b) => a.id - b.id);
}

/** Backends that count for selection: lb4_service.count on the master slot. */
export const activeCount = countOf;

/** The node's IPv6 frontends in service-ID order (empty unless enable-ipv6). */
export function frontends6ById(dp: Datapath, node: string): Frontend6[] {
  return [...dp.nodeFrontends6(node)].sort((a, b) => a.id - b.id);
}

const activeCount6 = (dp: Datapath, f: Frontend6) => f.backendIds.filter((id) => dp.backends6.get(id)?.state === 'active').length;

/** cilium_lb6_services_v2: the same slots as lb4, keys in Service6Key form. */
export function services6Rows(dp: Datapath, node: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const f of frontends6ById(dp, node)) {
    rows.set(serviceKey6(f.address, f.port, 0, f.internal), serviceValue(0, activeCount6(dp, f), f.id, f.flagBits));
    f.backendIds.forEach((id, i) => rows.set(serviceKey6(f.address, f.port, i + 1, f.internal), serviceValue(id, 0, f.id, 0)));
  }
  return rows;
}

export function backends6Rows(dp: Datapath, node: string): Map<string, string> {
  const ids = new Set(frontends6ById(dp, node).flatMap((f) => f.backendIds));
  const rows = new Map<string, string>();
  for (const id of [...ids].sort((a, b) => a - b)) {
    const b = dp.backends6.get(id);
    if (b) rows.set(backendKey(id), backendValue6(b.address));
  }
  return rows;
}

export function revNat6Rows(dp: Datapath, node: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const f of frontends6ById(dp, node)) rows.set(revNatKey(f.id), `[${f.address}]:${f.port}`);
  return rows;
}

export function servicesV2Rows(dp: Datapath, node: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const f of frontendsById(dp, node)) {
    rows.set(serviceKey(f.address, f.port, 0, f.internal), serviceValue(0, activeCount(dp, f), f.id, f.flagBits));
    f.backendIds.forEach((id, i) => rows.set(serviceKey(f.address, f.port, i + 1, f.internal), serviceValue(id, 0, f.id, 0)));
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
