/**
 * cilium-cli's `cilium config view`: every key of the cilium-config ConfigMap
 * (with the `--set` overrides in effect), sorted, the value at column 51 as
 * the seed's output shows it.
 */
import type { Datapath } from '../../derive/types.ts';

export function configView(dp: Datapath): string {
  const raw = dp.config.raw;
  return Object.keys(raw).sort().map((k) => `${k.padEnd(50)}${raw[k] ?? ''}\n`).join('');
}
