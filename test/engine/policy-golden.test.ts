/**
 * Golden traces with network policy: allowed and denied flows on
 * kans-lab-policy and on three-zones with policies of its own. The hop
 * sequence, verdicts, drop codes and policy map rows are the spec.
 */
import { describe, expect, it } from 'vitest';
import { traceFlow, type Datapath, type FlowRequest } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';
import { golden } from './golden.ts';
import { threeZonesWithPolicies } from './policy-three-zones.ts';

const CASES: [name: string, dp: () => Datapath, req: FlowRequest][] = [
  ['lab-allow-netpod-webpod1-tcp', () => loadBuiltin('kans-lab-policy'), { from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80 }],
  ['lab-deny-netpod2-webpod1-tcp', () => loadBuiltin('kans-lab-policy'), { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 }],
  ['lab-denylist-netpod2-world-tcp', () => loadBuiltin('kans-lab-policy'), { from: 'netpod2', to: '8.8.8.8', proto: 'tcp', port: 443 }],
  ['lab-allow-netpod-dns-udp', () => loadBuiltin('kans-lab-policy'), { from: 'netpod', to: 'kube-system/kube-dns', proto: 'udp', port: 53 }],
  ['zones-allow-cidr-icmp', threeZonesWithPolicies, { from: 'toolbox', to: '1.1.1.1', proto: 'icmp' }],
  ['zones-deny-cidr-except-icmp', threeZonesWithPolicies, { from: 'toolbox', to: '1.0.0.1', proto: 'icmp' }],
  ['zones-deny-web-ingress-tcp', threeZonesWithPolicies, { from: 'toolbox', to: 'shop/web', proto: 'tcp', port: 8080 }],
  ['zones-allow-frontend-web-tcp', threeZonesWithPolicies, { from: 'frontend-6f7c9d8b4-2xk9p', to: 'shop/web', proto: 'tcp', port: 8080 }],
];

describe('golden traces with network policy', () => {
  it.each(CASES)('%s', async (name, dp, req) => {
    await expect(golden(traceFlow(dp(), req))).toMatchFileSnapshot(`../golden/policy/${name}.txt`);
  });
});
