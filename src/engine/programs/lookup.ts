/** Map lookups several programs share, each returning the MapOp it performed. */
import type { Ipv4 } from '../../scenario/values.ts';
import type { Datapath, EndpointInfo, IpcacheEntry, NodeDatapath } from '../derive/types.ts';
import { ipcacheKey, ipcacheValue, lxcHostValue, lxcKey, lxcValue } from '../maps/format.ts';
import type { MapOp } from '../trace.ts';
import { missing } from '../util/internal.ts';
import type { Message } from '../messages.ts';

const lxcText = new WeakMap<EndpointInfo, string>();

/** cilium_lxc: local endpoints and the node's own addresses (ENDPOINT_F_HOST). */
export type LxcHit = { kind: 'endpoint'; ep: EndpointInfo } | { kind: 'host' };

export function lookupLxc(node: NodeDatapath, ip: Ipv4): { found?: LxcHit; op: MapOp } {
  const ep = node.endpoints.find((e) => e.ip === ip);
  if (ep) {
    let value = lxcText.get(ep);
    if (value === undefined) lxcText.set(ep, (value = lxcValue(ep)));
    const op: MapOp = { node: node.name, map: 'cilium_lxc', op: 'lookup', key: lxcKey(ip), value, hit: true };
    return { found: { kind: 'endpoint', ep }, op };
  }
  if (ip === node.ip || ip === node.ciliumHostIp) {
    const value = lxcHostValue();
    const op: MapOp = { node: node.name, map: 'cilium_lxc', op: 'lookup', key: lxcKey(ip), value, hit: true };
    return { found: { kind: 'host' }, op };
  }
  return { op: { node: node.name, map: 'cilium_lxc', op: 'lookup', key: lxcKey(ip), hit: false } };
}

/** The row text of an ipcache entry as one node sees it, formatted once (a trace looks up ~4 per packet). */
const rowText = new WeakMap<IpcacheEntry, Map<string, { key: string; value: string }>>();

/** cilium_ipcache longest-prefix match from `viewer`'s point of view. */
export function lookupIpcache(dp: Datapath, viewer: string, ip: Ipv4, note: string, noteWords: Message) {
  // The world entry (0.0.0.0/0) is always there, so the match cannot miss.
  const r = dp.ipcacheLookup(viewer, ip);
  if (!r) throw missing(`ipcache entry for ${ip} on ${viewer}`);
  let perViewer = rowText.get(r.entry);
  if (!perViewer) rowText.set(r.entry, (perViewer = new Map()));
  let text = perViewer.get(viewer);
  if (!text) {
    text = { key: ipcacheKey(r.entry.prefix), value: ipcacheValue(r.value.identity, r.value.tunnelEndpoint) };
    perViewer.set(viewer, text);
  }
  const op: MapOp = {
    node: viewer, map: 'cilium_ipcache', op: 'lookup', key: text.key, value: text.value, hit: true, note, noteWords,
  };
  return { ...r, op };
}
