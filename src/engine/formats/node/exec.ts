/**
 * `flowlab exec NODE|POD -- COMMAND ...` and the page's `ssh NODE ...` /
 * `kubectl exec POD -- ...`: one dispatcher over the node and pod views.
 * Commands arrive as words (never a shell line); the result is what the real
 * tool prints on stdout (and stderr), or an error naming what is known.
 */
import type { Datapath, EndpointInfo, NodeDatapath } from '../../derive/types.ts';
import { tcpdumpLines } from '../../capture/tcpdump.ts';
import { straceLines } from '../../capture/strace.ts';
import { tablesAt } from '../../runtime/tables.ts';
import type { Trace } from '../../trace.ts';
import { runCiliumCommand } from '../cilium/dispatch.ts';
import { bpftoolMapList, bpftoolNetShow, bpftoolProgShow } from './bpftool.ts';
import { conntrackList } from './conntrack.ts';
import { nodeIpAddr, podIpAddr } from './ip-addr.ts';
import { nodeIpNeigh, podIpNeigh } from './ip-neigh.ts';
import { nodeIpRoute, podIpRoute } from './ip-route.ts';
import { nodeIpRule, podIpRule } from './ip-rule.ts';
import { stripIpOptions, type Iproute2 } from './iproute2.ts';
import { iptablesNatL, iptablesNatS } from './iptables.ts';

/** The commands understood, as usage lines (`where` says on which side they run). */
export const EXEC_COMMANDS = [
  'ip [-c] addr|route|neigh|rule',
  'ip netns exec <netns> ip addr|route|neigh|rule   (node)',
  'bpftool net show   (node)',
  'bpftool prog show [id N]   (node)',
  'bpftool map list   (node)',
  'iptables -t nat -S | -L -n   (node)',
  'conntrack -L   (node)',
  'tcpdump -i IFACE -n',
  'strace ...   (pod: the --after flow\'s client)',
  'cilium|cilium-dbg <command>   (node; see flowlab cilium)',
] as const;

export type ExecTarget =
  | { kind: 'node'; node: NodeDatapath }
  | { kind: 'pod'; ep: EndpointInfo };

export type ExecResult = { ok: true; text: string; stderr?: string } | { ok: false; error: string };

const fail = (error: string): ExecResult => ({ ok: false, error });
const ok = (text: string, stderr?: string): ExecResult => (stderr === undefined ? { ok: true, text } : { ok: true, text, stderr });

/** A node by name, or a pod (`name` or `namespace/name`); a hostNetwork pod (the cilium agent's) is its node. */
export function resolveExecTarget(dp: Datapath, name: string): ExecTarget | { error: string } {
  const node = dp.node(name);
  if (node) return { kind: 'node', node };
  const key = name.includes('/') ? name : `default/${name}`;
  const ep = dp.endpointByKey.get(key);
  if (ep && !ep.isHealth) return { kind: 'pod', ep };
  const pod = dp.podByKey.get(key) ?? dp.podsByName.get(name)?.[0];
  const host = pod?.hostNetwork ? dp.node(pod.nodeName) : undefined;
  if (host) return { kind: 'node', node: host };
  const pods = dp.nodes.flatMap((n) => n.endpoints.filter((e) => !e.isHealth).map((e) => e.name));
  return { error: `unknown node or pod "${name}"; nodes: ${dp.nodes.map((n) => n.name).join(', ')}; pods: ${pods.join(', ')}` };
}

const unknownCommand = (words: readonly string[]): ExecResult =>
  fail(`unknown command "${words.join(' ')}"; known: ${EXEC_COMMANDS.join('; ')}`);

/** `ip OBJECT [show]` on a node or in a pod (the node's iproute2 for `ip netns exec`). */
function ipCommand(dp: Datapath, t: ExecTarget, args: string[], flavour: Iproute2, trace?: Trace): ExecResult {
  const [object, verb, ...more] = stripIpOptions(args);
  if (more.length > 0 || (verb !== undefined && !['show', 'list', 'ls', 'sh'].includes(verb))) return unknownCommand(['ip', ...args]);
  const is = (o: string | undefined, ...names: string[]) => o !== undefined && names.includes(o);
  const events = trace?.events ?? [];
  if (is(object, 'a', 'addr', 'address')) return ok(t.kind === 'node' ? nodeIpAddr(dp, t.node) : podIpAddr(dp, t.ep, flavour));
  if (is(object, 'r', 'ro', 'route')) return ok(t.kind === 'node' ? nodeIpRoute(t.node) : podIpRoute(dp, t.ep));
  if (is(object, 'n', 'neigh', 'neighbor', 'neighbour')) {
    return ok(t.kind === 'node' ? nodeIpNeigh(dp, t.node) : podIpNeigh(t.ep, events));
  }
  if (is(object, 'ru', 'rule')) return ok(t.kind === 'node' ? nodeIpRule(dp) : podIpRule());
  return unknownCommand(['ip', ...args]);
}

/** `tcpdump -i IFACE [-n|-nn|-e|-v]`: the flow's packets seen there (stdout), tcpdump's banner (stderr). */
function tcpdumpCommand(dp: Datapath, t: ExecTarget, args: string[], trace?: Trace): ExecResult {
  const i = args.indexOf('-i');
  const iface = i >= 0 ? args[i + 1] : undefined;
  if (iface === undefined) return fail('tcpdump: name the interface: tcpdump -i IFACE -n');
  let target;
  if (t.kind === 'pod') {
    if (iface !== 'eth0' && iface !== 'any') return fail(`tcpdump: ${iface}: No such device exists (the pod has eth0)`);
    target = { kind: 'pod' as const, node: t.ep.node, pod: t.ep.key, podIp: t.ep.ip };
  } else {
    if (!t.node.interfaces.some((x) => x.name === iface)) {
      return fail(`tcpdump: ${iface}: No such device exists (${t.node.name} has ${t.node.interfaces.map((x) => x.name).join(', ')})`);
    }
    target = { kind: 'device' as const, node: t.node.name, iface };
  }
  const lines = trace ? tcpdumpLines(trace.events, target) : [];
  const banner = 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n' +
    `listening on ${iface}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n`;
  return ok(lines.map((l) => `${l}\n`).join(''), banner);
}

function straceCommand(t: ExecTarget, trace?: Trace): ExecResult {
  if (t.kind !== 'pod') return fail('strace: follows a pod\'s client: flowlab exec POD --after "..." -- strace');
  if (!trace) return fail('strace: needs the flow it follows: --after "--from POD --to DST ..."');
  return ok(straceLines(trace.events, undefined, t.ep.key).map((l) => `${l.line}\n`).join(''));
}

function nodeOnly(t: ExecTarget, words: readonly string[]): NodeDatapath | ExecResult {
  if (t.kind === 'node') return t.node;
  return fail(`${words[0] ?? ''} runs on the node, not in pod ${t.ep.key}: flowlab exec ${t.ep.node} -- ${words.join(' ')}`);
}

/** Runs `argv` on the target, with the map and neighbour state after `trace` (when given). */
export function runExec(dp: Datapath, t: ExecTarget, argv: readonly string[], trace?: Trace): ExecResult {
  const [cmd, ...args] = argv;
  const words = [...argv];
  switch (cmd) {
    case 'ip': {
      if (args[0] === 'netns' && args[1] === 'exec' && t.kind === 'node') {
        const ep = t.node.endpoints.find((e) => e.netns === args[2]);
        if (!ep) return fail(`Cannot open network namespace "${args[2] ?? ''}": No such file or directory`);
        if (args[3] !== 'ip') return unknownCommand(words);
        return ipCommand(dp, { kind: 'pod', ep }, args.slice(4), 'node', trace);
      }
      return ipCommand(dp, t, args, 'pod', trace);
    }
    case 'tcpdump':
      return tcpdumpCommand(dp, t, args, trace);
    case 'strace':
      return straceCommand(t, trace);
    case 'bpftool':
    case 'iptables':
    case 'conntrack':
    case 'cilium':
    case 'cilium-dbg': {
      const node = nodeOnly(t, words);
      if ('ok' in node) return node;
      return onNode(dp, node, cmd, args, trace);
    }
    default:
      return unknownCommand(words);
  }
}

function onNode(dp: Datapath, node: NodeDatapath, cmd: string, args: string[], trace?: Trace): ExecResult {
  const words = [cmd, ...args];
  const rest = args.filter((a) => a !== '-p' && a !== '--pretty');
  switch (cmd) {
    case 'bpftool': {
      const [what, verb, ...more] = rest;
      const shows = verb === undefined || verb === 'show' || verb === 'list';
      if (what === 'net' && shows && more.length === 0) return ok(bpftoolNetShow(dp, node));
      if (what === 'map' && shows && more.length === 0) return ok(bpftoolMapList(dp, node));
      if (what === 'prog' && shows) {
        if (more.length === 0) return bpftoolProgShow(dp, node);
        const id = more[0] === 'id' && more.length === 2 ? Number(more[1]) : NaN;
        return Number.isInteger(id) ? bpftoolProgShow(dp, node, id) : unknownCommand(words);
      }
      return unknownCommand(words);
    }
    case 'iptables': {
      const flags = new Set(args.flatMap((a) => (/^-[a-zA-Z]{2,}$/.test(a) ? [...a.slice(1)].map((c) => `-${c}`) : [a])));
      const table = args[args.indexOf('-t') + 1];
      if (!flags.has('-t') || table !== 'nat') return fail('iptables: only the nat table is modelled: iptables -t nat -S | -L -n');
      if (flags.has('-S')) return ok(iptablesNatS(dp, node));
      if (flags.has('-L') && flags.has('-n')) return ok(iptablesNatL(dp, node));
      return unknownCommand(words);
    }
    case 'conntrack': {
      if (args.length !== 1 || args[0] !== '-L') return unknownCommand(words);
      const r = conntrackList(trace, node.name);
      return ok(r.text, r.stderr);
    }
    default: {
      const tables = tablesAt(dp, trace, trace ? trace.events.length - 1 : -1, node.name);
      const r = runCiliumCommand(dp, tables, node.name, args);
      return r;
    }
  }
}
