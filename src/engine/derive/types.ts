/**
 * What the Cilium agent would program on each node, derived from the model
 * (DESIGN §4). Built once per scenario + settings; read by programs, formats
 * (the cilium CLI views) and the UI's topology.
 */
import type { ClusterModel, CiliumConfig, FrontendType, L4Proto, PodModel, ServiceType } from '../../scenario/model.ts';
import type { AttachMode } from '../place.ts';
import type { Message } from '../messages.ts';
import type { Cidr, EndpointId, Identity, IfIndex, Ipv4, Ipv6, Mac, Port } from '../../scenario/values.ts';

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
  /** The pod's named netns (`cni-…`); undefined for lxc_health, whose netns has no name (`link-netnsid 0`). */
  netns?: string;
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
  /** The same `origin` as words for the page's language. */
  originWords?: Message;
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

export type BackendState = 'active' | 'terminating' | 'quarantined' | 'maintenance';

/** A backend of either family (cilium_lb4_backends_v3 / cilium_lb6_backends_v3). */
export interface BackendOf<IP> {
  /** Backend ID, allocated per distinct address:port (one ID space for both families). */
  id: number;
  address: IP;
  port: Port;
  /** `namespace/name` of the pod, or undefined for host/external backends. */
  podKey?: string;
  node?: string;
  /** terminating: an EndpointSlice endpoint serving and terminating; kept after the active slots, not counted. */
  state: BackendState;
}
export type Backend = BackendOf<Ipv4>;
export type Backend6 = BackendOf<Ipv6>;

/** One frontend (service ID / rev-NAT index) in cilium_lb4_services_v2 or cilium_lb6_services_v2. */
export interface FrontendOf<IP> {
  /** Service ID = rev_nat_index (one ID space for both families). */
  id: number;
  address: IP;
  port: Port;
  /** L4 protocols the Kubernetes ports named (1.16 writes ANY into the maps). */
  protocols: L4Proto[];
  /** ClusterIP, NodePort, LoadBalancer, or HostPort (a pod's ports[].hostPort). */
  type: FrontendType;
  /**
   * 'cluster': the same on every node. 'node': on the node's own IP; in `frontends` its
   * address is 0.0.0.0, `nodeFrontends(node)` gives it with that node's IP. 'surrogate': 0.0.0.0:port.
   */
  scope: 'cluster' | 'node' | 'surrogate';
  /**
   * The internal-scope twin (`/i`, lb4_key.scope = LB_LOOKUP_SCOPE_INT) of a two-scopes service
   * (externalTrafficPolicy and internalTrafficPolicy differ): what traffic from inside the cluster meets.
   */
  internal?: true;
  /** `namespace/name` of the Service; `namespace/pod/host-port/<port>` for HostPort. */
  service: string;
  /** Backend IDs in slot order (slot = index + 1): active ones first, then terminating ones. */
  backendIds: number[];
  /** Traffic policy Local for this scope: each node keeps only its own backends for this frontend. */
  nodeLocal?: boolean;
  /** Only this node's agent has the frontend (HostPort: the pod's node). */
  onlyNode?: string;
  /** Flag names as `bpf lb list` prints them: `ClusterIP, non-routable`. */
  flags: string[];
  /** lb4_service flags (pkg/loadbalancer: NodePort 0x2, ExtLocal 0x4, Routable 0x40, two-scopes 0x2000 ...). */
  flagBits: number;
}
export type Frontend = FrontendOf<Ipv4>;
export type Frontend6 = FrontendOf<Ipv6>;

/** Which scope a lookup wants: a packet from outside meets the external one; the cluster's own traffic switches. */
export type LookupScope = 'external' | 'internal';

export interface NodeDatapath {
  name: string;
  ip: Ipv4;
  /** The node's IPv6 InternalIP (dual-stack): the address of its IPv6 NodePort frontends. */
  ip6?: Ipv6;
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

/** How the loader attaches Cilium's tc programs: on the host devices, and on the pods' devices. */
export interface AttachModes {
  /** The netdev, cilium_host, cilium_net and the overlay device: tcx, or legacy tc. */
  device: AttachMode;
  /** The pods' host-side devices: as `device` with veth; netkit's own hooks with netkit. */
  endpoint: AttachMode;
}

export interface Datapath {
  model: ClusterModel;
  /** When the scenario's traffic happens, µs since the epoch (the model's capture start, else 0). */
  captureStartUs: number;
  config: CiliumConfig;
  hostRouting: HostRouting;
  attach: AttachModes;
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
  /**
   * Frontend by `address:port` as seen from `node`: lb4_lookup_service. 'internal' (the socket LB,
   * bpf_lxc) switches a two-scopes service to its `/i` twin; 'external' (nodeport_lb4) does not.
   */
  lookupFrontend: (node: string, address: Ipv4, port: number, scope?: LookupScope) => Frontend | undefined;
  backends: Map<number, Backend>;
  /** IPv6 frontends and backends (enable-ipv6): programmed into cilium_lb6_*, not walked by traces. */
  frontends6: Frontend6[];
  nodeFrontends6: (node: string) => Frontend6[];
  backends6: Map<number, Backend6>;
  /** The cluster-wide ipcache entries; a node's view of one is ipcacheValueFor() (derive/ipcache.ts), looked up by ipcacheLookup. */
  ipcache: IpcacheEntry[];
  /** Longest-prefix match in `viewer`'s cilium_ipcache. */
  ipcacheLookup: (viewer: string, ip: Ipv4) => { entry: IpcacheEntry; value: IpcacheValue } | undefined;
  /** cilium_ipmasq_v4 contents (empty when ip-masq-agent is off). */
  ipMasqCidrs: Cidr[];
  /** The IPv4 SNAT exclusion CIDR (IPV4_SNAT_EXCLUSION_DST_CIDR), when defined. */
  snatExclusionCidr?: Cidr;
}
