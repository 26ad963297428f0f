/**
 * The "Modules Health" tree of `cilium-dbg status --verbose`: the 1.16 agent's
 * hive modules and their jobs (a fixed layout of the agent), with what the
 * node decides filled in: its endpoints, the other nodes its neighbour
 * updater serves, its router address, its NodePort frontends. Timings are
 * the agent's and in no object: a stable value per name.
 */
import type { Datapath, NodeDatapath } from '../../derive/types.ts';
import { deviceOf } from '../../derive/lookups.ts';
import { hash53 } from '../../util/hash.ts';
import { linkLocal } from '../../util/link-local.ts';

interface Item {
  name: string;
  /** `[OK] <message>`; the `(Ns, xK)` suffix is added. */
  ok?: string;
  count?: number;
  children?: Item[];
}

/** The status text starts in this column (the seed's tree: 66 characters). */
const STATUS_COLUMN = 66;

const job = (name: string, ok: string, count = 1): Item => ({ name, ok, count });
const group = (name: string, children: Item[]): Item => ({ name, children });

function tree(dp: Datapath, node: NodeDatapath, endpointIds: readonly number[]): Item {
  const others = dp.nodes.filter((n) => n !== node);
  const nodePorts = dp.nodeFrontends(node.name).filter((f) => f.type === 'NodePort' && f.scope === 'node').length;
  const host = deviceOf(node, 'cilium_host');
  const endpoints = endpointIds.map((id) => {
    const ep = node.endpoints.find((e) => e.id === id);
    const pod = ep && !ep.isHealth ? ep.key : '/';
    return group(`cilium-endpoint-${id} (${pod})`, [
      job('datapath-regenerate', 'Endpoint regeneration successful', 2),
      job('policymap-sync', `sync-policymap-${id}`),
    ]);
  });
  return group('agent', [
    group('controlplane', [
      group('auth', [
        job('observer-job-auth gc-identity-events', 'Primed'), job('observer-job-auth request-authentication', 'Primed'),
        job('timer-job-auth gc-cleanup', 'Primed'),
      ]),
      group('bgp-control-plane', [
        job('job-bgp-crd-status-initialize', 'Running'), job('job-bgp-crd-status-update-job', 'Running'),
        job('job-bgp-state-observer', 'Running'), job('job-diffstore-events', 'Running', 2),
      ]),
      group('daemon', [
        job('', 'daemon-validate-config'),
        group('ep-bpf-prog-watchdog', [job('ep-bpf-prog-watchdog', 'ep-bpf-prog-watchdog')]),
        job('job-sync-hostips', 'Synchronized'),
      ]),
      group('endpoint-manager', [...endpoints, job('endpoint-gc', 'endpoint-gc')]),
      group('envoy-proxy', [job('timer-job-version-check', 'Primed')]),
      group('l2-announcer', [job('job-l2-announcer lease-gc', 'Running')]),
      group('nat-stats', [job('timer-job-nat-stats', 'OK')]),
      group('node-manager', [
        group('neighbor-link-updater', others.map((o) => job(o.name, 'Node neighbor link update successful'))),
        job('node-checkpoint-writer', 'node checkpoint written'),
        job('nodes-add', 'Node adds successful', dp.nodes.length),
      ]),
      group('service-manager', [job('job-ServiceReconciler', `${nodePorts} NodePort frontend addresses`)]),
      group('service-resolver', [job('job-service-reloader-initializer', 'Running')]),
      group('stale-endpoint-cleanup', [job('job-endpoint-cleanup', 'Running')]),
      job('timer-job-device-reloader', 'OK'),
    ]),
    group('datapath', [
      group('agent-liveness-updater', [job('timer-job-agent-liveness-updater', 'OK')]),
      group('iptables', [
        group('ipset', [
          job('job-ipset-init-finalizer', 'Running'), job('job-reconcile', 'OK, 0 object(s)'),
          job('job-refresh', 'Next refresh in 30m0s'),
        ]),
        job('job-iptables-reconciliation-loop', 'iptables rules full reconciliation completed'),
      ]),
      group('l2-responder', [job('job-l2-responder-reconciler', 'Running')]),
      group('maps', [group('bwmap', [job('timer-job-pressure-metric-throttle', 'Primed')])]),
      group('node-address', [
        job('job-node-address-update', `${node.ciliumHostIp} (primary), ${linkLocal(host.mac)} (primary)`),
      ]),
      group('sysctl', [job('job-reconcile', 'OK, 16 object(s)', 9), job('job-refresh', 'Next refresh in 10m0s')]),
    ]),
    group('infra', [group('k8s-synced-crdsync', [job('job-sync-crds', 'Running')])]),
  ]);
}

function render(item: Item, prefix: string, childPrefix: string, out: string[]): void {
  const head = `${prefix}${item.name}`;
  if (item.ok !== undefined) {
    const age = 2 + (hash53(`${childPrefix}${item.name}`) % 22);
    out.push(`${head.padEnd(STATUS_COLUMN)}[OK] ${item.ok} (${age}s, x${item.count ?? 1})`);
  } else out.push(head);
  const kids = item.children ?? [];
  kids.forEach((k, i) => {
    const last = i === kids.length - 1;
    render(k, `${childPrefix}${last ? '└── ' : '├── '}`, `${childPrefix}${last ? '    ' : '│   '}`, out);
  });
}

export function modulesHealth(dp: Datapath, node: NodeDatapath, endpointIds: readonly number[]): string[] {
  const out = ['Modules Health:'];
  render(tree(dp, node, endpointIds), '      ', '      ', out);
  return out;
}
