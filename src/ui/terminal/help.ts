/**
 * `help` in the page's terminal: the commands parseCommand understands,
 * built from the parsers' own usage lists (CILIUM_COMMANDS, OBSERVE_FLAGS,
 * GREP_FLAGS), so a command added there shows up here. A command family
 * added to command.ts adds its usage line to TERMINAL_USAGE.
 */
import { CILIUM_COMMANDS, OBSERVE_FLAGS } from '../../engine/index.ts';
import { translate, type Lang, type MessageKey } from '../../i18n/index.ts';

/** The pipe stage's flags, as grepStage in command.ts reads them. */
export const GREP_FLAGS = ['-E', '-i', '-v', '-A N'] as const;

/** Usage lines of the terminal's own words (besides the cilium commands listed below them); what each does is a catalog key. */
export const TERMINAL_USAGE: readonly (readonly [usage: string, what: MessageKey])[] = [
  ['c0, c1, … <cilium command>', 'terminal.help.alias'],
  ['cilium -n <node> <cilium command>', 'terminal.help.cilium'],
  [`hubble observe [${OBSERVE_FLAGS.join('] [')}]`, 'terminal.help.hubble'],
  ['ssh <node> <tool …>', 'terminal.help.ssh'],
  ['kubectl exec -it <pod> -- <tool …>', 'terminal.help.kubectl'],
  ['c0bpf, c1bpf, … <bpftool args>', 'terminal.help.bpftool'],
  [`<command> | grep [${GREP_FLAGS.join('] [')}] <pattern>`, 'terminal.help.grep'],
  ['help', 'terminal.help.help'],
];

/** The help text in `lang`: the commands stay as typed, what they do is said in the reader's language. */
export function helpText(nodes: readonly string[], lang: Lang = 'en'): string {
  const aliases = nodes.map((n, i) => `c${i} = ${n}`).join(', ');
  const width = Math.max(...TERMINAL_USAGE.map(([u]) => u.length)) + 2;
  return [
    translate(lang, 'terminal.help.commands'),
    ...TERMINAL_USAGE.map(([u, what]) => `  ${u.padEnd(width)}${translate(lang, what)}`),
    '',
    translate(lang, 'terminal.help.nodes', { aliases: aliases || translate(lang, 'terminal.help.noScenario') }),
    '',
    '<cilium command>:',
    ...CILIUM_COMMANDS.map((c) => `  ${c}`),
    '',
    translate(lang, 'terminal.help.example', { cmd: 'c0 map get cilium_ipcache | grep 172.16' }),
  ].join('\n');
}
