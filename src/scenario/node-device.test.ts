import { describe, expect, it } from 'vitest';
import { loadScenario } from './load.ts';

const node = (annotations: string, config = '') => `
apiVersion: v1
kind: Node
metadata:
  name: n1
  annotations:
${annotations}
spec:
  podCIDRs: [10.244.0.0/24]
status:
  addresses:
  - type: InternalIP
    address: 10.1.2.3
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cilium-config
  namespace: kube-system
  annotations:
    flowlab.cilium.io/capture-start: "2024-11-01T14:01:20.633Z"
data:
  routing-mode: native
${config}
`;

describe('node device facts', () => {
  it('reads the device annotations: subnet, gateway, MAC, MTU; nothing defaulted', () => {
    const r = loadScenario(node(`    flowlab.cilium.io/device: ens5
    flowlab.cilium.io/device-subnet: 10.1.0.0/16
    flowlab.cilium.io/gateway: 10.1.0.254
    flowlab.cilium.io/device-mac: 02:7e:ae:5f:c8:a9
    flowlab.cilium.io/device-mtu: "9001"`), 't');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.nodes[0]).toMatchObject({
      device: 'ens5', deviceSubnet: { base: '10.1.0.0', bits: 16 }, gateway: '10.1.0.254', deviceMac: '02:7e:ae:5f:c8:a9', deviceMtu: 9001,
      defaults: [],
    });
    expect(r.model.captureStartUs).toBe(Date.UTC(2024, 10, 1, 14, 1, 20, 633) * 1000);
  });

  it('takes the device from cilium-config devices when the node does not name one', () => {
    const r = loadScenario(node('    x: "1"', '  devices: "ens6 ens7"\n  mtu: "1450"'), 't');
    expect(r.ok && r.model.nodes[0]?.device).toBe('ens6');
    expect(r.ok && r.model.config.mtu).toBe(1450);
  });

  it('refuses a subnet without the node, a gateway outside it and a bad capture time, naming the annotation', () => {
    const r = loadScenario(node(`    flowlab.cilium.io/device-subnet: 10.9.0.0/24
    flowlab.cilium.io/device-mtu: "jumbo"`).replace('2024-11-01T14:01:20.633Z', 'yesterday'), 't');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => e.message).join('\n');
    expect(messages).toContain("metadata.annotations['flowlab.cilium.io/device-subnet']");
    expect(messages).toContain('10.9.0.0/24 does not contain the node\'s InternalIP 10.1.2.3');
    expect(messages).toContain('"jumbo" is not an MTU (576 to 65535)');
    expect(messages).toContain('"yesterday" is not an RFC 3339 time');
  });
});
