/**
 * The typed cluster model: what the scenario loader understood from the
 * Kubernetes objects. Everything the engine derives starts here.
 */
import type { Cidr, EndpointId, Identity, IfIndex, Ipv4, Ipv6, Mac, Port } from './values.ts';

export type L4Proto = 'TCP' | 'UDP' | 'SCTP';

/** Where an object came from, so every later message can point at it. */
export interface SourceRef {
  /** 0-based index of the YAML document (or List item's document). */
  doc: number;
  /** `Pod default/webpod1` */
  object: string;
  /** 1-based line of the object's start in the YAML text. */
  line: number;
}

export interface NodeModel {
  name: string;
  /** status.addresses[type=InternalIP]; the address on the node's netdev (ens5 in the lab). */
  internalIP: Ipv4;
  /** The IPv6 InternalIP of a dual-stack node: its IPv6 NodePort frontends (enable-ipv6). */
  internalIP6?: Ipv6;
  podCIDRs: Cidr[];
  /** CiliumNode spec.addresses[type=CiliumInternalIP]: the cilium_host IP, when given. */
  ciliumInternalIP?: Ipv4;
  /** CiliumNode spec.health.ipv4: the lxc_health endpoint IP, when given. */
  healthIP?: Ipv4;
  labels: Record<string, string>;
  /**
   * Name of the node's native device: annotation flowlab.cilium.io/device, else the first of
   * cilium-config `devices`, else eth0 (src/scenario/node-device.ts).
   */
  device: string;
  /**
   * MACs the node's own devices have (annotation flowlab.cilium.io/macs, `cilium_host=aa:..,lxc_health=..`):
   * the kernel picks them at random, so a scenario that wants `ip addr` exact states them. Unset: hashed.
   */
  macs: Record<string, Mac>;
  /** status.nodeInfo.kubeletVersion (`cilium status`: Kubernetes: Ok 1.30 (v1.30.6)). */
  kubeletVersion?: string;
  /** The device's subnet: annotation flowlab.cilium.io/device-subnet, else the /24 around the InternalIP. */
  deviceSubnet: Cidr;
  /** The default gateway on the device: annotation flowlab.cilium.io/gateway, else the subnet's first host. */
  gateway: Ipv4;
  /** The device's MAC: annotation flowlab.cilium.io/device-mac, else derived from the names. */
  deviceMac?: Mac;
  /** The device's MTU as the agent would detect it: annotation flowlab.cilium.io/device-mtu (cilium-config `mtu` wins). */
  deviceMtu?: number;
  /** The defaults the loader applied for this node, as `validate` states them (`device eth0 (default)`). */
  defaults: string[];
  source: SourceRef;
}

export interface ContainerPort {
  name?: string;
  containerPort: Port;
  protocol: L4Proto;
  /** ports[].hostPort: a HostPort frontend on the pod's node (pkg/k8s/watchers/pod.go genServiceMappings). */
  hostPort?: Port;
  /** ports[].hostIP: the one address the hostPort binds; absent or 0.0.0.0 = every node address. */
  hostIP?: Ipv4;
}

/** Facts a CiliumEndpoint (or the agent's endpoint model) makes exact. */
export interface EndpointFacts {
  identity?: Identity;
  endpointId?: EndpointId;
  /** Pod-side eth0 MAC (cilium endpoint get: status.networking.mac). */
  mac?: Mac;
  /** Host-side lxc MAC (status.networking.host-mac). */
  hostMac?: Mac;
  /** Host-side interface name, e.g. lxce880e1eecb7a. */
  interfaceName?: string;
  interfaceIndex?: IfIndex;
  /** The pod's named network namespace (`cni-…`), as `ip addr` on the host shows it after `link-netns`. */
  netns?: string;
}

export interface PodModel {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  nodeName: string;
  podIP?: Ipv4;
  /** The IPv6 entry of status.podIPs (dual-stack). */
  podIP6?: Ipv6;
  hostNetwork: boolean;
  /** spec.serviceAccountName (identity label io.cilium.k8s.policy.serviceaccount). */
  serviceAccount?: string;
  phase: string;
  ports: ContainerPort[];
  /** spec.containers[].image (the cilium agent's image gives `cilium status` its version). */
  images?: string[];
  endpoint: EndpointFacts;
  source: SourceRef;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
/** A frontend's type in the agent's maps: a Service's, or HostPort (from a pod's ports[].hostPort). */
export type FrontendType = ServiceType | 'HostPort';

export interface ServicePort {
  name?: string;
  protocol: L4Proto;
  port: Port;
  /** A number, or a named container port resolved per backend. */
  targetPort: Port | string;
  nodePort?: Port;
}

/** One backend address from an EndpointSlice (these win over selector matching). */
export interface SliceEndpoint<IP = Ipv4> {
  ip: IP;
  ready: boolean;
  /** conditions.serving; nil reads as `ready` (discovery/v1 types.go). */
  serving: boolean;
  /** conditions.terminating; nil reads as false. */
  terminating: boolean;
  nodeName?: string;
  /** `namespace/name` of the Pod behind it, when targetRef names one. */
  podRef?: string;
  /** port name -> port number, from the slice's ports list. */
  ports: { name?: string; port: Port; protocol: L4Proto }[];
}

export interface ServiceModel {
  namespace: string;
  name: string;
  type: ServiceType;
  /** undefined for headless services (clusterIP: None): no frontend in the LB maps. */
  clusterIP?: Ipv4;
  ports: ServicePort[];
  selector?: Record<string, string>;
  /** From EndpointSlices labelled kubernetes.io/service-name, when any were given. */
  sliceEndpoints?: SliceEndpoint[];
  /** spec.clusterIPs' IPv6 entry (dual-stack). */
  clusterIP6?: Ipv6;
  /** From addressType IPv6 EndpointSlices. */
  sliceEndpoints6?: SliceEndpoint<Ipv6>[];
  /** spec.healthCheckNodePort (LoadBalancer with externalTrafficPolicy Local). */
  healthCheckNodePort?: Port;
  /** Fields read and not modelled (`spec.externalIPs`, ...), for validate to list. */
  notModelled?: string[];
  externalTrafficPolicy: 'Cluster' | 'Local';
  /** Local: a node's ClusterIP frontend only has the backends on that node (hubble-peer in the lab). */
  internalTrafficPolicy?: 'Cluster' | 'Local';
  /**
   * Service IDs (rev-NAT indexes) per frontend in the engine's frontend order, from the
   * annotation flowlab.cilium.io/service-ids. The agent allocates them as frontends
   * appear, which no object records; without it they are allocated in a stable order.
   */
  serviceIds?: number[];
  creationTimestamp?: string;
  source: SourceRef;
}

export type RoutingMode = 'native' | 'tunnel';
export type TunnelProtocol = 'vxlan' | 'geneve';
export type MonitorAggregation = 'none' | 'low' | 'medium' | 'maximum';

/** The cilium-config keys the engine models; unknown keys stay in `raw`. */
/** How pods are wired to the host (cilium-config `datapath-mode`, helm `bpf.datapathMode`). */
export type DatapathMode = 'veth' | 'netkit';
/**
 * Conntrack lifetimes in seconds: the agent's bpf-ct-timeout-* options, written into the datapath
 * as CT_CONNECTION_LIFETIME_TCP/_NONTCP, CT_SERVICE_LIFETIME_TCP/_NONTCP, CT_SYN_TIMEOUT, CT_CLOSE_TIMEOUT.
 */
export interface CtTimeouts {
  /** CT_REPORT_INTERVAL (monitor-aggregation-interval) and CT_REPORT_FLAGS (monitor-aggregation-flags, TCP flag bits). */
  reportInterval: number;
  reportFlags: number;
  regularTcp: number;
  regularTcpSyn: number;
  regularTcpFin: number;
  regularAny: number;
  serviceTcp: number;
  serviceAny: number;
}

export interface CiliumConfig {
  routingMode: RoutingMode;
  tunnelProtocol: TunnelProtocol;
  kubeProxyReplacement: boolean;
  enableBpfMasquerade: boolean;
  enableIpv4Masquerade: boolean;
  enableHostLegacyRouting: boolean;
  ipv4NativeRoutingCIDR?: Cidr;
  autoDirectNodeRoutes: boolean;
  enableEndpointRoutes: boolean;
  enableIpMasqAgent: boolean;
  /** ip-masq-agent nonMasqueradeCIDRs; undefined = the agent's defaults. */
  nonMasqueradeCIDRs?: Cidr[];
  /** bpf-lb-sock: socket-level LB (on when kube-proxy-replacement is true, unless set false). */
  bpfLbSock: boolean;
  monitorAggregation: MonitorAggregation;
  /** enable-node-port: NodePort (and HostPort) frontends without kube-proxy replacement. */
  enableNodePort: boolean;
  /** enable-health-check-nodeport: the agent answers healthCheckNodePort itself (userspace, no map row). */
  enableHealthCheckNodePort: boolean;
  /** enable-k8s-terminating-endpoint: serving+terminating endpoints stay as `terminating` backends. */
  enableK8sTerminatingEndpoint: boolean;
  /** enable-ipv6: IPv6 frontends and backends in cilium_lb6_*. */
  enableIpv6: boolean;
  /**
   * enable-tcx: attach the tc programs through tcx links (kernel 6.6+) instead of legacy clsact
   * filters. The 1.16 agent's default is true; it falls back to tc where the kernel lacks tcx.
   */
  enableTcx: boolean;
  /** datapath-mode: `veth` pairs, or `netkit` devices (L3, programs on the device's own hooks). */
  datapathMode: DatapathMode;
  /** `mtu` (0: the agent detects it from the device; the engine then uses 1500). */
  mtu: number;
  /** bpf-ct-timeout-*: conntrack lifetimes (seconds). */
  ctTimeouts: CtTimeouts;
  /** Every key as given (strings), including the ones not modelled. */
  raw: Record<string, string>;
}

export interface ClusterModel {
  /** Scenario name (file name without extension, or metadata of the List). */
  name: string;
  nodes: NodeModel[];
  pods: PodModel[];
  services: ServiceModel[];
  config: CiliumConfig;
  /** When the traffic happens, µs since the epoch (cilium-config annotation flowlab.cilium.io/capture-start). */
  captureStartUs?: number;
  /** NetworkPolicy and CiliumNetworkPolicy objects, as the agent's rules (default []). */
  policies: PolicyModel[];
  /** Objects of kinds not modelled: `Deployment default/web (document 3, line 40)`. */
  ignored: string[];
  /** Things worth knowing that are not errors (a service that selects nothing). */
  warnings: ScenarioIssue[];
}

/** Label selector operators (k8s LabelSelectorRequirement). */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement; `key` carries its label source: `k8s:app`, `any:app`, `reserved:world`. */
export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

/**
 * An EndpointSelector as the agent holds it (pkg/policy/api): matchLabels are
 * `In` requirements with one value, keys have their source (a key written
 * without one gets `any:`). No requirement at all is the wildcard selector.
 */
export interface EndpointSelectorModel {
  requirements: SelectorRequirement[];
}

/** Entities of CiliumNetworkPolicy fromEntities/toEntities (pkg/policy/api/entity.go). */
export type PolicyEntity =
  | 'all' | 'world' | 'world-ipv4' | 'world-ipv6' | 'cluster' | 'host' | 'init' | 'ingress' | 'unmanaged'
  | 'remote-node' | 'health' | 'none' | 'kube-apiserver';

/** ipBlock / fromCIDRSet: a CIDR minus the exceptions inside it. */
export interface CidrRuleModel {
  cidr: Cidr;
  except: Cidr[];
}

/** `ANY` in a CiliumNetworkPolicy port means TCP, UDP and SCTP; ICMP ports are ICMP types. */
export type PolicyProtocol = L4Proto | 'ANY' | 'ICMP';

export interface PolicyPort {
  /** 0 = every port of the protocol (ICMP: the type). */
  port: number;
  /** Last port of a range (NetworkPolicy endPort, CNP endPort). */
  endPort?: number;
  /** A named container port, resolved per endpoint when the policy is computed. */
  name?: string;
  protocol: PolicyProtocol;
}

/**
 * One peer rule: a from/to entry with its ports, as the agent's IngressRule /
 * EgressRule holds it after translation (pkg/k8s/network_policy.go,
 * pkg/k8s/apis/cilium.io/utils). Peers of one rule are alternatives.
 */
export interface PolicyPeerRule {
  endpoints: EndpointSelectorModel[];
  entities: PolicyEntity[];
  cidrs: CidrRuleModel[];
  /** Empty: every port and protocol (an L3-only rule). */
  ports: PolicyPort[];
  /** Where it was written: `spec.ingress[0].from[1]`, and its YAML line. */
  field: string;
  line: number;
  /** One line for people: `from app=netpod on 80/TCP`. */
  text: string;
}

/** An api.Rule: the endpoints it applies to and its four rule lists. */
export interface PolicyRuleModel {
  /** The subject; for namespaced objects it already requires the object's namespace. */
  endpointSelector: EndpointSelectorModel;
  ingress: PolicyPeerRule[];
  ingressDeny: PolicyPeerRule[];
  egress: PolicyPeerRule[];
  egressDeny: PolicyPeerRule[];
  /** enableDefaultDeny, resolved: true for a direction that has rules unless the object says false. */
  defaultDeny: { ingress: boolean; egress: boolean };
  /** `spec` or `specs[1]`: where this rule sits in the object. */
  field: string;
}

export interface PolicyModel {
  kind: 'NetworkPolicy' | 'CiliumNetworkPolicy';
  namespace: string;
  name: string;
  rules: PolicyRuleModel[];
  source: SourceRef;
}

/** A located problem in a scenario: names the document, object, field and line. */
export interface ScenarioIssue {
  severity: 'error' | 'warning';
  message: string;
  /** `Pod default/webpod1` when known. */
  object?: string;
  /** `status.podIP` */
  field?: string;
  /** 1-based YAML line. */
  line?: number;
  doc?: number;
}

export type LoadResult =
  | { ok: true; model: ClusterModel }
  | { ok: false; errors: ScenarioIssue[] };
