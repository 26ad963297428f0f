import { describe, expect, test } from 'vitest';
import { loadScenario } from './load.ts';
import { notModelled } from './unmodelled.ts';

const CLUSTER = `apiVersion: v1
kind: Node
metadata:
  name: n1
spec:
  podCIDRs: [10.1.1.0/24]
status:
  addresses:
  - {type: InternalIP, address: 192.168.1.1}
---
apiVersion: v1
kind: Service
metadata:
  name: lb
spec:
  type: LoadBalancer
  clusterIP: 10.96.0.50
  externalTrafficPolicy: Local
  healthCheckNodePort: 31999
  externalIPs: [198.51.100.7]
  ports:
  - {port: 80, nodePort: 30080}
status:
  loadBalancer:
    ingress:
    - ip: 198.51.100.8
---
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  nodeName: n1
  hostNetwork: true
  containers:
  - name: c
    ports:
    - {containerPort: 4244, hostPort: 4244}
status:
  phase: Running
`;

const gaps = (extra = '') => {
  const r = loadScenario(CLUSTER + extra, 't');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return notModelled(r.model);
};

describe('validate names what the project does not model', () => {
  test('healthCheckNodePort (userspace, no map row), externalIPs, LoadBalancer IPs, hostPort of host-network pods', () => {
    expect(gaps()).toEqual([
      "Service default/lb: healthCheckNodePort 31999 is answered by the agent's health server in userspace " +
        '(enable-health-check-nodeport): no map row, no hop',
      'Service default/lb: spec.externalIPs is not modelled',
      'Service default/lb: status.loadBalancer.ingress (LoadBalancer IPs) is not modelled',
      'Pod default/agent: hostPort on a host-network pod makes no HostPort frontend (the agent skips it)',
    ]);
  });

  test('enable-health-check-nodeport: false', () => {
    const config = '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config, namespace: kube-system}\n' +
      'data: {enable-health-check-nodeport: "false"}\n';
    expect(gaps(config)[0]).toBe('Service default/lb: healthCheckNodePort 31999 is not served (enable-health-check-nodeport is false)');
  });
});
