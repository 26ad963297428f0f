/**
 * What `flowlab validate` says the project did not model in a scenario: the
 * facts it read but does not turn into maps or hops, so a person comparing
 * with their cluster knows where the picture stops.
 */
import type { ClusterModel } from './model.ts';

export function notModelled(model: ClusterModel): string[] {
  const out: string[] = [];
  const c = model.config;
  const v6Services = model.services.filter((s) => s.clusterIP6 !== undefined);
  const v6Slices = model.services.reduce((n, s) => n + (s.sliceEndpoints6?.length ?? 0), 0);
  const v6Nodes = model.nodes.filter((n) => n.internalIP6 !== undefined);
  const v6Pods = model.pods.filter((p) => p.podIP6 !== undefined);
  const dualStack = v6Services.length + v6Slices + v6Nodes.length + v6Pods.length > 0;
  if (dualStack && !c.enableIpv6) {
    out.push(
      `IPv6 (enable-ipv6 is false): ${v6Services.length} IPv6 ClusterIPs, ${v6Slices} IPv6 EndpointSlice addresses, ` +
        `${v6Nodes.length} IPv6 node addresses and ${v6Pods.length} IPv6 pod IPs are not in any map`,
    );
  }
  if (dualStack) {
    out.push(
      'IPv6 flows are not walked (trace refuses IPv6 addresses); IPv6 pod CIDRs, pod IPs and node addresses are not in ' +
        'cilium_ipcache, cilium_lxc or the policy maps; HostPort frontends are IPv4 only' +
        (c.enableIpv6 ? '; the lb6 service maps are programmed (service list, bpf lb list, map get cilium_lb6_*)' : ''),
    );
  }
  for (const s of model.services) {
    const name = `Service ${s.namespace}/${s.name}`;
    if (s.healthCheckNodePort !== undefined) {
      out.push(
        c.enableHealthCheckNodePort
          ? `${name}: healthCheckNodePort ${s.healthCheckNodePort} is answered by the agent's health server in userspace ` +
            '(enable-health-check-nodeport): no map row, no hop'
          : `${name}: healthCheckNodePort ${s.healthCheckNodePort} is not served (enable-health-check-nodeport is false)`,
      );
    }
    for (const what of s.notModelled ?? []) out.push(`${name}: ${what} is not modelled`);
  }
  for (const p of model.pods) {
    const ports = p.ports.filter((x) => x.hostPort !== undefined);
    if (ports.length > 0 && p.hostNetwork) {
      out.push(`Pod ${p.namespace}/${p.name}: hostPort on a host-network pod makes no HostPort frontend (the agent skips it)`);
    }
  }
  return out;
}
