/**
 * Golden traces: the hop sequence of each flow is the spec. A change to the
 * engine that changes a path shows up here as a diff to review.
 */
import { describe, expect, it } from 'vitest';
import { MODE_PRESETS, traceFlow, type FlowRequest, type Settings } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';
import { golden } from './golden.ts';

interface Case { name: string; req: FlowRequest; settings?: Settings }

const KUBE_PROXY = MODE_PRESETS.find((m) => m.id === 'kube-proxy')!.settings;

const LAB: Case[] = [
  { name: 'same-node-icmp', req: { from: 'netpod', to: 'netpod2', proto: 'icmp' } },
  { name: 'same-node-tcp', req: { from: 'netpod', to: 'netpod2', proto: 'tcp', port: 80 } },
  { name: 'cross-node-icmp', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' } },
  { name: 'cross-node-icmp-masq', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' }, settings: { 'enable-ip-masq-agent': 'false' } },
  { name: 'service-tcp', req: { from: 'netpod', to: 'svc', proto: 'tcp' } },
  { name: 'dns-udp', req: { from: 'netpod', to: 'kube-system/kube-dns', proto: 'udp', port: 53 } },
  { name: 'world-tcp', req: { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443 } },
  { name: 'no-endpoint', req: { from: 'netpod', to: '172.16.1.99', proto: 'icmp' } },
  { name: 'node-to-pod', req: { from: 'k8s-w1', to: 'netpod', proto: 'icmp' } },
  { name: 'pod-to-apiserver-service', req: { from: 'webpod1', to: 'kubernetes', proto: 'tcp' } },
  { name: 'pod-to-own-node', req: { from: 'netpod', to: 'k8s-s', proto: 'icmp' } },
  { name: 'tunnel-vxlan-icmp', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' }, settings: { 'routing-mode': 'tunnel' } },
  { name: 'tunnel-geneve-tcp', req: { from: 'netpod', to: 'svc', proto: 'tcp' }, settings: { 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' } },
  { name: 'legacy-routing-same-node', req: { from: 'netpod', to: 'netpod2', proto: 'icmp' }, settings: { 'enable-host-legacy-routing': 'true' } },
  { name: 'legacy-routing-cross-node', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' }, settings: { 'enable-host-legacy-routing': 'true' } },
  { name: 'nodeport-from-outside', req: { from: '203.0.113.7', to: 'k8s-s', proto: 'tcp', port: 32283 } },
  { name: 'nodeport-local-backend', req: { from: '203.0.113.7', to: 'k8s-w2', proto: 'tcp', port: 32283 } },
  { name: 'tunnel-with-legacy-routing', req: { from: 'netpod', to: 'webpod1', proto: 'icmp' }, settings: { 'routing-mode': 'tunnel', 'enable-host-legacy-routing': 'true' } },
  { name: 'per-packet-lb-tcp', req: { from: 'netpod', to: 'svc', proto: 'tcp' }, settings: { 'bpf-lb-sock': 'false' } },
  { name: 'kube-proxy-pod-to-service', req: { from: 'netpod', to: 'svc', proto: 'tcp' }, settings: KUBE_PROXY },
  { name: 'kube-proxy-node-to-service', req: { from: 'k8s-w1', to: 'svc', proto: 'tcp' }, settings: KUBE_PROXY },
  { name: 'kube-proxy-nodeport', req: { from: '203.0.113.7', to: 'k8s-s', proto: 'tcp', port: 32283 }, settings: KUBE_PROXY },
  { name: 'kube-proxy-world', req: { from: 'netpod', to: '8.8.8.8', proto: 'tcp', port: 443 }, settings: KUBE_PROXY },
  { name: 'no-endpoint-routes-unroutable', req: { from: 'k8s-w1', to: '172.16.1.99', proto: 'icmp' }, settings: { 'enable-endpoint-routes': 'false' } },
];

const THREE_ZONES: Case[] = [
  { name: 'service-port-mapping', req: { from: 'toolbox', to: 'shop/web', proto: 'tcp', port: 8080 } },
  { name: 'service-no-backends', req: { from: 'toolbox', to: 'shop/payments', proto: 'tcp' } },
  { name: 'cross-node-tcp', req: { from: 'toolbox', to: 'frontend-6f7c9d8b4-2xk9p', proto: 'tcp', port: 80 } },
  { name: 'world-icmp', req: { from: 'toolbox', to: '1.1.1.1', proto: 'icmp' } },
  { name: 'no-endpoint-via-cilium-host', req: { from: 'toolbox', to: '10.244.0.99', proto: 'icmp' } },
  { name: 'per-packet-lb-port-mapping', req: { from: 'toolbox', to: 'shop/web', proto: 'tcp', port: 8080 }, settings: { 'bpf-lb-sock': 'false' } },
  { name: 'tunnel-cross-node', req: { from: 'toolbox', to: 'frontend-6f7c9d8b4-2xk9p', proto: 'tcp', port: 80 }, settings: { 'routing-mode': 'tunnel' } },
];

describe.each([
  ['kans-lab', LAB],
  ['three-zones', THREE_ZONES],
] as const)('golden traces of %s', (scenario, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const dp = loadBuiltin(scenario, c.settings);
    await expect(golden(traceFlow(dp, c.req))).toMatchFileSnapshot(`../golden/${scenario}/${name}.txt`);
  });
});
