/**
 * `cilium bpf ipmasq list` (cilium-dbg/cmd/bpf_ipmasq_list.go): the
 * ip-masq-agent's non-masquerade CIDRs through TablePrinter with an empty
 * second title. With no entries the real command writes "No entries found."
 * to stderr. Rows by network address, then prefix length.
 */
import type { Datapath } from '../../derive/types.ts';
import { ipv4ToU32 } from '../../../scenario/values.ts';
import { tablePrinter } from './table-printer.ts';

export function bpfIpmasqList(dp: Datapath): { text: string; stderr?: string } {
  if (dp.ipMasqCidrs.length === 0) return { text: '', stderr: 'No entries found.\n' };
  const cidrs = [...dp.ipMasqCidrs].sort((a, b) => ipv4ToU32(a.base) - ipv4ToU32(b.base) || a.bits - b.bits);
  return { text: tablePrinter('IP PREFIX/ADDRESS', '', cidrs.map((c) => [`${c.base}/${c.bits}`, ['']] as const)) };
}
