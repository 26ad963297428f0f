/**
 * What a cilium-sysdump zip holds, by file name (cilium-cli/sysdump/constants.go,
 * 1.16; docs/sysdump-notes.md). Every name carries the collection time in
 * place of `<ts>` (`20060102-150405`), and the zip has one top directory
 * (`cilium-sysdump-<ts>/`, zipDirectory in sysdump.go), so names are matched
 * on their last path parts, never on the whole path.
 */

/** The Kubernetes objects the scenario is made of: the file's prefix and what it holds. */
export const SYSDUMP_OBJECT_FILES: readonly { prefix: string; holds: string }[] = [
  { prefix: 'k8s-nodes-', holds: 'Node' },
  { prefix: 'k8s-pods-', holds: 'Pod' },
  { prefix: 'k8s-services-', holds: 'Service' },
  { prefix: 'k8s-endpointslices-', holds: 'EndpointSlice' },
  { prefix: 'k8s-networkpolicies-', holds: 'NetworkPolicy' },
  { prefix: 'ciliumnodes-', holds: 'CiliumNode' },
  { prefix: 'ciliumendpoints-', holds: 'CiliumEndpoint' },
  { prefix: 'ciliumnetworkpolicies-', holds: 'CiliumNetworkPolicy' },
  { prefix: 'cilium-configmap-', holds: 'ConfigMap kube-system/cilium-config' },
];

/**
 * The agent tables compared with the model. cilium-bugtool names a command's
 * output file after the command, `/` and spaces turned into `-`, plus `.md`
 * (bugtool/cmd/root.go writeCmdToFile); sysdump unpacks each agent's archive
 * into `cilium-bugtool-<agent pod>-<ts>/` (submitCiliumBugtoolTasks, untar).
 */
export const BUGTOOL_TABLES = {
  ipcache: 'cilium-dbg-bpf-ipcache-list.md',
  lb: 'cilium-dbg-bpf-lb-list.md',
  endpoint: 'cilium-dbg-bpf-endpoint-list.md',
} as const;

export type BugtoolTable = keyof typeof BUGTOOL_TABLES;

/** `cilium-bugtool-cilium-x7k2p-20261130-101500/cmd/...`: the agent pod's name sits between prefix and time. */
export const BUGTOOL_DIR = /(?:^|\/)cilium-bugtool-(.+)-\d{8}-\d{6}\/cmd\/([^/]+)$/;

/** `hubble-flows-<hubble or agent pod>-<ts>.json`: `hubble observe --last N --debug -o jsonpb` (submitHubbleFlowsTasks). */
export const HUBBLE_FLOWS_FILE = /(?:^|\/)hubble-flows-(.+)-\d{8}-\d{6}\.json$/;

/** The file's own name (the zip's entries use `/`). */
export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The object file a zip entry is, if any: its name starts with one of the prefixes and ends in .yaml. */
export function objectFileOf(path: string): (typeof SYSDUMP_OBJECT_FILES)[number] | undefined {
  const name = baseName(path);
  if (!/\.ya?ml$/.test(name)) return undefined;
  // The time must follow the prefix: `k8s-endpoints-<ts>` is not `k8s-endpointslices-`.
  return SYSDUMP_OBJECT_FILES.find((f) => name.startsWith(f.prefix) && /^\d{8}-\d{6}\.ya?ml$/.test(name.slice(f.prefix.length)));
}
