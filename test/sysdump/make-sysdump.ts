/**
 * A sysdump-shaped zip built from a built-in scenario, laid out as
 * cilium-cli 1.16 writes one (docs/sysdump-notes.md): one top directory,
 * each kind in its own `<prefix><ts>.yaml` as a typed list whose items lack
 * kind/apiVersion (built-in kinds; CRD items keep theirs), cilium-config as
 * one ConfigMap, and per agent pod a `cilium-bugtool-<pod>-<ts>/cmd/` with the
 * engine's own tables (a test changes them to make differences).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { parseAllDocuments, stringify } from 'yaml';
import { bpfIpcacheList, derive, type Datapath } from '../../src/engine/index.ts';
import { bpfEndpointList } from '../../src/engine/formats/cilium/bpf-endpoint-list.ts';
import { bpfLbList } from '../../src/engine/formats/cilium/bpf-lb-list.ts';
import { loadScenario } from '../../src/scenario/load.ts';

export const TS = '20261130-101500';
const TOP = `cilium-sysdump-${TS}`;

const LISTS: Record<string, { file: string; list: string; apiVersion: string; typed: boolean }> = {
  Node: { file: 'k8s-nodes', list: 'NodeList', apiVersion: 'v1', typed: true },
  Pod: { file: 'k8s-pods', list: 'PodList', apiVersion: 'v1', typed: true },
  Service: { file: 'k8s-services', list: 'ServiceList', apiVersion: 'v1', typed: true },
  EndpointSlice: { file: 'k8s-endpointslices', list: 'EndpointSliceList', apiVersion: 'discovery.k8s.io/v1', typed: true },
  NetworkPolicy: { file: 'k8s-networkpolicies', list: 'NetworkPolicyList', apiVersion: 'networking.k8s.io/v1', typed: true },
  CiliumNode: { file: 'ciliumnodes', list: 'CiliumNodeList', apiVersion: 'cilium.io/v2', typed: false },
  CiliumEndpoint: { file: 'ciliumendpoints', list: 'CiliumEndpointList', apiVersion: 'cilium.io/v2', typed: false },
  CiliumNetworkPolicy: { file: 'ciliumnetworkpolicies', list: 'CiliumNetworkPolicyList', apiVersion: 'cilium.io/v2', typed: false },
};

export function scenarioText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../public/scenarios/${name}.yaml`, import.meta.url)), 'utf8');
}

export function scenarioDatapath(name: string): Datapath {
  const r = loadScenario(scenarioText(name), name);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return derive(r.model);
}

export interface SysdumpOptions {
  /** Leave these object files out (by kind, as in LISTS, or 'ConfigMap'). */
  without?: string[];
  /** Change an agent's table text before it is zipped. */
  bugtool?: (node: string, table: 'ipcache' | 'lb' | 'endpoint', text: string) => string;
  /** Extra entries, path inside the top directory -> text. */
  extra?: Record<string, string>;
}

/** The zip's entries (path -> text); `sysdumpZip` zips them. */
export function sysdumpEntries(name: string, opts: SysdumpOptions = {}): Record<string, string> {
  const objects = parseAllDocuments(scenarioText(name)).map((d) => d.toJS() as Record<string, unknown>).filter(Boolean);
  const byKind = new Map<string, Record<string, unknown>[]>();
  const entries: Record<string, string> = {};
  for (const o of objects) {
    const kind = String(o.kind);
    if (kind === 'ConfigMap') {
      const meta = o.metadata as { name?: string };
      if (meta.name === 'cilium-config' && !opts.without?.includes('ConfigMap')) entries[`cilium-configmap-${TS}.yaml`] = stringify(o);
      continue;
    }
    if (!LISTS[kind] || opts.without?.includes(kind)) continue;
    const { kind: _k, apiVersion: _a, ...rest } = o;
    byKind.set(kind, [...(byKind.get(kind) ?? []), LISTS[kind].typed ? rest : o]);
  }
  for (const [kind, items] of byKind) {
    const l = LISTS[kind]!;
    entries[`${l.file}-${TS}.yaml`] = stringify({ apiVersion: l.apiVersion, items, kind: l.list, metadata: { resourceVersion: '4242' } });
  }
  const dp = scenarioDatapath(name);
  const change = opts.bugtool ?? ((_n: string, _t: string, text: string) => text);
  for (const pod of dp.model.pods.filter((p) => p.namespace === 'kube-system' && /^cilium-[a-z0-9]{5}$/.test(p.name))) {
    const dir = `cilium-bugtool-${pod.name}-${TS}/cmd`;
    entries[`${dir}/cilium-dbg-bpf-ipcache-list.md`] = change(pod.nodeName, 'ipcache', bpfIpcacheList(dp, pod.nodeName));
    entries[`${dir}/cilium-dbg-bpf-lb-list.md`] = change(pod.nodeName, 'lb', bpfLbList(dp, pod.nodeName));
    entries[`${dir}/cilium-dbg-bpf-endpoint-list.md`] = change(pod.nodeName, 'endpoint', bpfEndpointList(dp, pod.nodeName));
  }
  entries[`logs-cilium-agent-${TS}.log`] = 'level=info msg="not read"\n';
  Object.assign(entries, opts.extra ?? {});
  return entries;
}

export function sysdumpZip(name: string, opts: SysdumpOptions = {}): Uint8Array {
  const entries = sysdumpEntries(name, opts);
  return zipSync(Object.fromEntries(Object.entries(entries).map(([p, t]) => [`${TOP}/${p}`, strToU8(t)])));
}
