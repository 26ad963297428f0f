/**
 * `iptables -t nat -S` and `iptables -t nat -L -n` on a node. Cilium's own
 * chains are always there (pkg/datapath/iptables: the cilium-feeder rules;
 * CILIUM_POST_nat masquerades only without BPF masquerade). kube-proxy's
 * KUBE-* chains exist only when Cilium does not replace it; their names are
 * the ones the engine's kube-proxy hops use (programs/iptables.ts).
 */
import { cidrToString } from '../../../scenario/values.ts';
import type { Datapath, NodeDatapath } from '../../derive/types.ts';
import { backendOf } from '../../derive/lookups.ts';
import { servicePortOf } from '../../derive/services.ts';
import { kubeChain } from '../../programs/iptables.ts';

interface Rule {
  chain: string;
  /** The rule as `-S` prints it after `-A CHAIN `. */
  spec: string;
  /** The same rule in `-L -n`'s columns. */
  target: string;
  prot: string;
  source: string;
  destination: string;
  extra: string;
}

const BUILTIN = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
const ANY = '0.0.0.0/0';

const rule = (chain: string, spec: string, l: Partial<Omit<Rule, 'chain' | 'spec'>> & { target: string }): Rule =>
  ({ chain, spec, prot: 'all', source: ANY, destination: ANY, extra: '', ...l });

function ciliumRules(dp: Datapath, node: NodeDatapath): Rule[] {
  const c = dp.config;
  const feeder = (chain: string, to: string) =>
    rule(chain, `-m comment --comment "cilium-feeder: ${to}" -j ${to}`, { target: to, extra: `/* cilium-feeder: ${to} */` });
  const out = [feeder('PREROUTING', 'CILIUM_PRE_nat'), feeder('OUTPUT', 'CILIUM_OUTPUT_nat'), feeder('POSTROUTING', 'CILIUM_POST_nat')];
  if (!c.enableBpfMasquerade && c.enableIpv4Masquerade) {
    // The same rule the engine's iptables MASQUERADE hop names (programs/iptables.ts iptablesMasquerade).
    const native = c.ipv4NativeRoutingCIDR;
    for (const pod of node.podCIDRs) {
      const except = native ? ` ! -d ${cidrToString(native)}` : '';
      out.push(rule('CILIUM_POST_nat', `-s ${cidrToString(pod)}${except} ! -o cilium_+ -j MASQUERADE`, {
        target: 'MASQUERADE', source: cidrToString(pod), destination: native ? `!${cidrToString(native)}` : ANY,
      }));
    }
  }
  return out;
}

/** kubernetes pkg/proxy/iptables/proxier.go, for every ClusterIP frontend with backends, and its NodePorts. */
function kubeProxyRules(dp: Datapath): Rule[] {
  const portal = (chain: string) =>
    rule(chain, '-m comment --comment "kubernetes service portals" -j KUBE-SERVICES', { target: 'KUBE-SERVICES', extra: '/* kubernetes service portals */' });
  const out: Rule[] = [
    portal('PREROUTING'), portal('OUTPUT'),
    rule('POSTROUTING', '-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
      { target: 'KUBE-POSTROUTING', extra: '/* kubernetes postrouting rules */' }),
    rule('KUBE-MARK-MASQ', '-j MARK --set-xmark 0x4000/0x4000', { target: 'MARK', extra: 'MARK or 0x4000' }),
    rule('KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -j RETURN', { target: 'RETURN', extra: 'mark match ! 0x4000/0x4000' }),
    rule('KUBE-POSTROUTING', '-j MARK --set-xmark 0x4000/0x0', { target: 'MARK', extra: 'MARK xor 0x4000' }),
    rule('KUBE-POSTROUTING', '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully', {
      target: 'MASQUERADE', extra: '/* kubernetes service traffic requiring SNAT */ random-fully',
    }),
  ];
  const services: Rule[] = [];
  for (const f of dp.frontends) {
    if (f.scope !== 'cluster' || f.backendIds.length === 0) continue;
    const svc = dp.model.services.find((s) => `${s.namespace}/${s.name}` === f.service);
    const sp = svc ? servicePortOf(svc, f) : undefined;
    const name = `${f.service}${sp?.name ? `:${sp.name}` : ''}`;
    const proto = (sp?.protocol ?? f.protocols[0] ?? 'TCP').toLowerCase();
    const svcChain = kubeChain('KUBE-SVC', `${f.service}:${f.port}`);
    services.push(rule('KUBE-SERVICES', `-d ${f.address}/32 -p ${proto} -m comment --comment "${name} cluster IP" -m ${proto} --dport ${f.port} -j ${svcChain}`, {
      target: svcChain, prot: proto, destination: f.address, extra: `/* ${name} cluster IP */ ${proto} dpt:${f.port}`,
    }));
    const n = f.backendIds.length;
    f.backendIds.forEach((id, i) => {
      const be = backendOf(dp, id);
      const sep = kubeChain('KUBE-SEP', `${f.service}:${be.address}:${be.port}`);
      const to = `${be.address}:${be.port}`;
      const p = (1 / (n - i)).toFixed(11);
      const stat = i === n - 1 ? '' : ` -m statistic --mode random --probability ${p}`;
      out.push(rule(svcChain, `-m comment --comment "${name} -> ${to}"${stat} -j ${sep}`, {
        target: sep, extra: `/* ${name} -> ${to} */${stat ? ` statistic mode random probability ${p}` : ''}`,
      }));
      out.push(rule(sep, `-s ${be.address}/32 -m comment --comment "${name}" -j KUBE-MARK-MASQ`, {
        target: 'KUBE-MARK-MASQ', source: be.address, extra: `/* ${name} */`,
      }));
      out.push(rule(sep, `-p ${proto} -m comment --comment "${name}" -m ${proto} -j DNAT --to-destination ${to}`, {
        target: 'DNAT', prot: proto, extra: `/* ${name} */ ${proto} to:${to}`,
      }));
    });
    if (sp?.nodePort !== undefined) {
      const ext = kubeChain('KUBE-EXT', `${f.service}:${f.port}`);
      out.push(rule('KUBE-NODEPORTS', `-p ${proto} -m comment --comment "${name}" -m ${proto} --dport ${sp.nodePort} -j ${ext}`, {
        target: ext, prot: proto, extra: `/* ${name} */ ${proto} dpt:${sp.nodePort}`,
      }));
      out.push(rule(ext, `-m comment --comment "masquerade traffic for ${name} external destinations" -j KUBE-MARK-MASQ`, {
        target: 'KUBE-MARK-MASQ', extra: `/* masquerade traffic for ${name} external destinations */`,
      }));
      out.push(rule(ext, `-j ${svcChain}`, { target: svcChain }));
    }
  }
  const last = 'kubernetes service nodeports; NOTE: this must be the last rule in this chain';
  services.push(rule('KUBE-SERVICES', `-m comment --comment "${last}" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`, {
    target: 'KUBE-NODEPORTS', extra: `/* ${last} */ ADDRTYPE match dst-type LOCAL`,
  }));
  return [...out, ...services];
}

function natRules(dp: Datapath, node: NodeDatapath): { chains: string[]; rules: Rule[] } {
  const rules = [...ciliumRules(dp, node), ...(dp.config.kubeProxyReplacement ? [] : kubeProxyRules(dp))];
  const user = new Set(['CILIUM_OUTPUT_nat', 'CILIUM_POST_nat', 'CILIUM_PRE_nat']);
  if (!dp.config.kubeProxyReplacement) for (const c of ['KUBE-MARK-MASQ', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-SERVICES']) user.add(c);
  for (const r of rules) if (!BUILTIN.includes(r.chain)) user.add(r.chain);
  // libiptc keeps user chains sorted by name; rules print chain by chain, built-ins first.
  const chains = [...BUILTIN, ...[...user].sort()];
  const order = new Map(chains.map((c, i) => [c, i]));
  const sorted = rules.map((r, i) => ({ r, i })).sort((a, b) => (order.get(a.r.chain) ?? 0) - (order.get(b.r.chain) ?? 0) || a.i - b.i);
  return { chains, rules: sorted.map((x) => x.r) };
}

/** `iptables -t nat -S`. */
export function iptablesNatS(dp: Datapath, node: NodeDatapath): string {
  const { chains, rules } = natRules(dp, node);
  const lines = [
    ...BUILTIN.map((c) => `-P ${c} ACCEPT`),
    ...chains.filter((c) => !BUILTIN.includes(c)).map((c) => `-N ${c}`),
    ...rules.map((r) => `-A ${r.chain} ${r.spec}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `iptables -t nat -L -n` (libxtables print_firewall: target %-9s, prot %-5s, opt %-4s, addresses %-20s). */
export function iptablesNatL(dp: Datapath, node: NodeDatapath): string {
  const { chains, rules } = natRules(dp, node);
  const blocks = chains.map((c) => {
    const own = rules.filter((r) => r.chain === c);
    const refs = rules.filter((r) => r.target === c).length;
    const head = BUILTIN.includes(c) ? `Chain ${c} (policy ACCEPT)` : `Chain ${c} (${refs} references)`;
    const rows = own.map((r) =>
      `${r.target.padEnd(9)} ${r.prot.padEnd(5)}--  ${r.source.padEnd(20)} ${r.destination.padEnd(20)} ${r.extra}`.trimEnd());
    return [head, 'target     prot opt source               destination', ...rows].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
