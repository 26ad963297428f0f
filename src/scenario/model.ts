/**
 * The typed cluster model: what the scenario loader understood from the
 * Kubernetes objects. Everything the engine derives starts here.
 */
import type { Cidr, EndpointId, Identity, IfIndex, Ipv4, Ipv6, Mac, Port } from './values.ts';
import type { CiliumConfig } from './config-model.ts';
import type { PolicyModel } from './policy-model.ts';
import type { L4Proto, ScenarioIssue, SourceRef } from './source.ts';

export type * from './config-model.ts';
export type * from './policy-model.ts';
export type * from './source.ts';

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

export type LoadResult =
  | { ok: true; model: ClusterModel }
  | { ok: false; errors: ScenarioIssue[] };
