/**
 * Node and CiliumNode. The Node gives the InternalIP and pod CIDRs; the
 * CiliumNode (when given) makes the cilium_host and health IPs exact and is
 * the fallback for pod CIDRs (spec.ipam.podCIDRs, as with IPAM kubernetes).
 */
import type { Fields } from '../fields.ts';
import { ipv6Address } from './ipv6.ts';
import type { NodeModel } from '../model.ts';
import { readDeviceFacts, type DeviceFacts } from '../node-device.ts';
import { parseMac, type Cidr, type Ipv4, type Mac } from '../values.ts';
import { say } from '../issue-text.ts';

export { DEFAULT_DEVICE, DEVICE_ANNOTATION } from '../node-device.ts';
/** Annotation stating the node's other device MACs: `cilium_net=16:cf:..,cilium_host=..,lxc_health=..`. */
export const MACS_ANNOTATION = 'flowlab.cilium.io/macs';

/** Node without its CiliumNode facts yet (pod CIDRs may still come from there) and its device undecided. */
export type NodeDraft = Omit<NodeModel, 'internalIP' | 'device' | 'deviceSubnet' | 'gateway' | 'deviceMac' | 'defaults'> & {
  internalIP?: Ipv4;
  facts: DeviceFacts;
};

export function readNode(f: Fields): NodeDraft {
  return {
    name: f.obj.name,
    internalIP: readAddress(f, ['status', 'addresses'], 'InternalIP', 'address', true),
    internalIP6: ipv6Address(f, ['status', 'addresses'], 'InternalIP', 'address'),
    podCIDRs: readPodCidrs(f),
    labels: f.stringMap(['metadata', 'labels']),
    macs: readMacs(f),
    kubeletVersion: f.str(['status', 'nodeInfo', 'kubeletVersion']),
    facts: readDeviceFacts(f),
    source: f.obj.ref,
  };
}

/** `name=mac` pairs, comma-separated; a bad pair is an error naming the annotation. */
function readMacs(f: Fields): Record<string, Mac> {
  const path = ['metadata', 'annotations', MACS_ANNOTATION];
  const text = f.str(path);
  const out: Record<string, Mac> = {};
  if (text === undefined) return out;
  for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [name, macText, extra] = pair.split('=');
    const mac = macText === undefined ? undefined : parseMac(macText.trim());
    if (!name || mac === undefined || extra !== undefined) {
      f.error(path, say('scenario.node.not_name_mac', { value: pair }));
      continue;
    }
    out[name.trim()] = mac;
  }
  return out;
}

/** spec.podCIDRs, else the older single spec.podCIDR. */
function readPodCidrs(f: Fields): Cidr[] {
  if (f.has(['spec', 'podCIDRs'])) return cidrList(f, ['spec', 'podCIDRs']);
  const one = f.cidr(['spec', 'podCIDR']);
  return one ? [one] : [];
}

/** A list of CIDRs; a dual-stack list's IPv6 entry is skipped (IPv6 is not modelled). */
function cidrList(f: Fields, path: string[]): Cidr[] {
  const out: Cidr[] = [];
  f.list(path).forEach((v, i) => {
    if (typeof v === 'string' && v.includes(':')) return;
    const c = f.cidr([...path, i]);
    if (c) out.push(c);
  });
  return out;
}

/** The first IPv4 address of `type` in an address list (`status.addresses`, CiliumNode `spec.addresses`). */
function readAddress(f: Fields, path: string[], type: string, field: string, required: boolean): Ipv4 | undefined {
  const list = f.list(path);
  const index = list.findIndex((a) => {
    const rec = a as Record<string, unknown> | null;
    return rec?.['type'] === type && !String(rec?.[field] ?? '').includes(':');
  });
  if (index < 0) {
    if (required) f.error(path, say('scenario.node.no_address', { type, kind: f.obj.kind }));
    return undefined;
  }
  return f.ipv4([...path, index, field], true);
}

export interface CiliumNodeFacts {
  name: string;
  internalIP?: Ipv4;
  ciliumInternalIP?: Ipv4;
  healthIP?: Ipv4;
  podCIDRs: Cidr[];
  f: Fields;
}

export function readCiliumNode(f: Fields): CiliumNodeFacts {
  return {
    name: f.obj.name,
    internalIP: readAddress(f, ['spec', 'addresses'], 'InternalIP', 'ip', false),
    ciliumInternalIP: readAddress(f, ['spec', 'addresses'], 'CiliumInternalIP', 'ip', false),
    healthIP: f.ipv4(['spec', 'health', 'ipv4']),
    podCIDRs: cidrList(f, ['spec', 'ipam', 'podCIDRs']),
    f,
  };
}
