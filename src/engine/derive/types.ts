/**
 * What the Cilium agent would program on each node, derived from the model
 * (DESIGN §4). Built once per scenario + settings; read by programs, formats
 * (the cilium CLI views) and the UI's topology.
 */
import type { ClusterModel, CiliumConfig, L4Proto, PodModel, ServiceType } from '../../scenario/model.ts';
import type { Cidr, EndpointId, Identity, IfIndex, Ipv4, Mac, Port } from '../../scenario/values.ts';

export type InterfaceKind = 'netdev' | 'cilium_host' | 'cilium_net' | 'lxc_health' | 'lxc' | 'overlay';

/** A host-side interface of a node, as `ip link` would list it. */
export interface Interface {
  name: string;
  ifindex: IfIndex;
  mac: Mac;
  kind: InterfaceKind;
  /** Address shown on it (ens5: node IP, cilium_host: router IP). */
  ip?: Ipv4;
  /** For lxc: the endpoint behind it (its pod's eth0 is the veth peer). */
  endpointId?: EndpointId;
  mtu: number;
}

/** A Cilium endpoint: a pod (or lxc_health) with its veth pair. */
export interface EndpointInfo {
  id: EndpointId;
  /** `namespace/name`; `reserved:health` endpoints use `health/<node>`. */
  key: string;
  namespace: string;
  name: string;
  node: string;
  ip: Ipv4;
  identity: Identity;
  /** Pod eth0 MAC (endpoint_info.mac). */
  mac: Mac;
  /** Host-side lxc MAC (endpoint_info.node_mac): what the ARP responder answers with. */
  nodeMac: Mac;
  /** Host-side interface name and ifindex. */
  lxcName: string;
  ifindex: IfIndex;
  /** ifindex of eth0 inside the pod (the lxc's peer, `eth0@ifN`). */
  podIfindex: IfIndex;
  isHealth: boolean;
  labels: Record<string, string>;
}

/** Identity with its label set, as `cilium identity list` prints labels. */
export interface IdentityInfo {
  id: Identity;
  labels: string[];
  reserved: boolean;
}

export interface Route {
  /** undefined = default route. */
  dst?: Cidr;
  via?: Ipv4;
  dev: string;
  proto?: 'kernel' | 'static';
  scope?: 'link';
  mtu?: number;
  src?: Ipv4;
  /** Why this route exists (autoDirectNodeRoutes, endpoint routes, ...). */
  origin: string;
}

/** What an ipcache entry describes: decides identity and tunnelendpoint per viewing node. */
export type IpcacheOwner =
  | { kind: 'world' }
  | { kind: 'pod'; node: string; identity: Identity }
  | { kind: 'health'; node: string }
  | { kind: 'router'; node: string }
  | { kind: 'node'; node: string; apiserver: boolean }
  /** A prefix a policy names (toCIDR, ipBlock): the agent gives it a local CIDR identity. */
  | { kind: 'cidr'; identity: Identity };

export interface IpcacheEntry {
  prefix: Cidr;
  owner: IpcacheOwner;
}

/** remote_endpoint_info as the viewing node's cilium_ipcache holds it. */
export interface IpcacheValue {
  identity: Identity;
  tunnelEndpoint: Ipv4;
  encryptKey: number;
  flagSkipTunnel: boolean;
}

export interface Backend {
  /** Backend ID (cilium_lb4_backends_v3 key), allocated per distinct address:port. */
  id: number;
  address: Ipv4;
  port: Port;
  /** `namespace/name` of the pod, or undefined for host/external backends. */
  podKey?: string;
  node?: string;
  state: 'active' | 'terminating' | 'quarantined' | 'maintenance';
}

/** One frontend (service ID / rev-NAT index) in cilium_lb4_services_v2. */
export interface Frontend {
  /** Service ID = rev_nat_index. */
  id: number;
  address: Ipv4;
  port: Port;
  /** L4 protocols the Kubernetes ports named (1.16 writes ANY into the maps). */
  protocols: L4Proto[];
  type: ServiceType;
  /**
   * 'cluster': the same on every node. 'node': a NodePort on the node's own IP; in `frontends` its
   * address is 0.0.0.0, `nodeFrontends(node)` gives it with that node's IP. 'surrogate': 0.0.0.0:nodePort.
   */
  scope: 'cluster' | 'node' | 'surrogate';
  /** `namespace/name` of the Service. */
  service: string;
  /** Backend IDs in slot order (slot = index + 1). */
  backendIds: number[];
  /** internalTrafficPolicy: Local — each node keeps only its own backends for this frontend. */
  nodeLocal?: boolean;
  /** Flag names as `bpf lb list` prints them: `ClusterIP, non-routable`. */
  flags: string[];
  /** lb4_service flags byte (pkg/loadbalancer: NodePort 0x2, Routable 0x40 ...). */
  flagBits: number;
}

export interface NodeDatapath {
  name: string;
  ip: Ipv4;
  device: string;
  ciliumHostIp: Ipv4;
  healthIp: Ipv4;
  podCIDRs: Cidr[];
  interfaces: Interface[];
  routes: Route[];
  /** Local endpoints (cilium_lxc), including lxc_health. */
  endpoints: EndpointInfo[];
  /** The host endpoint (reserved:host): no IP, no lxc; `endpoint list` shows it. */
  hostEndpointId: EndpointId;
  /** MAC of the default gateway of the node's device (the neighbour for off-cluster traffic). */
  gatewayMac: Mac;
  gatewayIp: Ipv4;
}

/**
 * How packets between pods and devices are routed. BPF host routing needs
 * kube-proxy replacement and BPF masquerade; without them the agent falls
 * back to legacy (kernel) routing, as it logs at start-up.
 */
export interface HostRouting {
  mode: 'BPF' | 'Legacy';
  /** Why legacy, when it is: the setting or missing requirement. */
  reason?: string;
}

export interface Datapath {
  model: ClusterModel;
  /** When the scenario's traffic happens, µs since the epoch (the model's capture start, else 0). */
  captureStartUs: number;
  config: CiliumConfig;
  hostRouting: HostRouting;
  nodes: NodeDatapath[];
  node: (name: string) => NodeDatapath | undefined;
  identities: Map<number, IdentityInfo>;
  /** Every endpoint in the cluster, by IP (filled per node on first use). */
  endpointByIp: ReadonlyMap<string, EndpointInfo>;
  endpointByKey: ReadonlyMap<string, EndpointInfo>;
  /** Pods by `namespace/name`, and by bare name (several when namespaces differ). */
  podByKey: Map<string, PodModel>;
  podsByName: Map<string, PodModel[]>;
  /** Node by any of its IPs (InternalIP, cilium_host, health). */
  nodeByIp: Map<string, NodeDatapath>;
  frontends: Frontend[];
  /** The frontends in `node`'s cilium_lb4_services_v2 (NodePort ones with its IP). */
  nodeFrontends: (node: string) => Frontend[];
  /** Frontend by `address:port` as seen from `node` (the socket LB / nodeport_lb4 lookup). */
  lookupFrontend: (node: string, address: Ipv4, port: number) => Frontend | undefined;
  backends: Map<number, Backend>;
  /** The cluster-wide ipcache entries; a node's view of one is ipcacheValueFor() (derive/ipcache.ts), looked up by ipcacheLookup. */
  ipcache: IpcacheEntry[];
  /** Longest-prefix match in `viewer`'s cilium_ipcache. */
  ipcacheLookup: (viewer: string, ip: Ipv4) => { entry: IpcacheEntry; value: IpcacheValue } | undefined;
  /** cilium_ipmasq_v4 contents (empty when ip-masq-agent is off). */
  ipMasqCidrs: Cidr[];
  /** The IPv4 SNAT exclusion CIDR (IPV4_SNAT_EXCLUSION_DST_CIDR), when defined. */
  snatExclusionCidr?: Cidr;
}
