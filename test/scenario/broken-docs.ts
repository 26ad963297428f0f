/**
 * Small broken documents, each appended to the one-node scenario (node `solo`, pod CIDR 10.1.0.0/24,
 * pods client 10.1.0.11 and server 10.1.0.12, Service echo 10.96.0.50): between them they reach every
 * kind of load problem the Open dialog can show. Used by issue-text.test.ts.
 */
const meta = (kind: string, name: string, ns = 'default', api = 'v1') =>
  `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n`;
const np = (name: string, spec: string) => `${meta('NetworkPolicy', name, 'default', 'networking.k8s.io/v1')}spec:\n${spec}`;
const cnp = (name: string, spec: string) => `${meta('CiliumNetworkPolicy', name, 'default', 'cilium.io/v2')}spec:\n${spec}`;
const svc = (name: string, spec: string, annotations = '') =>
  `${meta('Service', name)}${annotations ? `  annotations:\n${annotations}` : ''}spec:\n${spec}`;
const pod = (name: string, extra: string) =>
  `${meta('Pod', name)}spec:\n  nodeName: solo\n  containers: [{name: c, image: x}]\nstatus:\n  phase: Running\n${extra}`;

export const BROKEN_DOCS: string[] = [
  `${meta('Pod', 'lab')}  labels: [1]\nspec: {nodeName: solo}\nstatus: {phase: Running, podIP: 10.1.0.40}\n`,
  np('sel', '  podSelector: 5\n'),
  np('vals', '  podSelector:\n    matchExpressions:\n    - {key: a, operator: In}\n    - {key: b, operator: Exists, values: [x]}\n'),
  np('op', '  podSelector:\n    matchExpressions:\n    - {key: a, operator: Near, values: [x]}\n'),
  np('v6', '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: "fd00::/8"}\n'),
  np('grp', '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}\n'),
  np('port', '  podSelector: {}\n  ingress:\n  - ports:\n    - {port: "Not_A_Port"}\n    - {port: http, endPort: 90}\n    - {port: 90, endPort: 80}\n    - {protocol: ICMP, port: 1}\n'),
  np('mix', '  podSelector: {}\n  ingress:\n  - from:\n    - {ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}\n    - {}\n    - namespaceSelector: {matchLabels: {team: a}}\n'),
  np('types', '  podSelector: {}\n  policyTypes: [Sideways]\n'),
  `${meta('NetworkPolicy', 'nospec', 'default', 'networking.k8s.io/v1')}spec: {}\n`,
  `${meta('CiliumNetworkPolicy', 'empty', 'default', 'cilium.io/v2')}`,
  cnp('host', '  nodeSelector: {}\n  endpointSelector: {}\n'),
  cnp('nosel', '  ingress: []\n'),
  cnp('ns', '  endpointSelector:\n    matchLabels: {k8s:io.kubernetes.pod.namespace: other}\n'),
  cnp('group', '  endpointSelector: {}\n  ingress:\n  - fromCIDRSet: [{cidrGroupRef: g}]\n    authentication: {mode: required}\n    fromRequires: [{}]\n'),
  cnp('ent', '  endpointSelector: {}\n  egress:\n  - toEntities: [moon]\n    toPorts:\n    - ports: [{port: "80", protocol: QUIC}]\n      rules: {http: [{}]}\n'),
  cnp('icmp', '  endpointSelector: {}\n  egress:\n  - icmps:\n    - fields: [{family: IPv6, type: 1}, {family: IPv5, type: 1}, {type: 999}]\n'),
  `${meta('ConfigMap', 'cilium-config', 'kube-system')}  annotations: {flowlab.cilium.io/capture-start: yesterday}\n` +
    'data: {routing-mode: native, auto-direct-node-routes: "true", tunnel-protocol: gre, monitor-aggregation-flags: "nope", ' +
    'ct-tcp-timeout: "forever", enable-ip-masq-agent: "true", kube-proxy-replacement: "partial", mtu: "9"}\n',
  `${meta('ConfigMap', 'ip-masq-agent', 'kube-system')}data: {config: "nonMasqueradeCIDRs: [10.0.0.0/8, 5, oops]"}\n`,
  svc('types', '  type: Weird\n  clusterIP: None\n  ports: []\n  externalTrafficPolicy: Near\n  internalTrafficPolicy: Far\n'),
  svc('np', '  type: NodePort\n  clusterIP: 10.96.0.51\n  ports:\n  - {port: 80, protocol: TCP}\n  - {port: 80, protocol: TCP, nodePort: 30000}\n  - {port: 81, targetPort: ""}\n'),
  svc('cip', '  clusterIP: 10.96.0.52\n  ports:\n  - {port: 80, nodePort: 30001, targetPort: nope}\n  selector: {app: server}\n'),
  svc('ids', '  clusterIP: 10.96.0.53\n  ports: [{port: 80}]\n', '    flowlab.cilium.io/service-ids: "1,x"\n'),
  svc('ids2', '  clusterIP: 10.96.0.54\n  ports: [{port: 80}]\n', '    flowlab.cilium.io/service-ids: "7,7"\n'),
  svc('ids3', '  clusterIP: 10.96.0.55\n  ports: [{port: 80}]\n', '    flowlab.cilium.io/service-ids: "8,9"\n'),
  svc('ids4', '  clusterIP: 10.96.0.56\n  ports: [{port: 80}]\n', '    flowlab.cilium.io/service-ids: "8"\n'),
  svc('twin', '  clusterIP: 10.96.0.50\n  ports: [{port: 80}]\n  selector: {app: nothing}\n'),
  svc('nosel', '  clusterIP: 10.96.0.57\n  ports: [{port: 80}]\n'),
  svc('np2', '  type: NodePort\n  clusterIP: 10.96.0.58\n  ports: [{port: 80, nodePort: 30000}]\n'),
  svc('headless', '  ports: [{port: 80}]\n'),
  `${meta('EndpointSlice', 's1', 'default', 'discovery.k8s.io/v1')}  labels: {kubernetes.io/service-name: ghost}\n` +
    'addressType: IPv4\nendpoints:\n- addresses: []\n',
  pod('p1', '  podIP: 10.1.0.11\n'),
  pod('p2', '  podIP: 10.9.0.1\n'),
  pod('p3', '  podIPs: [{ip: "fd00::1"}]\n'),
  pod('p4', '  podIP: 10.1.0.41\n  podIPs: [{ip: 10.1.0.41}, {ip: "fd00::zz"}]\n'),
  `${meta('Pod', 'hn')}spec: {nodeName: solo, hostNetwork: true}\nstatus: {phase: Running, podIP: 10.1.0.99}\n`,
  `${meta('CiliumEndpoint', 'server')}status:\n  id: 5\n  networking:\n    addressing: [{ipv4: 10.1.0.99}]\n` +
    '    mac: zz\n    host-mac: "aa:bb"\n    interface-name: "a very long name"\n    netns: "/x/y"\n',
  `${meta('CiliumEndpoint', 'client')}status:\n  id: 5\n`,
  `${meta('CiliumEndpoint', 'cilium-x2v9q', 'kube-system')}status: {id: 9}\n`,
  `${meta('CiliumEndpoint', 'ghost')}status: {id: 10}\n`,
  `apiVersion: cilium.io/v2\nkind: CiliumNode\nmetadata: {name: solo}\nspec:\n  addresses: [{ip: 172.18.0.9, type: InternalIP}, {ip: 10.9.9.9, type: CiliumInternalIP}]\n` +
    '  health: {ipv4: 10.1.0.11}\n',
  'apiVersion: cilium.io/v2\nkind: CiliumNode\nmetadata: {name: elsewhere}\nspec: {}\n',
  'apiVersion: v1\nkind: Node\nmetadata:\n  name: two\n  annotations:\n    flowlab.cilium.io/device: "a b"\n' +
    '    flowlab.cilium.io/device-subnet: "10.0.0.0/99"\n    flowlab.cilium.io/device-mac: "xx"\n    flowlab.cilium.io/device-mtu: "10"\n' +
    '    flowlab.cilium.io/macs: "cilium_host"\nspec: {podCIDRs: [10.1.0.0/25]}\nstatus: {addresses: [{address: 172.18.0.3, type: Hostname}]}\n',
  'apiVersion: v1\nkind: Node\nmetadata:\n  name: three\n  annotations:\n    flowlab.cilium.io/device-subnet: "192.168.0.0/24"\n' +
    '    flowlab.cilium.io/gateway: "10.0.0.1"\nspec: {}\nstatus: {addresses: [{address: 172.18.0.4, type: InternalIP}]}\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: "Bad_Name", namespace: "Bad NS", labels: {"-bad/key/x": "v!", "a/-b": ok, "Bad..Prefix/k": v}}\n' +
    'spec: {nodeName: solo}\nstatus: {phase: Pending}\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: 1abc}\nspec: {clusterIP: 10.96.0.59, ports: [{port: 80}]}\n',
  `${meta('Pod', 'twice')}spec: {nodeName: solo}\nstatus: {phase: Pending}\n---\napiVersion: v1\nkind: List\nitems:\n` +
    `- {apiVersion: v1, kind: Pod, metadata: {name: dup}, spec: {nodeName: solo}, status: {phase: Pending}}\n` +
    `- {apiVersion: v1, kind: Pod, metadata: {name: dup}, spec: {nodeName: solo}, status: {phase: Pending}}\n` +
    `---\n${meta('Pod', 'twice')}spec: {nodeName: solo}\nstatus: {phase: Pending}\n`,
];
