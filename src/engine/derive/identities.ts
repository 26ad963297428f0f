/**
 * Security identities (pkg/identity). Pods with the same identity-relevant
 * labels share one identity. A CiliumEndpoint's status.identity.id is taken as
 * given; the rest are allocated from 256 up, in a stable order of label sets,
 * skipping numbers already taken.
 */
import type { ClusterModel, PodModel } from '../../scenario/model.ts';
import { asIdentity, type Identity } from '../../scenario/values.ts';
import { must } from '../util/internal.ts';
import type { DeriveTicker } from './progress.ts';
import type { IdentityInfo } from './types.ts';

/** Reserved identities (pkg/identity/numericidentity.go). */
export const RESERVED = {
  unknown: 0, host: 1, world: 2, unmanaged: 3, health: 4, init: 5, remoteNode: 6, kubeApiserver: 7, ingress: 8,
} as const;

export const RESERVED_NAMES: Record<number, string> = {
  0: 'unknown', 1: 'host', 2: 'world', 3: 'unmanaged', 4: 'health', 5: 'init', 6: 'remote-node',
  7: 'kube-apiserver', 8: 'ingress',
};

const FIRST_CLUSTER_IDENTITY = 256;

/** The labels Cilium derives a pod's identity from, `source:key=value`, sorted. */
export function identityLabels(pod: PodModel, clusterName: string, namespaceLabels: Record<string, string>): string[] {
  const labels = Object.entries(pod.labels)
    // pod-template-hash and friends are excluded by the default identity-relevant label filter
    .filter(([k]) => !/^(pod-template-hash|controller-revision-hash|pod-template-generation|statefulset\.kubernetes\.io\/pod-name)$/.test(k))
    .map(([k, v]) => `k8s:${k}=${v}`);
  for (const [k, v] of Object.entries(namespaceLabels)) labels.push(`k8s:io.cilium.k8s.namespace.labels.${k}=${v}`);
  labels.push(
    `k8s:io.cilium.k8s.policy.cluster=${clusterName}`,
    `k8s:io.cilium.k8s.policy.serviceaccount=${pod.serviceAccount ?? 'default'}`,
    `k8s:io.kubernetes.pod.namespace=${pod.namespace}`,
  );
  return labels.sort();
}

export interface IdentityAllocation {
  /** By the pod itself (one of `managedPods`): no `namespace/name` string per pod. */
  byPod: Map<PodModel, Identity>;
  infos: Map<number, IdentityInfo>;
}

export function allocateIdentities(model: ClusterModel, managedPods: PodModel[], tick?: DeriveTicker): IdentityAllocation {
  const clusterName = model.config.raw['cluster-name'] ?? 'default';
  const infos = new Map<number, IdentityInfo>();
  for (const [id, name] of Object.entries(RESERVED_NAMES)) {
    infos.set(Number(id), { id: asIdentity(Number(id)), labels: [`reserved:${name}`], reserved: true });
  }
  const labelsOf = new Map<string, string[]>();
  // Many pods share a label set (replicas): compute each set's identity labels once.
  const keyOfPodLabels = new Map<string, string>();
  const setKey = (pod: PodModel) => {
    tick?.add();
    const raw = `${pod.namespace}\u0000${pod.serviceAccount ?? ''}\u0000${JSON.stringify(pod.labels)}`;
    const known = keyOfPodLabels.get(raw);
    if (known !== undefined) return known;
    const labels = identityLabels(pod, clusterName, { 'kubernetes.io/metadata.name': pod.namespace });
    const key = labels.join(';');
    labelsOf.set(key, labels);
    keyOfPodLabels.set(raw, key);
    return key;
  };
  const byLabelSet = new Map<string, Identity>();
  const podKeys = managedPods.map((p) => [p, setKey(p)] as const);
  // Given identities first, so derived ones never collide with them.
  for (const [pod, key] of podKeys) {
    const given = pod.endpoint.identity;
    if (given !== undefined && !byLabelSet.has(key)) byLabelSet.set(key, given);
  }
  const taken = new Set<number>([...byLabelSet.values()]);
  let next = FIRST_CLUSTER_IDENTITY;
  for (const key of [...new Set(podKeys.map(([, k]) => k))].sort()) {
    if (byLabelSet.has(key)) continue;
    while (taken.has(next)) next++;
    byLabelSet.set(key, asIdentity(next));
    taken.add(next);
  }
  const byPod = new Map<PodModel, Identity>();
  for (const [pod, key] of podKeys) {
    tick?.add();
    const id = pod.endpoint.identity ?? must(byLabelSet.get(key), () => `the identity of label set ${key}`);
    byPod.set(pod, id);
    if (!infos.has(id)) infos.set(id, { id, labels: must(labelsOf.get(key), () => `the labels of ${key}`), reserved: false });
  }
  return { byPod, infos };
}
