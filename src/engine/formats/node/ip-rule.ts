/**
 * `ip rule`: the kernel's three default rules; with the L7 proxy (enable-l7-proxy,
 * default true) the agent adds its proxy rule at 9 and moves the local table's
 * rule from 0 to 100 (pkg/datapath/linux/route, linux_defaults RulePriorityToProxyIngress
 * and RulePriorityLocalLookup).
 */
import type { Datapath } from '../../derive/types.ts';

export function nodeIpRule(dp: Datapath): string {
  const l7 = (dp.config.raw['enable-l7-proxy'] ?? 'true') === 'true';
  const lines = l7
    ? ['9:\tfrom all fwmark 0x200/0xf00 lookup 2004', '100:\tfrom all lookup local']
    : ['0:\tfrom all lookup local'];
  lines.push('32766:\tfrom all lookup main', '32767:\tfrom all lookup default');
  return `${lines.join('\n')}\n`;
}

/** A pod's netns has only the kernel's defaults. */
export const podIpRule = (): string => '0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n';
