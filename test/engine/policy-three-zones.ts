/**
 * The second cluster for policy tests: the built-in three-zones (other CIDRs,
 * node names, namespaces) with policies of its own appended.
 */
import type { Datapath } from '../../src/engine/index.ts';
import { derive } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { scenarioText } from './builtin.ts';

export const THREE_ZONES_POLICIES = `
---
# web accepts only the frontends, on its named port http (80).
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-from-frontend, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
  - from:
    - podSelector: { matchLabels: { app: frontend } }
    ports:
    - port: http
---
# toolbox may reach 1.0.0.0/8 but 1.0.0.0/24, the shop namespace on TCP 80, and kube-dns.
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: { name: toolbox-egress, namespace: default }
spec:
  endpointSelector: { matchLabels: { run: toolbox } }
  egress:
  - toCIDRSet:
    - cidr: 1.0.0.0/8
      except: [1.0.0.0/24]
  - toEndpoints:
    - matchLabels: { k8s:io.kubernetes.pod.namespace: shop }
    toPorts:
    - ports: [{ port: "80", protocol: TCP }]
  - toEndpoints:
    - matchLabels: { k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns }
    toPorts:
    - ports: [{ port: "53", protocol: UDP }]
`;

export function threeZonesWithPolicies(): Datapath {
  const r = loadScenario(scenarioText('three-zones') + THREE_ZONES_POLICIES, 'three-zones-policy');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return derive(r.model);
}
