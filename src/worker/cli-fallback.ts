/**
 * Plain renderings for the terminal until (or where) the formats code has no
 * view for a command: a map's rows as `cilium map get` lays them out, and one
 * line per traced observation point for `hubble observe`.
 */
import type { Datapath } from '../engine/derive/types.ts';
import type { HopEvent, Trace } from '../engine/trace.ts';
import type { CliFormats, EngineFns } from './host.ts';

/** Which map a cilium-dbg command shows. */
const COMMAND_MAPS: [RegExp, string][] = [
  [/^map get (\S+)/, '$1'],
  [/^bpf ipcache list/, 'cilium_ipcache'],
  [/^bpf endpoint list/, 'cilium_lxc'],
  [/^bpf lb list --revnat/, 'cilium_lb4_reverse_nat'],
  [/^(bpf lb list|service list)/, 'cilium_lb4_services_v2'],
  [/^bpf nat list/, 'cilium_snat_v4_external'],
  [/^bpf ct list global/, 'cilium_ct4_global'],
  [/^bpf ipmasq list/, 'cilium_ipmasq_v4'],
];

export function mapOfCommand(args: string[]): string | undefined {
  const line = args.join(' ');
  for (const [re, map] of COMMAND_MAPS) {
    const m = re.exec(line);
    if (m) return map.replace('$1', m[1] ?? '');
  }
  return undefined;
}

export function fallbackFormats(engine: Pick<EngineFns, 'tablesAt'>): CliFormats {
  return {
    cilium(dp: Datapath, trace: Trace | undefined, step: number, node: string, args: string[]): string {
      const map = mapOfCommand(args);
      if (!map) throw new Error(`cilium ${args.join(' ')}: not modelled here`);
      const rows = engine.tablesAt(dp, trace, step, node)[map];
      if (!rows) throw new Error(`${map}: no such map on ${node}`);
      const keyWidth = Math.max(4, ...[...rows.keys()].map((k) => k.length)) + 3;
      const lines = ['Key'.padEnd(keyWidth) + 'Value'];
      for (const [k, v] of rows) lines.push(k.padEnd(keyWidth) + v);
      return lines.join('\n');
    },
    hubble(_dp: Datapath, trace: Trace | undefined, step: number): string {
      if (!trace) return '';
      return trace.events
        .slice(0, step + 1)
        .filter((e) => e.observation || e.sockXlate || e.drop)
        .map(hubbleLine)
        .join('\n');
    },
  };
}

function hubbleLine(e: HopEvent): string {
  const p = e.packet;
  const arrow = e.drop ? '<>' : p.direction === 'reply' ? '<-' : '->';
  const [a, b] = p.direction === 'reply' ? [p.dst, p.src] : [p.src, p.dst];
  const what = e.drop?.reason ?? e.sockXlate ?? e.observation ?? '';
  return `${a} ${arrow} ${b} ${what} ${e.verdict ?? 'FORWARDED'} (${p.proto})`;
}
