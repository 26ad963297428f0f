/**
 * Parses a line typed in the page's terminal, the way the seed lab types it:
 * `c0 map get cilium_ipcache | grep 172.16.2.176`, `cilium -n k8s-w1 service list`,
 * `hubble observe --pod netpod`. c0, c1, c2 name the scenario's nodes in order
 * (the seed's aliases for `kubectl exec <cilium pod> -- cilium`). The line is
 * parsed here, in the page: the worker gets typed requests, and the `| grep`
 * stages run on its answer.
 */
import { nodeAliasIndex, parseCiliumArgs, parseObserveArgs } from '../../engine/index.ts';
import type { CiliumView, HubbleQuery } from '../../worker/protocol.ts';
import { helpText } from './help.ts';
import type { Lang } from '../../i18n/index.ts';

export type Command =
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'cilium'; node: string; view: CiliumView; filter: (out: string) => string }
  /** A command on a node (`ssh NODE ...`, `c0bpf ...`) or in a pod (`kubectl exec POD -- ...`), as words. */
  | { kind: 'exec'; target: string; argv: string[]; filter: (out: string) => string }
  /** `last`: `--last N`, the N most recent lines up to the cursor. */
  | { kind: 'hubble'; query: HubbleQuery; last?: number; filter: (out: string) => string }
  /** Text the page answers itself (`help`). */
  | { kind: 'text'; text: string; filter: (out: string) => string };

/** Splits on blanks, keeping quoted words whole (quotes removed). */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** Splits at `|` outside quotes (grep -E 'a|b' keeps its bar). */
export function splitPipes(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseCommand(line: string, nodes: string[], lang: Lang = 'en'): Command {
  const [head = '', ...pipes] = splitPipes(line);
  const words = tokenize(head);
  if (words.length === 0) return { kind: 'empty' };
  let filter: (out: string) => string;
  try {
    filter = pipeline(pipes.map((p) => tokenize(p)));
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
  const [cmd = '', ...rest] = words;
  if (cmd === 'help') return { kind: 'text', text: helpText(nodes, lang), filter };
  const exec = execCommand(cmd, rest, nodes, filter);
  if (exec) return exec;
  const alias = nodeAliasIndex(cmd);
  if (alias !== undefined) {
    const node = nodes[alias];
    if (!node) return { kind: 'error', message: `${cmd}: no such node (c0..c${nodes.length - 1}: ${nodes.join(', ')})` };
    return ciliumArgs(node, rest, filter);
  }
  if (cmd === 'cilium' || cmd === 'cilium-dbg') {
    let args = rest;
    let node: string | undefined;
    if (args[0] === '-n' || args[0] === '--node') {
      node = args[1];
      args = args.slice(2);
    } else if (args[0] && nodes.includes(args[0])) {
      node = args[0];
      args = args.slice(1);
    }
    if (!node || !nodes.includes(node)) {
      return { kind: 'error', message: `name a node: cilium -n <node> ... (nodes: ${nodes.join(', ')})` };
    }
    return ciliumArgs(node, args, filter);
  }
  if (cmd === 'hubble') {
    if (rest[0] !== 'observe') return { kind: 'error', message: 'hubble: only `hubble observe` is modelled' };
    const parsed = parseObserveArgs(rest.slice(1));
    if (!parsed.ok) return { kind: 'error', message: parsed.error };
    const { filter: flows = {}, output, printNodeName, last } = parsed.options;
    const query: HubbleQuery = { filter: flows, ...(output ? { output } : {}), ...(printNodeName ? { printNodeName } : {}) };
    return { kind: 'hubble', query, ...(last !== undefined ? { last } : {}), filter };
  }
  if (NODE_TOOLS.has(cmd)) {
    return { kind: 'error', message: `${cmd}: say where it runs: ssh ${nodes[0] ?? 'NODE'} ${words.join(' ')}, or kubectl exec -it POD -- ${words.join(' ')}` };
  }
  return { kind: 'error', message: `${cmd}: command not found (try help, c0 map get cilium_ipcache, c1 service list, hubble observe, ssh ${nodes[0] ?? 'NODE'} ip -c route)` };
}

/** Commands that only make sense on a machine (the page asks where). */
const NODE_TOOLS = new Set(['ip', 'bpftool', 'iptables', 'conntrack', 'tcpdump', 'strace']);

/**
 * The write-up's ways into a node or pod: `ssh NODE CMD ...`, `kubectl exec [-it] POD [-n NS] [-c C] -- CMD ...`
 * (the cilium agent's pod runs on its node's network), and its `c0bpf` aliases for `bpftool` in the agent.
 */
function execCommand(cmd: string, rest: string[], nodes: string[], filter: (out: string) => string): Command | undefined {
  const bpf = cmd.endsWith('bpf') ? nodeAliasIndex(cmd.slice(0, -'bpf'.length)) : undefined;
  if (bpf !== undefined) {
    const node = nodes[bpf];
    if (!node) return { kind: 'error', message: `${cmd}: no such node (c0bpf..c${nodes.length - 1}bpf: ${nodes.join(', ')})` };
    return { kind: 'exec', target: node, argv: ['bpftool', ...rest], filter };
  }
  if (cmd === 'ssh') {
    const [target, ...argv] = rest;
    if (!target || argv.length === 0) return { kind: 'error', message: `ssh: ssh NODE COMMAND (nodes: ${nodes.join(', ')})` };
    return { kind: 'exec', target, argv, filter };
  }
  if (cmd === 'kubectl' && rest[0] === 'exec') {
    const dash = rest.indexOf('--');
    if (dash < 0 || dash === rest.length - 1) return { kind: 'error', message: 'kubectl exec: kubectl exec -it POD -- COMMAND' };
    const opts = rest.slice(1, dash);
    let target: string | undefined;
    let namespace: string | undefined;
    for (let i = 0; i < opts.length; i++) {
      const o = opts[i] ?? '';
      if (o === '-n' || o === '--namespace') namespace = opts[++i];
      else if (o === '-c' || o === '--container') i++;
      else if (!o.startsWith('-')) target = o;
    }
    if (!target) return { kind: 'error', message: 'kubectl exec: which pod? kubectl exec -it POD -- COMMAND' };
    return { kind: 'exec', target: namespace ? `${namespace}/${target}` : target, argv: rest.slice(dash + 1), filter };
  }
  return undefined;
}

function ciliumArgs(node: string, args: string[], filter: (out: string) => string): Command {
  if (args.length === 0) return { kind: 'error', message: 'cilium: which command? (map get cilium_ipcache, service list, bpf lb list ...)' };
  const parsed = parseCiliumArgs(args);
  return parsed.ok ? { kind: 'cilium', node, view: parsed.view, filter } : { kind: 'error', message: parsed.error };
}

/** Builds the `| grep ...` stages; only grep is modelled. */
function pipeline(stages: string[][]): (out: string) => string {
  const fns = stages.map(grepStage);
  return (out) => fns.reduce((text, f) => f(text), out);
}

function grepStage(words: string[]): (out: string) => string {
  const [cmd, ...args] = words;
  if (cmd !== 'grep') throw new Error(`${cmd ?? ''}: only grep can follow a pipe here`);
  let extended = false;
  let ignoreCase = false;
  let invert = false;
  let after = 0;
  let pattern: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const aMatch = /^-A(\d*)$/.exec(a);
    if (aMatch) {
      after = Number(aMatch[1] || args[++i] || 0);
    } else if (/^-[Eiv]+$/.test(a)) {
      extended ||= a.includes('E');
      ignoreCase ||= a.includes('i');
      invert ||= a.includes('v');
    } else pattern ??= a;
  }
  if (pattern === undefined) throw new Error('grep: no pattern');
  // Basic regular expressions treat + ? | ( ) { } as plain characters.
  const source = extended ? pattern : pattern.replace(/[+?|(){}]/g, (c) => `\\${c}`);
  const re = new RegExp(source, ignoreCase ? 'i' : '');
  return (out) => {
    const lines = out.split('\n');
    const keep = new Set<number>();
    lines.forEach((l, i) => {
      if (re.test(l) !== invert) for (let k = i; k <= i + after && k < lines.length; k++) keep.add(k);
    });
    return lines.filter((_, i) => keep.has(i)).join('\n');
  };
}
