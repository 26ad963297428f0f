/**
 * derive(): from the cluster model (and cilium-config overrides) to what each
 * node's agent would program: endpoints, interfaces, routes, ipcache, LB maps.
 * Pure and deterministic; the heavy part of loading a scenario.
 */
import type { CiliumConfig, ClusterModel, NodeModel, PodModel } from '../../scenario/model.ts';
import { cidrHost, ipv4ToU32, parseCidr, type Cidr, type Identity, type Ipv4, type Mac } from '../../scenario/values.ts';
import { must } from '../util/internal.ts';
import type { Settings } from '../request.ts';
import { macOf } from '../util/hash.ts';
import { hostEndpointIdOf, nodeEndpoints, isManaged } from './endpoints.ts';
import { EndpointIndex } from './endpoint-index.ts';
import { allocateIdentities } from './identities.ts';
import { buildIpcache, ipcacheValueFor } from './ipcache.ts';
import { LpmTable } from '../maps/lpm.ts';
import { policyCidrIdentities } from '../policy/index.ts';
import { gatewayOf, nodeInterfaces, nodeRoutes } from './nodes.ts';
import { deriveServices, frontendsOf } from './services.ts';
import { DeriveTicker, type OnDeriveProgress } from './progress.ts';
import { agentStartError, hostRoutingOf, SettingsError, withSettings } from './settings.ts';

export { agentStartError, SettingsError } from './settings.ts';
import type { AttachModes, Datapath, EndpointInfo, Frontend, Frontend6, HostRouting, IpcacheEntry, NodeDatapath, Route } from './types.ts';

/** ip-masq-agent's default nonMasqueradeCIDRs (pkg/ipmasq), used when no config names any. */
export const DEFAULT_NON_MASQ_CIDRS = [
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '192.0.0.0/24', '192.0.2.0/24',
  '192.88.99.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4',
  // link-local is always added unless masqLinkLocal is set
  '169.254.0.0/16',
];

function usedIpsOf(pods: PodModel[]): Set<string> {
  return new Set(pods.flatMap((p) => (p.podIP ? [p.podIP as string] : [])));
}

/** First address of the CIDR not used by a pod nor in `taken` (cilium_host, then health). */
function firstFree(cidr: Cidr | undefined, used: Set<string>, from: number): Ipv4 {
  if (!cidr) return '0.0.0.0' as Ipv4;
  for (let n = from; n < 2 ** (32 - cidr.bits) - 1; n++) {
    const ip = cidrHost(cidr, n);
    if (!used.has(ip)) return ip;
  }
  return '0.0.0.0' as Ipv4;
}

/** `onProgress` hears how far it got every few thousand pods or frontends (a load's progress bar). */
export function derive(input: ClusterModel, settings?: Settings, onProgress?: OnDeriveProgress): Datapath {
  const model = withSettings(input, settings);
  const { config } = model;
  const refused = agentStartError(config);
  if (refused) throw new SettingsError(refused);
  // The work counted: identities (2 passes over the pods), pods by node, the selector index and the services,
  // the endpoint indexes and pods by name, the ipcache (one pass each).
  const tick = new DeriveTicker(7 * model.pods.length + 2 * model.services.length, onProgress);
  const managed = model.pods.filter(isManaged);
  const ids = allocateIdentities(model, managed, tick);
  const podsByNode = new Map<string, PodModel[]>();
  for (const p of managed) {
    tick.add();
    const list = podsByNode.get(p.nodeName) ?? [];
    list.push(p);
    podsByNode.set(p.nodeName, list);
  }
  // A node's derived cilium_host and health IPs come from its own pod CIDR, where only its own
  // pods can be (the loader checks that), so only those addresses need avoiding.
  const hostIpOf = new Map<string, Ipv4>();
  const healthIpOf = new Map<string, Ipv4>();
  for (const n of model.nodes) {
    const used = n.ciliumInternalIP && n.healthIP ? new Set<string>() : usedIpsOf(podsByNode.get(n.name) ?? []);
    const host = n.ciliumInternalIP ?? firstFree(n.podCIDRs[0], used, 1);
    used.add(host);
    const health = n.healthIP ?? firstFree(n.podCIDRs[0], used, 2);
    hostIpOf.set(n.name, host);
    healthIpOf.set(n.name, health);
  }
  // NodePort and HostPort frontends exist only with enable-node-port (on with kube-proxy replacement).
  const derived = deriveServices(model.services, model.pods, config, tick);
  const { frontends, backends, frontends6, backends6 } = derived;
  const apiserverIps = new Set(
    frontends
      .filter((f) => f.service === 'default/kubernetes')
      .flatMap((f) => f.backendIds.map((b): string => must(backends.get(b), () => `backend ${b}`).address)),
  );

  const nodes: NodeDatapath[] = model.nodes.map((n: NodeModel): NodeDatapath => {
    const hostIp = must(hostIpOf.get(n.name), () => `the cilium_host IP of ${n.name}`);
    const healthIp = must(healthIpOf.get(n.name), () => `the health IP of ${n.name}`);
    const others = () =>
      model.nodes.filter((o) => o !== n).map((o) => ({ node: o, hostIp: must(hostIpOf.get(o.name), () => `the cilium_host IP of ${o.name}`) }));
    // Endpoints, interfaces and routes are built on first use: a trace needs two or three nodes,
    // and every node routes to every other node's pod CIDR (n² routes for n nodes).
    let endpoints: EndpointInfo[] | undefined;
    let interfaces: NodeDatapath['interfaces'] | undefined;
    let routes: Route[] | undefined;
    return {
      name: n.name,
      ip: n.internalIP,
      ...(n.internalIP6 !== undefined ? { ip6: n.internalIP6 } : {}),
      device: n.device,
      ciliumHostIp: hostIp,
      healthIp,
      podCIDRs: n.podCIDRs,
      get endpoints() {
        const identityOf = (p: PodModel) => must(ids.byPod.get(p), () => `the identity of ${p.namespace}/${p.name}`);
        return (endpoints ??= nodeEndpoints(n, podsByNode.get(n.name) ?? [], healthIp, identityOf));
      },
      get interfaces() {
        return (interfaces ??= nodeInterfaces(n, hostIp, this.endpoints, config));
      },
      get routes() {
        return (routes ??= nodeRoutes(n, others(), hostIp, this.endpoints, config));
      },
      get hostEndpointId() {
        return hostEndpointIdOf(n.name, this.endpoints);
      },
      gatewayIp: gatewayOf(n),
      gatewayMac: macOf(`gateway/${gatewayOf(n)}`) as Mac,
    };
  });
  const nodeByName = new Map(nodes.map((n) => [n.name, n]));
  const podNodeByIp = new Map<string, string>();
  const podNodeByKey = new Map<string, string>();
  for (const p of managed) {
    tick.add();
    if (p.podIP !== undefined) podNodeByIp.set(p.podIP, p.nodeName);
    podNodeByKey.set(`${p.namespace}/${p.name}`, p.nodeName);
  }
  for (const n of nodes) {
    podNodeByIp.set(n.healthIp, n.name);
    podNodeByKey.set(`health/${n.name}`, n.name);
  }
  const endpointByIp = new EndpointIndex(nodes, (ip) => podNodeByIp.get(ip), (e) => e.ip);
  const endpointByKey = new EndpointIndex(nodes, (key) => podNodeByKey.get(key), (e) => e.key);
  const podByKey = new Map(model.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const podsByName = new Map<string, PodModel[]>();
  for (const p of model.pods) {
    tick.add();
    const list = podsByName.get(p.name) ?? [];
    list.push(p);
    podsByName.set(p.name, list);
  }
  const nodeByIp = new Map<string, NodeDatapath>();
  for (const n of nodes) for (const ip of [n.ip, n.ciliumHostIp, n.healthIp]) nodeByIp.set(ip, n);

  const host32 = (ip: Ipv4): Cidr => ({ base: ip, bits: 32 });
  const world = must(parseCidr('0.0.0.0/0'), () => 'the world prefix');
  const ipcache: IpcacheEntry[] = [{ prefix: world, owner: { kind: 'world' } }];
  for (const n of nodes) {
    ipcache.push({ prefix: host32(n.ip), owner: { kind: 'node', node: n.name, apiserver: apiserverIps.has(n.ip) } });
    ipcache.push({ prefix: host32(n.ciliumHostIp), owner: { kind: 'router', node: n.name } });
    ipcache.push({ prefix: host32(n.healthIp), owner: { kind: 'health', node: n.name } });
  }
  for (const p of managed) {
    tick.add();
    if (p.podIP === undefined) continue;
    const identity = must(ids.byPod.get(p), () => `the identity of ${p.namespace}/${p.name}`);
    ipcache.push({ prefix: host32(p.podIP), owner: { kind: 'pod', node: p.nodeName, identity } });
  }
  const lpm = buildIpcache(ipcache);
  const nodeIp = (name: string) => must(nodeByName.get(name), () => `node ${name}`).ip;

  const frontendCache = new Map<string, Frontend[]>();
  const nodeFrontends = (name: string) => {
    let list = frontendCache.get(name);
    if (!list) {
      list = frontendsOf(frontends, name, nodeIp(name), backends);
      frontendCache.set(name, list);
    }
    return list;
  };
  const frontendCache6 = new Map<string, Frontend6[]>();
  const nodeFrontends6 = (name: string) => {
    let list = frontendCache6.get(name);
    if (!list) {
      list = frontendsOf(frontends6, name, nodeByName.get(name)?.ip6, backends6);
      frontendCache6.set(name, list);
    }
    return list;
  };
  // lb4_lookup_service per node: the external-scope row of each address:port, and its `/i` twin.
  const lookupIndex = new Map<string, Map<string, { ext?: Frontend; int?: Frontend }>>();
  const indexOf = (node: string) => {
    let idx = lookupIndex.get(node);
    if (!idx) {
      idx = new Map();
      for (const f of nodeFrontends(node)) {
        const key = `${f.address}:${f.port}`;
        const entry = idx.get(key) ?? {};
        if (f.internal) entry.int = f;
        else entry.ext = f;
        idx.set(key, entry);
      }
      lookupIndex.set(node, idx);
    }
    return idx;
  };

  const ipMasqCidrs = config.enableIpMasqAgent
    ? (config.nonMasqueradeCIDRs ?? DEFAULT_NON_MASQ_CIDRS.map((c) => must(parseCidr(c), () => `the default CIDR ${c}`)))
    : [];
  // IPV4_SNAT_EXCLUSION_DST_CIDR: the native-routing CIDR, else the local pod CIDR (reference §4).
  const snatExclusionCidr = config.ipv4NativeRoutingCIDR;

  // The policies' CIDR prefixes enter the ipcache with their local identities; computed on first use
  // (compiling policy needs the datapath itself), and only consulted where the match is world.
  let cidrTable: LpmTable<IpcacheEntry> | undefined;
  let allIpcache: IpcacheEntry[] | undefined;
  const cidrEntries = (): LpmTable<IpcacheEntry> => {
    if (!cidrTable) {
      cidrTable = buildIpcache(policyCidrIdentities(dp).map((c) => ({ prefix: c.prefix, owner: { kind: 'cidr', identity: c.id as Identity } })));
    }
    return cidrTable;
  };
  const dp: Datapath = {
    model,
    captureStartUs: model.captureStartUs ?? 0,
    config,
    hostRouting: hostRoutingOf(config),
    attach: attachModesOf(config),
    nodes,
    node: (name) => nodeByName.get(name),
    identities: ids.infos,
    endpointByIp,
    endpointByKey,
    podByKey,
    podsByName,
    nodeByIp,
    frontends,
    nodeFrontends,
    lookupFrontend: (node, address, port, scope = 'internal') => {
      if (!nodeByName.has(node)) return undefined;
      const entry = indexOf(node).get(`${address}:${port}`);
      // The scope switch (lb4_lookup_service with scope_switch): the cluster's own traffic meets the twin.
      return (scope === 'internal' ? entry?.int : undefined) ?? entry?.ext ?? entry?.int;
    },
    backends,
    frontends6,
    nodeFrontends6,
    backends6,
    // Built once, on first use (the policy CIDR prefixes need the compiled policies).
    get ipcache() {
      return (allIpcache ??= [...ipcache, ...[...cidrEntries().entries()].map((e) => e.value)]);
    },
    ipcacheLookup: (viewer, ip) => {
      const addr = ipv4ToU32(ip);
      let entry = lpm.lookup(addr);
      if (entry?.owner.kind === 'world' && (model.policies?.length ?? 0) > 0) entry = cidrEntries().lookup(addr) ?? entry;
      return entry ? { entry, value: ipcacheValueFor(entry, viewer, nodeIp) } : undefined;
    },
    ipMasqCidrs,
    snatExclusionCidr,
  };
  tick.finish();
  return dp;
}

/**
 * pkg/datapath/loader/tc.go attachSKBProgram: tcx when enable-tcx (the kernel is assumed to have it),
 * legacy tc otherwise; a netkit endpoint's programs go on the netkit device (loader/netkit.go).
 */
export function attachModesOf(config: CiliumConfig): AttachModes {
  const device = config.enableTcx ? 'tcx' : 'tc';
  return { device, endpoint: config.datapathMode === 'netkit' ? 'netkit' : device };
}
