/**
 * A hand-made two-node cluster and a five-hop trace for the UI's unit tests:
 * enough Datapath for summarize(), a fake engine whose tablesAt applies the
 * trace's ops, so host, client, store and layout tests need no real engine.
 */
import { FlowError, placeFields, podAt, tcAt, type FlowRequest, type Settings, type Datapath, type EndpointInfo, type NodeDatapath, type MapTables, type HopEvent, type Packet, type Trace, type Place } from '../engine/index.ts';
import type { CiliumConfig, ClusterModel, LoadResult } from '../scenario/model.ts';
import { DEFAULT_CT_TIMEOUTS } from '../scenario/config-ct.ts';
import { ENGINE_EXTRAS } from './extras.ts';
import type { EngineFns, HostExtras } from './host.ts';

const ip = (s: string) => s as never;

export const CONFIG: CiliumConfig = {
  routingMode: 'native',
  tunnelProtocol: 'vxlan',
  kubeProxyReplacement: true,
  enableBpfMasquerade: true,
  enableIpv4Masquerade: true,
  enableHostLegacyRouting: false,
  autoDirectNodeRoutes: true,
  enableEndpointRoutes: true,
  enableIpMasqAgent: true,
  bpfLbSock: true,
  monitorAggregation: 'medium',
  enableNodePort: true,
  enableHealthCheckNodePort: true,
  enableK8sTerminatingEndpoint: true,
  enableIpv6: false,
  enableTcx: true,
  datapathMode: 'veth',
  mtu: 0,
  ctTimeouts: DEFAULT_CT_TIMEOUTS,
  raw: {},
};

function endpoint(name: string, node: string, addr: string, id: number, lxc: string): EndpointInfo {
  return {
    id: id as never, key: `default/${name}`, namespace: 'default', name, node, ip: ip(addr),
    identity: (1000 + id) as never, mac: ip('aa:00:00:00:00:01'), nodeMac: ip('bb:00:00:00:00:01'),
    lxcName: lxc, ifindex: (10 + id) as never, podIfindex: (9 + id) as never, isHealth: false, labels: { app: name },
  };
}

function node(name: string, addr: string, podNet: string, eps: EndpointInfo[]): NodeDatapath {
  return {
    name, ip: ip(addr), device: 'ens5', ciliumHostIp: ip(`${podNet}.1`), healthIp: ip(`${podNet}.2`),
    podCIDRs: [{ base: ip(`${podNet}.0`), bits: 24 }],
    interfaces: [
      { name: 'ens5', ifindex: 2 as never, mac: ip('02:00:00:00:00:01'), kind: 'netdev', ip: ip(addr), mtu: 9001 },
      { name: 'cilium_net', ifindex: 3 as never, mac: ip('02:00:00:00:00:02'), kind: 'cilium_net', mtu: 9001 },
      { name: 'cilium_host', ifindex: 4 as never, mac: ip('02:00:00:00:00:03'), kind: 'cilium_host', ip: ip(`${podNet}.1`), mtu: 9001 },
      { name: 'lxc_health', ifindex: 6 as never, mac: ip('02:00:00:00:00:04'), kind: 'lxc_health', mtu: 9001 },
      ...eps.map((e) => ({ name: e.lxcName, ifindex: e.ifindex, mac: e.nodeMac, kind: 'lxc' as const, endpointId: e.id, mtu: 9001 })),
    ],
    routes: [], endpoints: eps, gatewayMac: ip('02:00:00:00:00:ff'), gatewayIp: ip('192.168.10.1'), hostEndpointId: 99 as never,
  };
}

export function fixtureModel(name = 'fixture'): ClusterModel {
  return {
    name, nodes: [], pods: [], config: CONFIG, policies: [], ignored: [], warnings: [],
    services: [{ namespace: 'default', name: 'web', type: 'ClusterIP', clusterIP: ip('10.96.0.10'),
      ports: [{ protocol: 'TCP', port: 80 as never, targetPort: 80 as never }], externalTrafficPolicy: 'Cluster',
      source: { doc: 2, object: 'Service default/web', line: 30 } }],
  };
}

export function fixtureDatapath(model: ClusterModel, settings: Settings = {}): Datapath {
  const a = node('k8s-a', '192.168.10.10', '10.1.0', [endpoint('client', 'k8s-a', '10.1.0.10', 11, 'lxcaaaa00000001'), endpoint('peer', 'k8s-a', '10.1.0.11', 12, 'lxcaaaa00000002')]);
  const b = node('k8s-b', '192.168.10.11', '10.1.1', [endpoint('server', 'k8s-b', '10.1.1.20', 21, 'lxcbbbb00000001')]);
  const nodes = [a, b];
  const config: CiliumConfig = {
    ...CONFIG,
    enableIpMasqAgent: settings['enable-ip-masq-agent'] !== 'false',
    routingMode: settings['routing-mode'] === 'tunnel' ? 'tunnel' : 'native',
  };
  // Only what the host and summarize() read; the cast keeps the fixture stable while Datapath grows.
  const dp: Partial<Datapath> = {
    model, config, nodes, node: (n) => nodes.find((x) => x.name === n), identities: new Map(),
    endpointByIp: new Map(), endpointByKey: new Map(), nodeByIp: new Map(), frontends: [], backends: new Map(),
    ipcache: [], ipcacheLookup: () => undefined, ipMasqCidrs: [],
  };
  return dp as Datapath;
}

const pkt = (over: Partial<Packet> = {}): Packet => ({
  id: 0, direction: 'request', src: ip('10.1.0.10'), dst: ip('10.1.1.20'), proto: 'ICMP', icmpType: 8, ttl: 64, ...over,
});

const CLIENT_LXC = tcAt('k8s-a', 'lxcaaaa00000001', 'tc-ingress');

function hop(seq: number, at: Place, over: Partial<HopEvent>): HopEvent {
  return {
    seq, packet: pkt(), kind: 'send', ...placeFields(at), program: 'kernel',
    source: 'kernel', maps: [], explain: { id: 'lxc.ingress', params: { lxc: `hop ${seq}`, pod: 'client' } }, ...over,
  };
}

export function fixtureTrace(flow: FlowRequest): Trace {
  return {
    flow: { ...flow, seed: flow.seed ?? 1 },
    client: { kind: 'pod', namespace: 'default', name: 'client', node: 'k8s-a', ip: ip('10.1.0.10'), hostNetwork: false },
    server: { kind: 'pod', namespace: 'default', name: 'server', node: 'k8s-b', ip: ip('10.1.1.20'), hostNetwork: false },
    events: [
      hop(0, podAt('k8s-a', 'default/client'), {}),
      hop(1, CLIENT_LXC, { kind: 'lxc-ingress', program: 'cil_from_container', source: 'bpf/bpf_lxc.c: handle_ipv4_from_lxc',
        maps: [{ node: 'k8s-a', map: 'cilium_ipcache', op: 'lookup', key: '10.1.1.20/32', value: 'identity=1021 encryptkey=0 tunnelendpoint=192.168.10.11, flags=<none>', hit: true }] }),
      hop(2, CLIENT_LXC, { kind: 'conntrack', program: 'cil_from_container', packet: pkt({ ttl: 63 }),
        maps: [{ node: 'k8s-a', map: 'cilium_ct_any4_global', op: 'update', key: 'ICMP OUT 10.1.0.10:1 -> 10.1.1.20:0', value: 'expires=60', hit: false }] }),
      hop(3, { kind: 'wire', node: 'k8s-a', iface: 'ens5', peer: { node: 'k8s-b', iface: 'ens5' } }, { kind: 'wire', program: 'wire', packet: pkt({ ttl: 63 }) }),
      hop(4, podAt('k8s-b', 'default/server'), { kind: 'deliver', program: 'kernel', packet: pkt({ ttl: 62 }), observation: 'to-endpoint', verdict: 'FORWARDED' }),
    ],
    outcome: { status: 'completed', message: { id: 'outcome.completed', params: { proto: 'ICMP', packets: 2, hops: 5 } } },
  };
}

/** The fake engine: loads any text but "broken", knows the pods of the fixture. */
export function fakeEngine(): EngineFns {
  return {
    loadScenario(text: string, name: string): LoadResult {
      if (text.includes('broken')) {
        return { ok: false, errors: [{ severity: 'error', message: 'status.podIP is not an IPv4 address', object: 'Pod default/x', field: 'status.podIP', line: 7, doc: 1 }] };
      }
      return { ok: true, model: fixtureModel(name) };
    },
    derive: (model, settings) => {
      if (settings?.['routing-mode'] === 'bogus') throw new Error('routing-mode: bogus is not native or tunnel');
      return fixtureDatapath(model, settings);
    },
    traceFlow(dp, req) {
      if (!['client', 'peer', 'server'].includes(req.from)) throw new FlowError({ id: 'error.unknown_source', params: { name: req.from } }, ['client', 'peer', 'server']);
      const trace = fixtureTrace(req);
      if (dp.config.routingMode !== 'tunnel') return trace;
      // Tunnel mode: one more hop before the wire, so comparisons have a difference to find.
      const encap = hop(3, CLIENT_LXC, { kind: 'tunnel-encap', program: 'cil_from_container', packet: pkt({ ttl: 63 }) });
      const events = [...trace.events.slice(0, 3), encap, ...trace.events.slice(3)].map((e, seq) => ({ ...e, seq }));
      return { ...trace, events };
    },
    initialTables: () => initial(),
    tablesAt(_dp, trace, step, nodeName): MapTables {
      const t = initial();
      for (const ev of trace?.events.slice(0, step + 1) ?? []) {
        for (const op of ev.maps) {
          if (op.node !== nodeName || op.op !== 'update') continue;
          (t[op.map] ??= new Map()).set(op.key, op.value ?? '');
        }
      }
      return t;
    },
  };
}

/** Views for the fake engine: `map get <name>` as key/value lines; one hubble line per hop with an observation. */
/** Like the real engine's: every map is there from the start, the CT maps empty. */
function initial(): MapTables {
  return {
    cilium_ipcache: new Map([['0.0.0.0/0', 'identity=2 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>']]),
    cilium_ct4_global: new Map(),
    cilium_ct_any4_global: new Map(),
  };
}

export function stubFormats(engine: Pick<EngineFns, 'tablesAt'>): HostExtras {
  return {
    ...ENGINE_EXTRAS,
    cilium(dp, trace, step, node, view) {
      if (view.view !== 'map get') throw new Error(`cilium ${view.view}: not in the stub`);
      const rows = engine.tablesAt(dp, trace, step, node)[view.map];
      if (!rows) throw new Error(`${view.map}: no such map`);
      return ['Key   Value', ...[...rows].map(([k, v]) => `${k}   ${v}`)].join('\n');
    },
    exec(_dp, trace, step, target, argv) {
      if (argv[0] !== 'hops') throw new Error(`${argv.join(' ')}: not in the stub`);
      return `${target}: ${trace && step >= 0 ? step + 1 : 0} hops\n`;
    },
    hubble: (_dp, trace, query) =>
      trace.events.filter((e) => e.observation && (!query.filter.nodeName || e.node === query.filter.nodeName))
        .map((e) => ({ seq: e.seq, text: `${e.node}: ${e.observation}` })),
  };
}
