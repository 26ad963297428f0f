/**
 * `flowlab exec` against the write-up's node and pod blocks (test/fixtures/seed, README there
 * for the seed lines). Only what the write-up itself varies between its captures is substituted:
 * netpod's IP (172.16.0.124 in the pod section, 172.16.0.79 in the lab), the router IP (.189, .186,
 * .40), netpod's lxc (lxc8b470d2428ec(14) at the bpftool capture), endpoint ids. `...` in a seed
 * block is the write-up's own elision and matches any lines.
 */
import { describe, expect, it } from 'vitest';
import { flowlab, lines, seedLines } from './flowlab.ts';

const T = 120_000;
const PING = '--from netpod --to netpod2 --proto icmp';

/** `expected` with `...` lines matching any run of actual lines (the write-up's elisions). */
function matchElided(actual: string[], expected: string[]): void {
  let at = 0;
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i]!;
    if (want === '...') {
      const next = expected[i + 1];
      if (next === undefined) return;
      const found = actual.indexOf(next, at);
      expect(found, `"${next}" after the elision`).toBeGreaterThanOrEqual(at);
      at = found;
      continue;
    }
    expect(actual[at], `line ${i + 1} of the seed block`).toBe(want);
    at++;
  }
}

describe('flowlab exec reproduces the write-up (kans-lab)', () => {
  it('ip -c addr on k8s-s (seed 129-146): lo, ens5, cilium_net/cilium_host peers, lxc_health@if5', async () => {
    const r = await flowlab('exec', 'k8s-s', '--', 'ip', '-c', 'addr');
    expect(r.code).toBe(0);
    matchElided(lines(r.stdout), seedLines('ip-addr-k8s-s'));
  }, T);

  it("ip -c addr on k8s-s after netpod (seed 536-540): netpod's lxc, @if9, its netns", async () => {
    const r = await flowlab('exec', 'k8s-s', '--', 'ip', '-c', 'addr');
    matchElided(lines(r.stdout), seedLines('ip-addr-k8s-s-lxc'));
  }, T);

  it('ip netns exec <netpod netns> ip addr show (seed 553-564) and p0 ip -c addr (seed 571-582)', async () => {
    const sub = (l: string) => l.replace('172.16.0.124/32', '172.16.0.79/32');
    const host = await flowlab('exec', 'k8s-s', '--', 'ip', 'netns', 'exec', 'cni-829ecafa-430f-17ba-f69a-08f0bf5930b5', 'ip', 'addr', 'show');
    expect(host.code).toBe(0);
    expect(lines(host.stdout).filter(Boolean)).toEqual(seedLines('ip-netns-exec-netpod-addr').map(sub));
    // The pod's own iproute2 (netshoot) adds proto kernel_lo / kernel_ll; the host's does not.
    const pod = await flowlab('exec', 'netpod', '--', 'ip', '-c', 'addr');
    expect(lines(pod.stdout).filter(Boolean)).toEqual(seedLines('ip-addr-netpod').map(sub));
  }, T);

  it('p0 ip -c neigh after the ping (seed 653): only the gateway, at the lxc MAC', async () => {
    const r = await flowlab('exec', 'netpod', '--after', PING, '--', 'ip', '-c', 'neigh');
    expect(r.code).toBe(0);
    const sub = (l: string) => l.replace('172.16.0.40 ', '172.16.0.189 ');
    expect(lines(r.stdout).filter(Boolean)).toEqual(seedLines('ip-neigh-netpod').map(sub));
    // Before any traffic the pod has asked nobody.
    const before = await flowlab('exec', 'netpod', '--', 'ip', 'neigh');
    expect(before.stdout).toBe('');
  }, T);

  it('p3 ip -c neigh (seed 651): the same shape, netpod2 at its own lxc MAC', async () => {
    const r = await flowlab('exec', 'netpod2', '--after', '--from netpod2 --to netpod --proto icmp', '--', 'ip', '-c', 'neigh');
    const [seed] = seedLines('ip-neigh-netpod2');
    const [got] = lines(r.stdout);
    // The lab states no host MAC for netpod2 (the seed shows it only here): compare all but the MAC.
    const shape = (l: string | undefined) => l?.replace('172.16.0.40 ', '172.16.0.189 ').replace(/lladdr \S+/, 'lladdr MAC');
    expect(shape(got)).toBe(shape(seed));
    expect(got).toMatch(/lladdr ([0-9a-f]{2}:){5}[0-9a-f]{2} REACHABLE$/);
  }, T);

  it('c0bpf net show | grep $LXC (seed 677-678): tcx/ingress cil_from_container, tcx/egress cil_to_container', async () => {
    const r = await flowlab('exec', 'k8s-s', '--', 'bpftool', 'net', 'show');
    expect(r.code).toBe(0);
    const ids = (l: string) => l.replace(/prog_id \d+ link_id \d+/, 'prog_id N link_id N');
    const mine = lines(r.stdout).filter((l) => l.startsWith('lxce880e1eecb7a(10) ')).map(ids);
    const seed = seedLines('bpftool-net-show-lxc').map((l) => ids(l.replace('lxc8b470d2428ec(14)', 'lxce880e1eecb7a(10)')));
    expect(mine).toEqual(seed);
    // Program ids are shared with `prog show`, egress loaded first, ingress linked first (as in the seed).
    const [ing, eg] = lines(r.stdout).filter((l) => l.startsWith('lxce880e1eecb7a(10) '));
    const num = (l: string | undefined, f: string) => Number(new RegExp(`${f} (\\d+)`).exec(l ?? '')?.[1]);
    expect(num(eg, 'prog_id')).toBeLessThan(num(ing, 'prog_id'));
    expect(num(ing, 'link_id')).toBeLessThan(num(eg, 'link_id'));
    const prog = await flowlab('exec', 'k8s-s', '--', 'bpftool', 'prog', 'show', 'id', String(num(ing, 'prog_id')));
    const shape = (l: string) => l.replace(/tag [0-9a-f]{16}/, 'tag T').replace(/\d+/g, 'N');
    expect(lines(prog.stdout).filter(Boolean).map(shape)).toEqual(seedLines('bpftool-prog-show-from-container').map(shape));
    const progEg = await flowlab('exec', 'k8s-s', '--', 'bpftool', 'prog', 'show', 'id', String(num(eg, 'prog_id')));
    expect(lines(progEg.stdout).filter(Boolean).map(shape)).toEqual(seedLines('bpftool-prog-show-to-container').map(shape));
    // map_ids: cilium_metrics is 66 as in the seed; from_container lists its calls map first.
    expect(prog.stdout).toMatch(/map_ids \d+,66\n/);
    expect(progEg.stdout).toMatch(/map_ids 66,\d+\n/);
  }, T);

  it('c0bpf map list | grep 66 / 198 -A2 (seed 705-706, 709-711)', async () => {
    const r = await flowlab('exec', 'k8s-s', '--', 'bpftool', 'map', 'list');
    const out = lines(r.stdout);
    const metrics = seedLines('bpftool-map-list-metrics');
    const at = out.indexOf(metrics[0]!);
    expect(out.slice(at, at + 2)).toEqual(metrics);
    // The calls map of an endpoint: its name is cilium_calls_<5-digit endpoint id>, cut to 15 characters.
    const shape = (l: string) => l.replace(/^\d+:/, 'N:').replace(/cilium_calls_\d\d/, 'cilium_calls_NN');
    const calls = seedLines('bpftool-map-list-calls').map(shape);
    const i = out.findIndex((l) => shape(l) === calls[0]);
    expect(out.slice(i, i + 3).map(shape)).toEqual(calls);
  }, T);

  it('cilium config view | grep -i masq (seed 797-801)', async () => {
    const r = await flowlab('exec', 'k8s-s', '--', 'cilium', 'config', 'view');
    expect(lines(r.stdout).filter((l) => /masq/i.test(l))).toEqual(seedLines('config-view-masq'));
  }, T);

  it('c0 status --verbose (seed 211-370): every line the model decides', async () => {
    const r = await flowlab('exec', 'k8s-s', '--', 'cilium', 'status', '--verbose');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    const seed = seedLines('status-verbose').map((l) => l.trimEnd());
    // The seed's router IP at that capture (.186) is the lab's .189 (the write-up shows both).
    const sub = (l: string) => l.replace('172.16.0.186', '172.16.0.189');
    const exact = [
      'KVStore:', 'Kubernetes:', 'Kubernetes APIs:', 'KubeProxyReplacement:', 'Host firewall:', 'SRv6:', 'CNI Chaining:',
      'CNI Config file:', 'NodeMonitor:', 'Cilium health daemon:', 'IPv4 BIG TCP:', 'IPv6 BIG TCP:', 'BandwidthManager:',
      'Routing:', 'Attach Mode:', 'Device Mode:', 'Masquerading:', 'Clock Source for BPF:', 'Proxy Status:',
      'Global Identity Range:', 'Encryption:',
    ];
    for (const head of exact) {
      const want = seed.find((l) => l.startsWith(head));
      expect(out.find((l) => l.startsWith(head)), head).toBe(want && sub(want));
    }
    // Cilium's version comes from the agent's image tag (the build's git hash is in no object).
    expect(out.find((l) => l.startsWith('Cilium:'))).toBe('Cilium:                 Ok   1.16.3 (v1.16.3)');
    // The KubeProxyReplacement Details and BPF Maps blocks, whole.
    const block = (from: string, to: string) => {
      const a = (xs: string[]) => xs.slice(xs.indexOf(from), xs.indexOf(to));
      return [a(out), a(seed)];
    };
    const [kpr, seedKpr] = block('KubeProxyReplacement Details:', 'BPF Maps:   dynamic sizing: on (ratio: 0.002500)');
    expect(kpr).toEqual(seedKpr);
    const [maps, seedMaps] = block('BPF Maps:   dynamic sizing: on (ratio: 0.002500)', 'Encryption:           Disabled');
    expect(maps).toEqual(seedMaps);
    // Controllers: the seed's fixed ones, plus three per endpoint (13 + 3 x endpoints, 19 with its two).
    const names = (xs: string[]) => xs.filter((l) => /^ {2}[a-z]/.test(l) && /no error$/.test(l)).map((l) => l.trim().split(/\s+/)[0]!);
    const fixed = (xs: string[]) => names(xs).filter((n) => !/\d/.test(n));
    expect(fixed(out)).toEqual(fixed(seed));
    const count = Number(/Controller Status:\s+(\d+)\/\1 healthy/.exec(out.join('\n'))?.[1]);
    expect(count).toBe(names(out).length);
    expect(out.find((l) => l.startsWith('  Name ') && l.includes('Last success'))).toBe(seed.find((l) => l.startsWith('  Name ') && l.includes('Last success')));
    // Modules Health: the same tree, line for line, once the endpoints' subtrees (the write-up had two
    // non-pod endpoints then), timings and run counts, and the router's varying address are set aside.
    const modules = (xs: string[]) => {
      const tree = xs.slice(xs.indexOf('Modules Health:'));
      const kept: string[] = [];
      for (let i = 0; i < tree.length; i++) {
        const l = tree[i]!;
        if (/cilium-endpoint-\d+ \(/.test(l)) {
          i += 2;
          continue;
        }
        kept.push(l.replace(/ \(\d+s, x\d+\)$/, '').replace(/ \([\d.]+(ms|µs)\)$/, '').replace(/172\.16\.0\.\d+ \(primary\), fe80::[0-9a-f:]+/, 'ROUTER'));
      }
      return kept.filter(Boolean);
    };
    expect(modules(out)).toEqual(modules(seed));
    expect(out).toContain(`      │   │   ├── cilium-endpoint-${/sync-policymap-(\d+)/.exec(out.join('\n'))?.[1]} (/)`);
    expect(out.join('\n')).toMatch(/cilium-endpoint-\d+ \(default\/netpod\)/);
  }, T);

  it('conntrack -L (seed 109-117): under socket LB the service flow leaves nothing in the host table', async () => {
    const r = await flowlab('exec', 'k8s-s', '--after', '--from netpod --to svc --proto tcp', '--', 'conntrack', '-L');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // The summary goes to stderr: in the seed it cuts into a row (lines 115-116), stderr and stdout interleaved.
    const seed = seedLines('conntrack-L').join('\n');
    expect(seed).toMatch(/conntrack v1\.4\.6 \(conntrack-tools\): tcp .*\n\d+ flow entries have been shown\./);
    expect(r.stderr).toBe('conntrack v1.4.6 (conntrack-tools): 0 flow entries have been shown.\n');
    // Each row the seed prints has the layout conntrack -L prints (proto %-8s, protonum, timeout, state).
    for (const row of seedLines('conntrack-L').filter((l) => l.startsWith('tcp'))) {
      expect(row).toMatch(/^tcp {6}6 \d+ [A-Z_]+ src=\S+ dst=\S+ sport=\d+ dport=\d+ src=\S+ dst=\S+ sport=\d+ dport=\d+ \[ASSURED\] mark=0 use=1$/);
    }
  }, T);
});

describe('flowlab exec: the other modes and scenarios say sensible things', () => {
  it('kube-proxy mode: iptables -t nat -S has the KUBE-* chains, conntrack -L the service DNAT', async () => {
    const kpr = await flowlab('exec', 'k8s-s', '--', 'iptables', '-t', 'nat', '-S');
    expect(kpr.stdout).not.toMatch(/KUBE-/);
    expect(kpr.stdout).toMatch(/^-A POSTROUTING -m comment --comment "cilium-feeder: CILIUM_POST_nat" -j CILIUM_POST_nat$/m);
    const set = ['--set', 'kube-proxy-replacement=false,enable-bpf-masquerade=false,enable-ip-masq-agent=false,bpf-lb-sock=false'];
    const kp = await flowlab('exec', 'k8s-s', ...set, '--', 'iptables', '-t', 'nat', '-S');
    expect(kp.stdout).toMatch(/^-A KUBE-SERVICES -d 10\.10\.252\.131\/32 -p tcp -m comment --comment "default\/svc:svc-webport cluster IP" -m tcp --dport 80 -j KUBE-SVC-[0-9A-F]{16}$/m);
    expect(kp.stdout).toMatch(/-j DNAT --to-destination 172\.16\.1\.235:80$/m);
    expect(kp.stdout).toMatch(/^-A CILIUM_POST_nat -s 172\.16\.0\.0\/24 ! -d 192\.168\.0\.0\/16 ! -o cilium_\+ -j MASQUERADE$/m);
    const list = await flowlab('exec', 'k8s-s', ...set, '--', 'iptables', '-t', 'nat', '-L', '-n');
    expect(list.stdout).toMatch(/^Chain KUBE-SERVICES \(2 references\)$/m);
    expect(list.stdout).toMatch(/^KUBE-SVC-[0-9A-F]{16} tcp  --  0\.0\.0\.0\/0 {12}10\.10\.252\.131 {8}\/\* default\/svc:svc-webport cluster IP \*\/ tcp dpt:80$/m);
    const ct = await flowlab('exec', 'k8s-s', ...set, '--after', '--from k8s-s --to svc --proto tcp', '--', 'conntrack', '-L');
    expect(ct.stdout).toMatch(/^tcp {6}6 431999 ESTABLISHED src=192\.168\.10\.10 dst=10\.10\.252\.131 sport=\d+ dport=80 src=172\.16\.\d\.\d+ dst=192\.168\.10\.10 sport=80 dport=\d+ \[ASSURED\] mark=0 use=1$/m);
    expect(ct.stderr).toMatch(/: 1 flow entries have been shown\./);
  }, T);

  it('enable-tcx=false and netkit change the attach points bpftool shows, and the status', async () => {
    const tc = await flowlab('exec', 'k8s-s', '--set', 'enable-tcx=false', '--', 'bpftool', 'net', 'show');
    expect(tc.stdout).toMatch(/^ens5\(2\) clsact\/ingress cil_from_netdev-ens5 id \d+$/m);
    const nk = await flowlab('exec', 'k8s-s', '--set', 'datapath-mode=netkit', '--', 'bpftool', 'net', 'show');
    expect(nk.stdout).toMatch(/^lxce880e1eecb7a\(10\) netkit\/peer cil_from_container prog_id \d+ link_id \d+$/m);
    expect(nk.stdout).toMatch(/^lxce880e1eecb7a\(10\) netkit\/primary cil_to_container prog_id \d+ link_id \d+$/m);
    expect(nk.stdout).toMatch(/^ens5\(2\) tcx\/ingress cil_from_netdev /m);
    const st = await flowlab('exec', 'k8s-s', '--set', 'enable-tcx=false', '--', 'cilium', 'status');
    expect(st.stdout).toMatch(/^Attach Mode: {12}Legacy TC$/m);
    const neigh = await flowlab('exec', 'netpod', '--set', 'datapath-mode=netkit', '--after', PING, '--', 'ip', 'neigh');
    expect(neigh.stdout).toBe('');
  }, T);

  it('tunnel mode: routes via cilium_host with the tunnel MTU, the overlay device in ip addr', async () => {
    const set = ['--set', 'routing-mode=tunnel,auto-direct-node-routes=false'];
    const route = await flowlab('exec', 'k8s-s', ...set, '--', 'ip', 'route');
    expect(route.stdout).toMatch(/^172\.16\.1\.0\/24 via 172\.16\.0\.189 dev cilium_host proto kernel src 172\.16\.0\.189 mtu 8951$/m);
    const addr = await flowlab('exec', 'k8s-s', ...set, '--', 'ip', 'addr');
    expect(addr.stdout).toMatch(/^5: cilium_vxlan: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 8951 qdisc noqueue state UNKNOWN/m);
  }, T);

  it('three-zones and one-node: node and pod views run on their own names', async () => {
    for (const scenario of ['three-zones', 'one-node']) {
      const v = await flowlab('validate', `public/scenarios/${scenario}.yaml`);
      const node = /^ {2}(\S+) /m.exec(v.stdout.split('Nodes')[1] ?? '')?.[1] ?? '';
      for (const cmd of [['ip', 'addr'], ['ip', 'route'], ['ip', 'rule'], ['bpftool', 'net', 'show'], ['cilium', 'status']]) {
        const r = await flowlab('exec', node, '--scenario', scenario, '--', ...cmd);
        expect(r.code, `${scenario} ${node} ${cmd.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(20);
      }
      const addr = await flowlab('exec', node, '--scenario', scenario, '--', 'ip', 'addr');
      expect(addr.stdout).not.toContain('ens5:' + (scenario === 'kans-lab' ? '' : 'x'));
      expect(addr.stdout).toMatch(/cilium_host@cilium_net/);
    }
  }, T);

  it('unknown commands exit 2 and list the known ones; node-only commands name the node', async () => {
    const r = await flowlab('exec', 'k8s-s', '--', 'ls', '-l');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "ls -l"; known: ip \[-c\] addr\|route\|neigh\|rule; .*bpftool net show/);
    const pod = await flowlab('exec', 'netpod', '--', 'bpftool', 'net', 'show');
    expect(pod.code).toBe(2);
    expect(pod.stderr).toMatch(/runs on the node, not in pod default\/netpod: flowlab exec k8s-s -- bpftool net show/);
    const who = await flowlab('exec', 'nosuch', '--', 'ip', 'addr');
    expect(who.code).toBe(2);
    expect(who.stderr).toMatch(/unknown node or pod "nosuch"; nodes: k8s-s, k8s-w1, k8s-w2; pods: /);
    const tcpdump = await flowlab('exec', 'k8s-s', '--after', PING, '--', 'tcpdump', '-i', 'lxce880e1eecb7a', '-n');
    expect(tcpdump.code).toBe(0);
    expect(tcpdump.stdout).toMatch(/^IP 172\.16\.0\.79 > 172\.16\.0\.112: ICMP echo request/m);
    expect(tcpdump.stderr).toMatch(/^listening on lxce880e1eecb7a, link-type EN10MB/m);
  }, T);
});
