/**
 * Joins the optional objects onto the ones they describe: CiliumNode onto
 * its Node, CiliumEndpoint onto its Pod, EndpointSlices onto their Service.
 * An optional object with nothing to describe is a warning, not an error.
 */
import type { Fields } from './fields.ts';
import type { CiliumNodeFacts, NodeDraft } from './kinds/node.ts';
import { resolveDevice } from './node-device.ts';
import type { CiliumEndpointFacts } from './kinds/pod.ts';
import type { SliceFacts } from './kinds/service.ts';
import type { CiliumConfig, NodeModel, ScenarioIssue } from './model.ts';
import type { Assembled } from './validate.ts';
import { say } from './issue-text.ts';

/** What the per-kind readers found, before joining. */
export interface Collected {
  nodes: { draft: NodeDraft; f: Fields }[];
  ciliumNodes: CiliumNodeFacts[];
  endpoints: CiliumEndpointFacts[];
  slices: SliceFacts[];
  config?: CiliumConfig;
  /** cilium-config's flowlab.cilium.io/capture-start annotation, µs since the epoch. */
  captureStartUs?: number;
  nonMasqueradeCIDRs?: NodeModel['podCIDRs'];
}

/** CiliumNode facts onto their Node; a Node still without pod CIDRs is an error. */
export function joinNodes(got: Collected, out: Assembled, issues: ScenarioIssue[]): void {
  const byName = new Map(got.nodes.map((n) => [n.draft.name, n]));
  const cnByName = new Map<string, CiliumNodeFacts>();
  for (const cn of got.ciliumNodes) {
    const node = byName.get(cn.name);
    if (!node) {
      cn.f.warn(undefined, say('scenario.cn.no_node', { node: cn.name }));
      continue;
    }
    cnByName.set(cn.name, cn);
    const d = node.draft;
    if (cn.ciliumInternalIP) d.ciliumInternalIP = cn.ciliumInternalIP;
    if (cn.healthIP) d.healthIP = cn.healthIP;
    if (d.podCIDRs.length === 0) d.podCIDRs = cn.podCIDRs;
    if (cn.internalIP && d.internalIP && cn.internalIP !== d.internalIP) {
      cn.f.warn(['spec', 'addresses'], say('scenario.cn.internal_ip', { ip: cn.internalIP, node: d.internalIP }));
    }
  }
  for (const { draft, f } of got.nodes) {
    // A CIDR that did not parse has its own error already; this one is for none at all.
    const badCidr = issues.some((i) => /^spec\.(ipam\.)?podCIDR/.test(i.field ?? '') && i.object?.endsWith(` ${draft.name}`));
    if (draft.podCIDRs.length === 0 && !badCidr) {
      f.error(['spec', 'podCIDRs'], say('scenario.node.no_pod_cidr'));
    }
    if (draft.internalIP === undefined) {
      out.brokenNodes.add(draft.name);
      continue;
    }
    const { facts, ...rest } = draft;
    const device = resolveDevice(facts, draft.internalIP, got.config?.raw['devices'], got.config?.mtu ?? 0, f);
    out.nodes.push({ model: { ...rest, internalIP: draft.internalIP, ...device }, f, ciliumNode: cnByName.get(draft.name) });
  }
}

export function joinEndpoints(got: Collected, out: Assembled): void {
  const pods = new Map(out.pods.map((p) => [`${p.model.namespace}/${p.model.name}`, p]));
  for (const cep of got.endpoints) {
    const pod = pods.get(cep.key);
    if (!pod) {
      cep.f.warn(undefined, say('scenario.cep.no_pod', { pod: cep.key }));
      continue;
    }
    if (pod.model.hostNetwork) {
      cep.f.warn(undefined, say('scenario.cep.host_network', { pod: cep.key }));
      continue;
    }
    if (cep.ip && pod.model.podIP && cep.ip !== pod.model.podIP) {
      cep.f.error(['status', 'networking', 'addressing', 0, 'ipv4'], say('scenario.cep.ip', { ip: cep.ip, pod: pod.model.podIP }));
    }
    pod.model.endpoint = cep.facts;
    pod.endpoint = cep;
  }
}

export function joinSlices(got: Collected, out: Assembled): void {
  const services = new Map(out.services.map((s) => [`${s.model.namespace}/${s.model.name}`, s]));
  for (const slice of got.slices) {
    const svc = services.get(slice.service);
    if (!svc) {
      slice.f.warn(['metadata', 'labels'], say('scenario.slice.no_service', { service: slice.service }));
      continue;
    }
    if (slice.f.str(['addressType']) === 'IPv6') {
      svc.model.sliceEndpoints6 = [...(svc.model.sliceEndpoints6 ?? []), ...slice.endpoints6];
      continue;
    }
    svc.model.sliceEndpoints = [...(svc.model.sliceEndpoints ?? []), ...slice.endpoints];
  }
}
