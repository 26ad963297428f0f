/**
 * A hand-built Datapath with the seed's k8s-s view of its services (the nine
 * frontends of `bpf lb list --revnat`, svc 10.10.252.131:80 with backends 11
 * and 12), netpod and the health endpoint on k8s-s, webpod1 on k8s-w1. The format tests use it so they check the
 * renderers alone, not the engine that derives the real one.
 */
import type { Backend, Datapath, EndpointInfo, Frontend, NodeDatapath } from '../../derive/types.ts';
import type { Cidr, EndpointId, Identity, IfIndex, Ipv4, Mac, Port } from '../../../scenario/values.ts';

const ip = (s: string) => s as Ipv4;
const port = (n: number) => n as Port;

function backend(id: number, address: string, p: number): Backend {
  return { id, address: ip(address), port: port(p), state: 'active' };
}

const backends = new Map<number, Backend>(
  [
    backend(1, '192.168.10.10', 6443),
    backend(2, '172.16.2.206', 4244),
    backend(3, '172.16.2.82', 4245),
    backend(4, '172.16.2.65', 8081),
    backend(5, '172.16.0.144', 53),
    backend(6, '172.16.0.193', 53),
    backend(7, '172.16.0.144', 9153),
    backend(8, '172.16.0.193', 9153),
    backend(11, '172.16.1.235', 80),
    backend(12, '172.16.2.253', 80),
  ].map((b) => [b.id, b]),
);

function frontend(id: number, address: string, p: number, type: Frontend['type'], backendIds: number[], scope: Frontend['scope'] = 'cluster'): Frontend {
  const routable = type !== 'ClusterIP' && scope !== 'surrogate';
  return {
    id, address: ip(address), port: port(p), protocols: ['TCP'], type, scope, service: 'x/y', backendIds,
    flags: routable ? [type] : [type, 'non-routable'],
    flagBits: (type === 'NodePort' ? 0x2 : 0) | (routable ? 0x40 : 0),
  };
}

export const SEED_FRONTENDS: Frontend[] = [
  frontend(1, '10.10.0.1', 443, 'ClusterIP', [1]),
  frontend(4, '10.10.25.166', 80, 'ClusterIP', [2]),
  frontend(6, '10.10.0.10', 9153, 'ClusterIP', [7, 8]),
  frontend(7, '192.168.10.10', 32283, 'NodePort', [4], 'node'),
  frontend(2, '10.10.152.163', 443, 'ClusterIP', [3]),
  frontend(9, '10.10.252.131', 80, 'ClusterIP', [11, 12]),
  frontend(5, '10.10.0.10', 53, 'ClusterIP', [5, 6]),
  frontend(8, '0.0.0.0', 32283, 'NodePort', [4], 'surrogate'),
  frontend(3, '10.10.15.144', 80, 'ClusterIP', [4]),
];

function endpoint(id: number, name: string, address: string, identity: number, ifindex: number, mac: string, nodeMac: string): EndpointInfo {
  return {
    id: id as EndpointId, key: `default/${name}`, namespace: 'default', name, node: 'k8s-s', ip: ip(address),
    identity: identity as Identity, mac: mac as Mac, nodeMac: nodeMac as Mac, lxcName: `lxc${name}`,
    ifindex: ifindex as IfIndex, podIfindex: 2 as IfIndex, isHealth: name === 'health', labels: {},
  };
}

const k8sS: NodeDatapath = {
  name: 'k8s-s', ip: ip('192.168.10.10'), device: 'ens5', ciliumHostIp: ip('172.16.0.189'), healthIp: ip('172.16.0.43'),
  podCIDRs: [{ base: ip('172.16.0.0'), bits: 24 }], routes: [],
  interfaces: [{ name: 'ens5', ifindex: 2 as IfIndex, mac: '0e:ae:2b:82:96:96' as Mac, kind: 'netdev', mtu: 9001 }],
  endpoints: [
    endpoint(2001, 'netpod', '172.16.0.79', 26332, 14, '9e:21:0c:4b:7a:11', 'f2:5d:33:a0:6c:02'),
    endpoint(311, 'health', '172.16.0.43', 4, 8, '0a:1b:2c:3d:4e:5f', 'aa:bb:cc:dd:ee:ff'),
  ],
  gatewayMac: '02:00:00:00:00:01' as Mac, gatewayIp: ip('192.168.10.1'), hostEndpointId: 1519 as EndpointId,
};

const webpod1: EndpointInfo = { ...endpoint(1334, 'webpod1', '172.16.1.235', 10037, 9, '0e:eb:09:62:83:d3', '06:60:3f:49:4f:08'), node: 'k8s-w1', lxcName: 'lxc043ae5d7101a' };

const k8sW1: NodeDatapath = {
  ...k8sS, name: 'k8s-w1', ip: ip('192.168.10.101'), ciliumHostIp: ip('172.16.1.1'), healthIp: ip('172.16.1.180'),
  podCIDRs: [{ base: ip('172.16.1.0'), bits: 24 }], endpoints: [webpod1],
  interfaces: [{ name: 'ens5', ifindex: 2 as IfIndex, mac: '0e:11:22:33:44:55' as Mac, kind: 'netdev', mtu: 9001 }],
};

const cidr = (base: string, bits: number): Cidr => ({ base: ip(base), bits });
const allEndpoints = [...k8sS.endpoints, webpod1];
const svc = SEED_FRONTENDS.find((f) => f.id === 9);
if (!svc) throw new Error('the seed fixture lost its frontend 9');

/** Only what the formats read is filled in; the rest throws if a renderer reaches for it. */
export const seedDatapath = {
  config: { monitorAggregation: 'medium', ctTimeouts: { reportFlags: 0xff } },
  // The lab's capture start (kans-lab's flowlab.cilium.io/capture-start): the seed's ping.
  captureStartUs: Date.UTC(2024, 10, 1, 14, 1, 20, 633) * 1000,
  nodes: [k8sS, k8sW1],
  node: (name: string) => [k8sS, k8sW1].find((n) => n.name === name),
  endpointByIp: new Map(allEndpoints.map((e) => [e.ip as string, e])),
  identities: new Map([
    [10037, { id: 10037 as Identity, labels: ['k8s:app=webpod'], reserved: false }],
    [2, { id: 2 as Identity, labels: ['reserved:world'], reserved: true }],
    [26332, { id: 26332 as Identity, labels: ['k8s:io.kubernetes.pod.namespace=default', 'k8s:app=netpod'], reserved: false }],
    [4, { id: 4 as Identity, labels: ['reserved:health'], reserved: true }],
  ]),
  frontends: SEED_FRONTENDS,
  nodeFrontends: (name: string) => (name === 'k8s-s' ? SEED_FRONTENDS : []),
  backends,
  frontends6: [],
  nodeFrontends6: () => [],
  backends6: new Map(),
  ipcache: [],
  ipcacheLookup: () => undefined,
  lookupFrontend: (_node: string, address: string, p: number) => (address === svc.address && p === svc.port ? { ...svc, service: 'default/svc' } : undefined),
  ipMasqCidrs: [cidr('10.0.0.0', 8), cidr('172.16.0.0', 12), cidr('169.254.0.0', 16)],
} as unknown as Datapath;
