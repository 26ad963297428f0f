import { describe, expect, it } from 'vitest';
import type { MapTables } from '../../maps/rows.ts';
import { seedDatapath as dp } from '../__fixtures__/seed-datapath.ts';
import { runCiliumCommand, type CiliumResult } from './dispatch.ts';

const lines = (s: string) => s.split('\n').map((l) => l.trimEnd());
const text = (r: CiliumResult) => {
  if (!r.ok) throw new Error(r.error);
  return r.text;
};
const run = (argv: string, tables: MapTables = {}) => text(runCiliumCommand(dp, tables, 'k8s-s', argv.split(' ')));

describe('cilium CLI views against the seed (k8s-s)', () => {
  it('service list: the seed lines of svc 10.10.252.131:80, sorted by ID', () => {
    const out = lines(run('service list'));
    expect(out[0]).toBe('ID   Frontend              Service Type   Backend');
    const at = out.indexOf('9    10.10.252.131:80      ClusterIP      1 => 172.16.1.235:80 (active)');
    expect(at).toBeGreaterThan(0);
    expect(out[at + 1]).toBe('                                          2 => 172.16.2.253:80 (active)');
    const ids = out.slice(1).filter((l) => /^\d/.test(l)).map((l) => Number(l.split(' ')[0]));
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('bpf lb list: one row per slot, the master with its flags', () => {
    const out = lines(run('bpf lb list'));
    expect(out[0]).toBe('SERVICE ADDRESS           BACKEND ADDRESS (REVNAT_ID) (SLOT)');
    expect(out).toEqual(expect.arrayContaining([
      '10.10.252.131:80 (2)      172.16.2.253:80 (9) (2)',
      '10.10.252.131:80 (1)      172.16.1.235:80 (9) (1)',
      '10.10.252.131:80 (0)      0.0.0.0:0 (9) (0) [ClusterIP, non-routable]',
      '192.168.10.10:32283 (0)   0.0.0.0:0 (7) (0) [NodePort]',
    ]));
    // Go's format string leaves a space after the flags; the padding follows it.
    expect(run('bpf lb list')).toContain('[ClusterIP, non-routable]    \n');
  });

  it('bpf lb list --revnat: the seed block, as a set (Go map order)', () => {
    const out = lines(run('bpf lb list --revnat')).filter(Boolean);
    expect(out[0]).toBe('ID   BACKEND ADDRESS (REVNAT_ID) (SLOT)');
    expect(new Set(out.slice(1))).toEqual(new Set([
      '1    10.10.0.1:443', '4    10.10.25.166:80', '6    10.10.0.10:9153', '7    192.168.10.10:32283',
      '2    10.10.152.163:443', '9    10.10.252.131:80', '5    10.10.0.10:53', '8    0.0.0.0:32283', '3    10.10.15.144:80',
    ]));
  });

  it('map get cilium_lb4_services_v2 / backends_v3: the seed rows, State sync', () => {
    const svc = lines(run('map get cilium_lb4_services_v2'));
    expect(svc[0]).toBe('Key                       Value                State   Error');
    expect(svc).toEqual(expect.arrayContaining([
      '10.10.252.131:80 (2)      12 0 (9) [0x0 0x0]   sync',
      '10.10.252.131:80 (1)      11 0 (9) [0x0 0x0]   sync',
      '10.10.252.131:80 (0)      0 2 (9) [0x0 0x0]    sync',
      '192.168.10.10:32283 (0)   0 1 (7) [0x42 0x0]   sync',
    ]));
    const be = lines(run('map get cilium_lb4_backends_v3'));
    expect(be).toEqual(expect.arrayContaining(['11    ANY://172.16.1.235    sync', '12    ANY://172.16.2.253    sync']));
  });

  it('map get prints the node tables as given, State empty for maps without a userspace cache', () => {
    const reverseSk = new Map([
      ['[172.16.1.235]:20480, 41965', '[10.10.252.131]:20480, 2304'],
      ['[192.168.10.10]:11033, 8207', '[10.10.0.1]:-17663, 256'],
    ]);
    expect(lines(run('map get cilium_lb4_reverse_sk', { cilium_lb4_reverse_sk: reverseSk }))).toEqual([
      'Key                           Value                         State   Error',
      '[172.16.1.235]:20480, 41965   [10.10.252.131]:20480, 2304',
      '[192.168.10.10]:11033, 8207   [10.10.0.1]:-17663, 256',
      '',
    ]);
    expect(run('map get cilium_lb4_reverse_sk')).toBe('Cache is empty\n\n');
    // The agent's NAT cache never holds datapath-created entries.
    const nat = new Map([['TCP OUT 172.16.0.79:43654 -> 8.8.8.8:443', 'XLATE_SRC 192.168.10.10:43654 Created=1sec ago NeedsCT=0']]);
    expect(run('map get cilium_snat_v4_external', { cilium_snat_v4_external: nat })).toBe('Cache is empty\n\n');
  });

  it('bpf nat list and bpf ct list global print key and value per line, each dump ending in an empty line', () => {
    const tables: MapTables = {
      cilium_snat_v4_external: new Map([
        ['TCP OUT 172.16.0.79:43654 -> 8.8.8.8:443', 'XLATE_SRC 192.168.10.10:43654 Created=1sec ago NeedsCT=0'],
        ['TCP IN 8.8.8.8:443 -> 192.168.10.10:43654', 'XLATE_DST 172.16.0.79:43654 Created=1sec ago NeedsCT=0'],
      ]),
      cilium_ct4_global: new Map([['TCP OUT 172.16.0.79:43654 -> 8.8.8.8:443', 'expires=100 Packets=0 BackendID=0 ']]),
      cilium_ct_any4_global: new Map([['ICMP OUT 172.16.0.79:0 -> 8.8.8.8:0 related', 'expires=60 BackendID=0 ']]),
    };
    expect(run('bpf nat list', tables)).toBe(
      'TCP OUT 172.16.0.79:43654 -> 8.8.8.8:443 XLATE_SRC 192.168.10.10:43654 Created=1sec ago NeedsCT=0\n' +
        'TCP IN 8.8.8.8:443 -> 192.168.10.10:43654 XLATE_DST 172.16.0.79:43654 Created=1sec ago NeedsCT=0\n\n',
    );
    expect(run('bpf ct list global', tables)).toBe(
      'TCP OUT 172.16.0.79:43654 -> 8.8.8.8:443 expires=100 Packets=0 BackendID=0 \n\n' +
        'ICMP OUT 172.16.0.79:0 -> 8.8.8.8:0 related expires=60 BackendID=0 \n\n',
    );
    expect(run('bpf ct list global')).toBe('\n\n');
  });

  it('bpf endpoint list: Go %-5d padding, upper-case MACs, host addresses as (localhost)', () => {
    const out = lines(run('bpf endpoint list'));
    expect(out[0]).toBe('IP ADDRESS        LOCAL ENDPOINT INFO');
    expect(out).toContain('172.16.0.79:0     id=2001  sec_id=26332 flags=0x0000 ifindex=14  mac=9E:21:0C:4B:7A:11 nodemac=F2:5D:33:A0:6C:02');
    expect(out).toContain('192.168.10.10:0   (localhost)');
    expect(out).toContain('172.16.0.189:0    (localhost)');
  });

  it('endpoint list: two header lines, one label per line, sorted by endpoint ID', () => {
    const out = lines(run('endpoint list'));
    expect(out[0]).toMatch(/^ENDPOINT   POLICY \(ingress\)   POLICY \(egress\)   IDENTITY   LABELS \(source:key\[=value\]\) +IPv6   IPv4 +STATUS$/);
    expect(out[1]).toMatch(/^ {11}ENFORCEMENT {8}ENFORCEMENT$/);
    expect(out[2]).toMatch(/^311 +Disabled +Disabled +4 +reserved:health +172\.16\.0\.43 +ready$/);
    // The host endpoint (the write-up's status counts it): identity 1, reserved:host, no IP.
    expect(out[3]).toMatch(/^1519 +Disabled +Disabled +1 +reserved:host +ready$/);
    expect(out[4]).toMatch(/^2001 +Disabled +Disabled +26332 +k8s:app=netpod +172\.16\.0\.79 +ready$/);
    expect(out[5]).toMatch(/^ +k8s:io\.kubernetes\.pod\.namespace=default$/);
  });

  it('bpf endpoint list: the host endpoint\'s addresses are (localhost) rows (AddHostEntry, EndpointFlagHost)', () => {
    const out = lines(run('bpf endpoint list'));
    expect(out.filter((l) => l.endsWith('(localhost)')).map((l) => l.split(/ +/)[0])).toEqual(['172.16.0.189:0', '192.168.10.10:0']);
  });

  it('bpf ipmasq list: one CIDR per line under IP PREFIX/ADDRESS', () => {
    expect(lines(run('bpf ipmasq list'))).toEqual(['IP PREFIX/ADDRESS', '10.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '']);
  });
});

describe('bpf tunnel list', () => {
  it('is only the titles in native routing, and maps remote pod CIDRs to node IPs in tunnel mode', () => {
    expect(run('bpf tunnel list')).toBe('TUNNEL   VALUE\n');
    const tunnel = { ...dp, config: { ...dp.config, routingMode: 'tunnel' } } as typeof dp;
    const r = runCiliumCommand(tunnel, {}, 'k8s-s', ['bpf', 'tunnel', 'list']);
    expect(r.ok && lines(r.text)).toEqual(['TUNNEL       VALUE', '172.16.1.0   192.168.10.101:0', '']);
  });
});

describe('runCiliumCommand parsing', () => {
  it('accepts the cilium, cilium-dbg and c0 prefixes and the ls alias', () => {
    const plain = run('service list');
    expect(run('cilium service list')).toBe(plain);
    expect(run('cilium-dbg service ls')).toBe(plain);
    expect(run('c0 service list')).toBe(plain);
  });

  it('lists the supported commands for an unknown one, and the nodes for an unknown node', () => {
    const r = runCiliumCommand(dp, {}, 'k8s-s', ['bpf', 'policy', 'get']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/unknown command "bpf policy get".*cilium map get <name>.*cilium bpf ct list global/);
    const n = runCiliumCommand(dp, {}, 'k8s-x', ['service', 'list']);
    expect(n).toEqual({ ok: false, error: 'unknown node "k8s-x"; nodes: k8s-s, k8s-w1' });
    const m = runCiliumCommand(dp, {}, 'k8s-s', ['map', 'get', 'cilium_nope']);
    expect(m.ok === false && m.error.includes('cilium_ipcache')).toBe(true);
  });
});
