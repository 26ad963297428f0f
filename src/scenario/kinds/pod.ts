/**
 * Pod and CiliumEndpoint. A Pod says where it runs and its IP; its
 * CiliumEndpoint (same namespace/name) makes the identity, endpoint id and
 * the veth facts exact instead of derived.
 */
import type { Fields } from '../fields.ts';
import { podIpv6 } from './ipv6.ts';
import type { ContainerPort, EndpointFacts, L4Proto, PodModel } from '../model.ts';
import { asEndpointId, asIdentity, asIfIndex, asPort, parseMac, type Ipv4, type Mac } from '../values.ts';
import { say } from '../issue-text.ts';

const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];
export const PROTOCOLS: readonly L4Proto[] = ['TCP', 'UDP', 'SCTP'];

/** Phases whose pod holds its IP: its address is in use and it can be a backend or a client. */
export function podIsActive(phase: string): boolean {
  return phase === 'Running' || phase === 'Pending' || phase === 'Unknown';
}

export function readPod(f: Fields): PodModel {
  let phase = f.str(['status', 'phase']) ?? 'Running';
  if (!PHASES.includes(phase)) {
    f.error(['status', 'phase'], say('scenario.not_one_of', { value: phase, allowed: PHASES.join(', ') }));
    phase = 'Running';
  }
  const hostNetwork = f.bool(['spec', 'hostNetwork']) ?? false;
  const nodeName = f.str(['spec', 'nodeName']) ?? '';
  if (nodeName === '' && phase !== 'Pending') {
    f.error(['spec', 'nodeName'], say('scenario.pod.node_required', { phase }));
  }
  const podIP = readPodIP(f);
  if (podIP === undefined && !hostNetwork && hasIpv6(f)) {
    f.warn(podIpPath(f), say('scenario.pod.ipv6_only'));
  }
  if (podIP === undefined && phase === 'Running' && !hostNetwork && !f.has(['status', 'podIP'])) {
    f.error(['status', 'podIP'], say('scenario.pod.ip_required'));
  }
  return {
    namespace: f.obj.namespace ?? 'default',
    name: f.obj.name,
    labels: f.stringMap(['metadata', 'labels']),
    nodeName,
    podIP,
    podIP6: podIpv6(f),
    hostNetwork,
    // The ServiceAccount admission plugin fills in `default` when a pod names none.
    serviceAccount: f.str(['spec', 'serviceAccountName']) ?? f.str(['spec', 'serviceAccount']) ?? 'default',
    phase,
    ports: readContainerPorts(f),
    images: f.list(['spec', 'containers']).map((_, c) => f.str(['spec', 'containers', c, 'image']) ?? '').filter((i) => i !== ''),
    endpoint: {},
    source: f.obj.ref,
  };
}

function ipv6Of(v: unknown): boolean {
  return typeof v === 'string' && v.includes(':');
}

/** The pod lists addresses, and they are all IPv6. */
function hasIpv6(f: Fields): boolean {
  const list = f.get(['status', 'podIPs']);
  const listed = Array.isArray(list) && list.some((p) => ipv6Of((p as Record<string, unknown> | null)?.['ip']));
  return ipv6Of(f.get(['status', 'podIP'])) || listed;
}

/** Where the pod's IP was written, for a later message about it (its body is gone by then). */
export function podIpPath(f: Fields): readonly string[] {
  return f.has(['status', 'podIP']) ? ['status', 'podIP'] : ['status', 'podIPs'];
}

/** status.podIP, else the first IPv4 of status.podIPs (dual-stack pods list both). */
function readPodIP(f: Fields): Ipv4 | undefined {
  if (f.has(['status', 'podIP'])) {
    const text = f.get(['status', 'podIP']);
    // A dual-stack pod may list its IPv6 first; its IPv4 is then in podIPs.
    if (typeof text !== 'string' || !text.includes(':')) return f.ipv4(['status', 'podIP']);
  }
  const list = f.list(['status', 'podIPs']);
  const index = list.findIndex((p) => {
    const ip = (p as Record<string, unknown> | null)?.['ip'];
    return typeof ip === 'string' && !ip.includes(':');
  });
  return index < 0 ? undefined : f.ipv4(['status', 'podIPs', index, 'ip']);
}

function readContainerPorts(f: Fields): ContainerPort[] {
  const out: ContainerPort[] = [];
  f.list(['spec', 'containers']).forEach((_, c) => {
    f.list(['spec', 'containers', c, 'ports']).forEach((_, p) => {
      const path = ['spec', 'containers', c, 'ports', p];
      const port = f.int([...path, 'containerPort'], { min: 1, max: 65535, required: true });
      const protocol = readProtocol(f, [...path, 'protocol']);
      const name = f.str([...path, 'name']);
      const hostPort = f.int([...path, 'hostPort'], { min: 1, max: 65535 });
      const hostIPText = f.str([...path, 'hostIP']);
      // hostIP 0.0.0.0 (or none) binds every node address; an IPv6 hostIP is not modelled.
      const hostIP = hostIPText && hostIPText !== '0.0.0.0' && !hostIPText.includes(':') ? f.ipv4([...path, 'hostIP']) : undefined;
      if (port === undefined) return;
      out.push({
        name, containerPort: asPort(port), protocol,
        ...(hostPort !== undefined ? { hostPort: asPort(hostPort) } : {}),
        ...(hostIP !== undefined ? { hostIP } : {}),
      });
    });
  });
  return out;
}

export function readProtocol(f: Fields, path: (string | number)[]): L4Proto {
  const text = f.str(path) ?? 'TCP';
  if ((PROTOCOLS as readonly string[]).includes(text)) return text as L4Proto;
  f.error(path, say('scenario.not_one_of', { value: text, allowed: PROTOCOLS.join(', ') }));
  return 'TCP';
}

export interface CiliumEndpointFacts {
  /** `namespace/name`, the Pod it belongs to. */
  key: string;
  facts: EndpointFacts;
  /** status.networking.addressing[0].ipv4: checked against the pod's IP. */
  ip?: Ipv4;
  f: Fields;
}

export function readCiliumEndpoint(f: Fields): CiliumEndpointFacts {
  const net = ['status', 'networking'];
  const facts: EndpointFacts = {};
  // Identities are 32-bit (cluster-local CIDR identities set bit 24); 0 is "unknown".
  const identity = f.int(['status', 'identity', 'id'], { min: 1, max: 0xffffffff });
  if (identity !== undefined) facts.identity = asIdentity(identity);
  const id = f.int(['status', 'id'], { min: 1, max: 65535 });
  if (id !== undefined) facts.endpointId = asEndpointId(id);
  const mac = readMac(f, [...net, 'mac']);
  if (mac) facts.mac = mac;
  const hostMac = readMac(f, [...net, 'host-mac']);
  if (hostMac) facts.hostMac = hostMac;
  const ifName = f.str([...net, 'interface-name']);
  if (ifName !== undefined) {
    if (/^[^\s/:]{1,15}$/.test(ifName)) facts.interfaceName = ifName;
    else f.error([...net, 'interface-name'], say('scenario.pod.not_device', { value: ifName }));
  }
  const ifIndex = f.int([...net, 'interface-index'], { min: 1, max: 0x7fffffff });
  if (ifIndex !== undefined) facts.interfaceIndex = asIfIndex(ifIndex);
  const netns = f.str([...net, 'netns']);
  if (netns !== undefined) {
    if (/^[^\s/]{1,255}$/.test(netns)) facts.netns = netns;
    else f.error([...net, 'netns'], say('scenario.pod.not_netns', { value: netns }));
  }
  return {
    key: `${f.obj.namespace ?? 'default'}/${f.obj.name}`,
    facts,
    ip: f.ipv4([...net, 'addressing', 0, 'ipv4']),
    f,
  };
}

function readMac(f: Fields, path: string[]): Mac | undefined {
  const text = f.str(path);
  if (text === undefined) return undefined;
  return parseMac(text) ?? f.error(path, say('scenario.not_mac', { value: text }));
}
