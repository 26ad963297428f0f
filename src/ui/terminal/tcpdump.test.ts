import { describe, expect, it } from 'vitest';
import { captureIface, targetId, targetLabel, type CaptureTarget } from './tcpdump.ts';

const eth0: CaptureTarget = { kind: 'pod', node: 'k8s-s', pod: 'default/netpod', podIp: '172.16.0.79' };
const ens5: CaptureTarget = { kind: 'device', node: 'k8s-s', iface: 'ens5' };

describe('the tcpdump picker', () => {
  // The store (and links made before the capture moved to the engine) keep these ids.
  it('keeps the store ids of a pod eth0 and of a device', () => {
    expect(targetId(eth0)).toBe('k8s-s/eth0@default/netpod');
    expect(targetId(ens5)).toBe('k8s-s/ens5');
  });

  it('labels the targets and names the interface tcpdump takes', () => {
    expect(targetLabel(eth0)).toBe('default/netpod eth0 (k8s-s)');
    expect(captureIface(eth0)).toBe('eth0');
    expect(captureIface(ens5)).toBe('ens5');
  });
});
