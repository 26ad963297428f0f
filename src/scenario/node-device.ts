/**
 * A node's native device: its name, subnet, gateway and MAC. The real agent
 * finds them on the host (`devices` or auto-detection, the kernel's routes,
 * the NIC); a scenario of Kubernetes objects has none of that, so they are
 * inputs with documented defaults (README "Node and device facts"):
 *
 * | fact    | from                                                 | default                    |
 * |---------|------------------------------------------------------|----------------------------|
 * | name    | annotation flowlab.cilium.io/device, cilium-config `devices` (first) | eth0      |
 * | subnet  | annotation flowlab.cilium.io/device-subnet          | the /24 around the InternalIP |
 * | gateway | annotation flowlab.cilium.io/gateway                 | the subnet's first host (last if that is the node) |
 * | MAC     | annotation flowlab.cilium.io/device-mac              | derived from the names     |
 * | MTU     | cilium-config `mtu`, annotation flowlab.cilium.io/device-mtu (what the agent would detect) | 1500 |
 *
 * Each default the loader applies is recorded, so `validate` can say so.
 */
import type { Fields } from './fields.ts';
import type { NodeModel } from './model.ts';
import { cidrContains, cidrHost, cidrToString, parseCidr, parseMac, type Cidr, type Ipv4, type Mac } from './values.ts';
import { say } from './issue-text.ts';

export const DEVICE_ANNOTATION = 'flowlab.cilium.io/device';
export const SUBNET_ANNOTATION = 'flowlab.cilium.io/device-subnet';
export const GATEWAY_ANNOTATION = 'flowlab.cilium.io/gateway';
export const MAC_ANNOTATION = 'flowlab.cilium.io/device-mac';
export const MTU_ANNOTATION = 'flowlab.cilium.io/device-mtu';
/** The neutral default device name (most clouds' and kind's first NIC). */
export const DEFAULT_DEVICE = 'eth0';

/** What a Node object says about its device (annotations), before defaults. */
export interface DeviceFacts {
  device?: string;
  deviceSubnet?: Cidr;
  gateway?: Ipv4;
  deviceMac?: Mac;
  deviceMtu?: number;
}

const annotation = (name: string) => ['metadata', 'annotations', name];
/** IFNAMSIZ is 16 with the NUL: at most 15 characters, no spaces, '/' or ':'. */
export const isDeviceName = (s: string) => /^[^\s/:]{1,15}$/.test(s);

export function readDeviceFacts(f: Fields): DeviceFacts {
  const out: DeviceFacts = {};
  const device = f.str(annotation(DEVICE_ANNOTATION));
  if (device !== undefined) {
    if (isDeviceName(device)) out.device = device;
    else f.error(annotation(DEVICE_ANNOTATION), say('scenario.node.not_device', { value: device }));
  }
  const subnet = f.str(annotation(SUBNET_ANNOTATION));
  if (subnet !== undefined) {
    const c = parseCidr(subnet);
    if (c) out.deviceSubnet = c;
    else f.error(annotation(SUBNET_ANNOTATION), say('scenario.not_cidr', { value: `"${subnet}"` }));
  }
  const gateway = f.ipv4(annotation(GATEWAY_ANNOTATION));
  if (gateway) out.gateway = gateway;
  const mac = f.str(annotation(MAC_ANNOTATION));
  if (mac !== undefined) {
    const m = parseMac(mac);
    if (m) out.deviceMac = m;
    else f.error(annotation(MAC_ANNOTATION), say('scenario.not_mac', { value: mac }));
  }
  // Annotation values are strings: "9001".
  const mtu = f.str(annotation(MTU_ANNOTATION));
  if (mtu !== undefined) {
    const n = /^\d+$/.test(mtu) ? Number(mtu) : NaN;
    if (n >= 576 && n <= 65535) out.deviceMtu = n;
    else f.error(annotation(MTU_ANNOTATION), say('scenario.node.not_mtu', { value: mtu }));
  }
  return out;
}

/** The first entry of cilium-config `devices` (space- or comma-separated; a `+` wildcard names no one device). */
export function firstConfiguredDevice(devices: string | undefined): string | undefined {
  const first = (devices ?? '').split(/[\s,]+/).find((d) => d !== '');
  return first && !first.endsWith('+') && isDeviceName(first) ? first : undefined;
}

/** The device facts with defaults applied; a subnet without the InternalIP or a gateway outside it is an error. */
export function resolveDevice(
  facts: DeviceFacts, internalIP: Ipv4, devices: string | undefined, configMtu: number, f: Fields,
): Pick<NodeModel, 'device' | 'deviceSubnet' | 'gateway' | 'deviceMac' | 'deviceMtu' | 'defaults'> {
  const defaults: string[] = [];
  let device = facts.device ?? firstConfiguredDevice(devices);
  if (device === undefined) {
    device = DEFAULT_DEVICE;
    defaults.push(`device ${DEFAULT_DEVICE} (no ${DEVICE_ANNOTATION} annotation, no cilium-config devices)`);
  }
  let subnet = facts.deviceSubnet;
  if (subnet && !cidrContains(subnet, internalIP)) {
    f.error(annotation(SUBNET_ANNOTATION), say('scenario.node.subnet_without_ip', { cidr: cidrToString(subnet), ip: internalIP }));
    subnet = undefined;
  }
  if (!subnet) {
    subnet = { ...(parseCidr(`${internalIP}/24`) ?? { base: internalIP, bits: 32 }) };
    if (!facts.deviceSubnet) defaults.push(`device subnet ${cidrToString(subnet)} (the /24 around the InternalIP)`);
  }
  let gateway = facts.gateway;
  if (gateway && !cidrContains(subnet, gateway)) {
    f.error(annotation(GATEWAY_ANNOTATION), say('scenario.node.gateway_outside', { ip: gateway, cidr: cidrToString(subnet) }));
    gateway = undefined;
  }
  if (!gateway) {
    // The subnet's first host, unless that is the node itself: then its last.
    const first = cidrHost(subnet, 1);
    gateway = first === internalIP ? cidrHost(subnet, 2 ** (32 - subnet.bits) - 2) : first;
    if (!facts.gateway) defaults.push(`gateway ${gateway} (the subnet's ${first === internalIP ? 'last' : 'first'} host)`);
  }
  if (!facts.deviceMac) defaults.push('device MAC derived from the node name');
  if (!facts.deviceMtu && !configMtu) defaults.push('device MTU 1500 (no cilium-config mtu, no device-mtu annotation)');
  return {
    device, deviceSubnet: subnet, gateway, defaults,
    ...(facts.deviceMac ? { deviceMac: facts.deviceMac } : {}), ...(facts.deviceMtu ? { deviceMtu: facts.deviceMtu } : {}),
  };
}
