/**
 * The cilium-config ConfigMap as the engine models it: the agent's options
 * that change a map or a hop (parsed in config.ts); unknown keys stay in `raw`.
 */
import type { Cidr } from './values.ts';

export type RoutingMode = 'native' | 'tunnel';
export type TunnelProtocol = 'vxlan' | 'geneve';
export type MonitorAggregation = 'none' | 'low' | 'medium' | 'maximum';

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

/** The cilium-config keys the engine models; unknown keys stay in `raw`. */
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
