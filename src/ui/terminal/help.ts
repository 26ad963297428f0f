/**
 * `help` in the page's terminal: the commands parseCommand understands,
 * built from the parsers' own usage lists (CILIUM_COMMANDS, OBSERVE_FLAGS,
 * GREP_FLAGS), so a command added there shows up here. A command family
 * added to command.ts adds its usage line to TERMINAL_USAGE.
 */
import { CILIUM_COMMANDS, OBSERVE_FLAGS } from '../../engine/index.ts';

/** The pipe stage's flags, as grepStage in command.ts reads them. */
export const GREP_FLAGS = ['-E', '-i', '-v', '-A N'] as const;

/** Usage lines of the terminal's own words (besides the cilium commands listed below them). */
export const TERMINAL_USAGE: readonly (readonly [usage: string, what: string])[] = [
  ['c0, c1, … <cilium command>', 'the cilium agent of the scenario\'s 1st, 2nd, … node'],
  ['cilium -n <node> <cilium command>', 'the same, naming the node (cilium-dbg works too)'],
  [`hubble observe [${OBSERVE_FLAGS.join('] [')}]`, 'the flows Hubble saw, up to the current hop'],
  ['ssh <node> <tool …>', 'a node\'s own tools: ip addr|route|neigh|rule, bpftool, iptables -t nat -S, conntrack -L, tcpdump -i IFACE -n'],
  ['kubectl exec -it <pod> -- <tool …>', 'the same inside a pod\'s network namespace (ip, tcpdump, strace)'],
  ['c0bpf, c1bpf, … <bpftool args>', 'bpftool in the cilium agent of the 1st, 2nd, … node'],
  [`<command> | grep [${GREP_FLAGS.join('] [')}] <pattern>`, 'keep the matching lines'],
  ['help', 'this list'],
];

export function helpText(nodes: readonly string[]): string {
  const aliases = nodes.map((n, i) => `c${i} = ${n}`).join(', ');
  const width = Math.max(...TERMINAL_USAGE.map(([u]) => u.length)) + 2;
  return [
    'Commands:',
    ...TERMINAL_USAGE.map(([u, what]) => `  ${u.padEnd(width)}${what}`),
    '',
    `Nodes: ${aliases || '(no scenario loaded)'}`,
    '',
    '<cilium command>:',
    ...CILIUM_COMMANDS.map((c) => `  ${c}`),
    '',
    'Example: c0 map get cilium_ipcache | grep 172.16',
  ].join('\n');
}
