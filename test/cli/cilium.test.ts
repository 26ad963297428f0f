import { describe, expect, it } from 'vitest';
import { flowlab, lines, seedLines } from './flowlab.ts';

const T = 120_000;

describe('flowlab cilium k8s-s ... reproduces the seed (kans-lab)', () => {
  it('map get cilium_ipcache: every seed row, byte for byte, and the header', async () => {
    const r = await flowlab('cilium', 'k8s-s', 'map', 'get', 'cilium_ipcache');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    const [header, ...rows] = seedLines('map-get-cilium_ipcache');
    expect(out[0]).toBe(header);
    for (const row of rows) {
      const [key, value] = row.split(/ {3,}/);
      const identity = /identity=(\d+)/.exec(value!)![1];
      const tunnel = /tunnelendpoint=([\d.]+)/.exec(value!)![1];
      const got = out.find((l) => l.startsWith(`${key} `));
      expect(got, `row ${key}`).toBeDefined();
      expect(got).toContain(`identity=${identity} `);
      expect(got).toContain(`tunnelendpoint=${tunnel},`);
      expect(got).toBe(row);
    }
  }, T);

  it("service list: svc 10.10.252.131:80 and its continuation line, as in the seed", async () => {
    const r = await flowlab('cilium', 'k8s-s', 'service', 'list');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    const [first, second] = seedLines('service-list-svc');
    const at = out.indexOf(first!);
    expect(at, out.join('\n')).toBeGreaterThan(0);
    expect(out[at + 1]).toBe(second);
  }, T);

  it('bpf lb list: the seed rows of 10.10.252.131:80', async () => {
    const r = await flowlab('cilium', 'k8s-s', 'bpf', 'lb', 'list');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(expect.arrayContaining(seedLines('bpf-lb-list-svc')));
  }, T);

  it('bpf lb list --revnat: the whole seed block (rows as a set: Go prints map order)', async () => {
    const r = await flowlab('cilium', 'k8s-s', 'bpf', 'lb', 'list', '--revnat');
    expect(r.code).toBe(0);
    const [header, ...rows] = seedLines('bpf-lb-list-revnat');
    const [outHeader, ...outRows] = lines(r.stdout).filter(Boolean);
    expect(outHeader).toBe(header);
    expect(new Set(outRows)).toEqual(new Set(rows));
  }, T);

  it('map get cilium_lb4_services_v2 and cilium_lb4_backends_v3: the seed rows', async () => {
    const svc = await flowlab('cilium', 'k8s-s', 'map', 'get', 'cilium_lb4_services_v2');
    expect(lines(svc.stdout)).toEqual(expect.arrayContaining(seedLines('map-get-cilium_lb4_services_v2-svc')));
    const be = await flowlab('cilium', 'k8s-s', 'map', 'get', 'cilium_lb4_backends_v3');
    // Cells, not widths: the Value column is as wide as the map's longest backend address, and the
    // lab's k8s-s map holds the hubble-peer backends of all three nodes (192.168.10.101 is one
    // character longer than anything in the seed's map), so the column is one space wider here.
    const cells = (l: string) => l.split(/ {2,}/).join(' | ');
    expect(lines(be.stdout).map(cells)).toEqual(expect.arrayContaining(seedLines('map-get-cilium_lb4_backends_v3-svc').map(cells)));
  }, T);

  it('map get cilium_lb4_reverse_sk after a curl to svc: the seed header and a row of its shape, State empty', async () => {
    const before = await flowlab('cilium', 'k8s-s', 'map', 'get', 'cilium_lb4_reverse_sk');
    expect(before.stdout).toBe('Cache is empty\n\n');
    const r = await flowlab('cilium', 'k8s-s', 'map', 'get', 'cilium_lb4_reverse_sk', '--after', '--from netpod --to svc --proto tcp');
    expect(r.code).toBe(0);
    const [header] = seedLines('map-get-cilium_lb4_reverse_sk');
    const out = lines(r.stdout);
    expect(out[0]).toBe(header);
    expect(out[1]).toMatch(/^\[172\.16\.(1\.235|2\.253)\]:20480, \d+ {3,}\[10\.10\.252\.131\]:20480, 2304$/);
  }, T);

  it('bpf nat list after netpod → 8.8.8.8:443: both SNAT entries to the node IP', async () => {
    const r = await flowlab('cilium', 'k8s-s', 'bpf', 'nat', 'list', '--after', '--from netpod --to 8.8.8.8 --proto tcp --port 443');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).filter(Boolean);
    expect(out).toHaveLength(2);
    expect(out).toEqual(expect.arrayContaining([
      expect.stringMatching(/^TCP OUT 172\.16\.0\.79:(\d+) -> 8\.8\.8\.8:443 XLATE_SRC 192\.168\.10\.10:\d+ Created=\d+sec ago NeedsCT=0$/),
      expect.stringMatching(/^TCP IN 8\.8\.8\.8:443 -> 192\.168\.10\.10:\d+ XLATE_DST 172\.16\.0\.79:\d+ Created=\d+sec ago NeedsCT=0$/),
    ]));
  }, T);

  it('bpf ct list global after a flow: TCP then non-TCP map, each dump ends with an empty line', async () => {
    const r = await flowlab('cilium', 'k8s-s', 'bpf', 'ct', 'list', 'global', '--after', '--from netpod --to webpod1 --proto tcp');
    expect(r.code).toBe(0);
    const [tcp, any] = r.stdout.split('\n\n');
    expect(tcp).toMatch(/^TCP OUT 172\.16\.0\.79:\d+ -> 172\.16\.1\.235:80 expires=\d+ .*SourceSecurityID=26332 /);
    expect(any).toMatch(/^ICMP OUT 172\.16\.0\.79:0 -> 172\.16\.1\.235:0 related /);
    expect(r.stdout.endsWith('\n\n')).toBe(true);
  }, T);

  it('bpf endpoint list and endpoint list name netpod with its identity', async () => {
    const bpf = await flowlab('cilium', 'k8s-s', 'bpf', 'endpoint', 'list');
    const ep = await flowlab('cilium', 'k8s-s', 'endpoint', 'list');
    expect(lines(bpf.stdout)[0]).toBe('IP ADDRESS        LOCAL ENDPOINT INFO');
    expect(bpf.stdout).toMatch(/^172\.16\.0\.79:0 +id=\d+ +sec_id=26332 flags=0x0000 ifindex=\d+ +mac=[0-9A-F:]{17} nodemac=[0-9A-F:]{17}/m);
    expect(bpf.stdout).toMatch(/^192\.168\.10\.10:0 +\(localhost\)/m);
    expect(ep.stdout).toMatch(/^\d+ +Disabled +Disabled +26332 +k8s:app=netpod +172\.16\.0\.79 +ready/m);
  }, T);

  it('an unknown cilium command lists the supported ones (exit 2)', async () => {
    const r = await flowlab('cilium', 'k8s-s', 'bpf', 'bandwidth', 'list');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^flowlab: cilium: unknown command "bpf bandwidth list"; supported: .*cilium map get <name>/);
    expect(r.stdout).toBe('');
  }, T);
});
