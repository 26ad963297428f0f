/**
 * The built-in lab derives the seed's maps: every row of `c0 map get
 * cilium_ipcache`, the svc frontend with its backends, and the rev-NAT list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tablesAt } from '../../src/engine/index.ts';
import { loadBuiltin } from './builtin.ts';

const seed = (name: string) => readFileSync(new URL(`../fixtures/seed/${name}`, import.meta.url), 'utf8');
/** Rows of a `Key  Value  State` table: [key, value] with the value's inner spacing kept. */
const rows = (text: string) =>
  text.split('\n').slice(1).filter((l) => l.trim()).map((l) => l.trim().split(/\s{2,}/) as [string, string, string?]);

describe('kans-lab maps on k8s-s (c0)', () => {
  const dp = loadBuiltin('kans-lab');
  const tables = tablesAt(dp, undefined, -1, 'k8s-s');

  it('holds every row of the seed ipcache with the same identity and tunnel endpoint', () => {
    const ipcache = tables.cilium_ipcache!;
    const seedRows = rows(seed('map-get-cilium_ipcache.txt'));
    // The whole block: 17 rows, the last the remote node k8s-w1's cilium_host (172.16.1.1, remote-node).
    expect(seedRows).toHaveLength(17);
    expect(seedRows.at(-1)).toEqual(['172.16.1.1/32', 'identity=6 encryptkey=0 tunnelendpoint=192.168.10.101, flags=<none>', 'sync']);
    for (const [key, value] of seedRows) {
      expect(ipcache.get(key), key).toBe(value);
    }
  });

  it('gives the service svc ID 9, backends 11 and 12 in slots 1 and 2, as services_v2 shows', () => {
    const svc = tables.cilium_lb4_services_v2!;
    for (const [key, value] of rows(seed('map-get-cilium_lb4_services_v2-svc.txt'))) expect(svc.get(key), key).toBe(value);
    const backends = tables.cilium_lb4_backends_v3!;
    for (const [key, value] of rows(seed('map-get-cilium_lb4_backends_v3-svc.txt'))) expect(backends.get(key), key).toBe(value);
  });

  it('numbers the frontends as the seed\'s bpf lb list --revnat does', () => {
    const revnat = tables.cilium_lb4_reverse_nat!;
    for (const [id, addr] of rows(seed('bpf-lb-list-revnat.txt'))) {
      expect(revnat.get(id), id).toBe(addr);
    }
  });

  it('answers ARP with the lxc MAC the seed\'s ip neigh shows, and delivers to the peer lxc', () => {
    const netpod = dp.endpointByKey.get('default/netpod')!;
    expect(netpod.lxcName).toBe('lxce880e1eecb7a');
    expect(netpod.nodeMac).toBe('3e:6a:d8:a6:93:05');
    expect(dp.node('k8s-s')!.ciliumHostIp).toBe('172.16.0.189');
    // p3 (netpod2) ip -c neigh: its gateway is at b2:34:10:43:81:c6, from its CiliumEndpoint as netpod's.
    expect(dp.endpointByKey.get('default/netpod2')!.nodeMac).toBe('b2:34:10:43:81:c6');
  });

  it('routes the other nodes\' pod CIDRs via their node IPs (auto-direct-node-routes)', () => {
    const fib = tables.fib!;
    expect(fib.get('172.16.1.0/24')).toBe('172.16.1.0/24 via 192.168.10.101 dev ens5 proto kernel');
    expect(fib.get('172.16.2.0/24')).toBe('172.16.2.0/24 via 192.168.10.102 dev ens5 proto kernel');
    expect(fib.get('172.16.0.79')).toBe('172.16.0.79 dev lxce880e1eecb7a proto kernel scope link');
  });

  it('derives an identity for netpod2, whose CiliumEndpoint has none, that no other label set uses', () => {
    const id = dp.endpointByKey.get('default/netpod2')!.identity;
    expect(id).toBeGreaterThanOrEqual(256);
    expect([26332, 10037, 40127, 46309, 2396]).not.toContain(id);
  });

  it('gives hubble-peer (internalTrafficPolicy Local) each node\'s own agent only, flagged InternalLocal', () => {
    for (const [node, agent] of [['k8s-s', '192.168.10.10'], ['k8s-w1', '192.168.10.101']] as const) {
      const f = dp.nodeFrontends(node).find((x) => x.service === 'kube-system/hubble-peer');
      expect(f?.backendIds.map((id) => dp.backends.get(id)?.address)).toEqual([agent]);
      expect(f?.flags).toEqual(['ClusterIP', 'InternalLocal', 'non-routable']);
      expect(f?.flagBits).toBe(0x1000);
    }
  });
});
