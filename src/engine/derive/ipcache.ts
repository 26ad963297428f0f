/**
 * cilium_ipcache: one cluster-wide list of prefixes with their owners, and
 * each node's view of it. The view differs only in what is local: a local
 * router/node IP is `host` (1) with no tunnel endpoint, a remote one is
 * `remote-node` (6) (or `kube-apiserver` (7) for a node IP serving the API),
 * and remote pods carry their node's IP as tunnelendpoint (reference §2).
 */
import { ipv4ToU32, type Ipv4 } from '../../scenario/values.ts';
import { LpmTable } from '../maps/lpm.ts';
import { RESERVED } from './identities.ts';
import type { IpcacheEntry, IpcacheValue } from './types.ts';
import type { Identity } from '../../scenario/values.ts';

const NO_TUNNEL = '0.0.0.0' as Ipv4;

export function buildIpcache(entries: IpcacheEntry[]): LpmTable<IpcacheEntry> {
  const table = new LpmTable<IpcacheEntry>();
  for (const e of entries) table.set(ipv4ToU32(e.prefix.base), e.prefix.bits, e);
  return table;
}

/** The value `viewer`'s agent writes for an entry; `nodeIp` resolves an owner node to its IP. */
export function ipcacheValueFor(entry: IpcacheEntry, viewer: string, nodeIp: (node: string) => Ipv4): IpcacheValue {
  const o = entry.owner;
  const remote = 'node' in o && o.node !== viewer;
  const te = remote && o.kind !== 'node' ? nodeIp(o.node) : NO_TUNNEL;
  let identity: number;
  switch (o.kind) {
    case 'world':
      identity = RESERVED.world;
      break;
    case 'cidr':
      identity = o.identity;
      break;
    case 'pod':
      identity = o.identity;
      break;
    case 'health':
      identity = RESERVED.health;
      break;
    case 'router':
      identity = remote ? RESERVED.remoteNode : RESERVED.host;
      break;
    case 'node':
      identity = !remote ? RESERVED.host : o.apiserver ? RESERVED.kubeApiserver : RESERVED.remoteNode;
      break;
    default: {
      const never: never = o;
      throw new Error(`unknown ipcache owner ${String(never)}`);
    }
  }
  return { identity: identity as Identity, tunnelEndpoint: te, encryptKey: 0, flagSkipTunnel: false };
}
