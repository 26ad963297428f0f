/**
 * The settings gate in front of derive(): `--set` style overrides applied to
 * the model's cilium-config, the combinations the agent refuses to start
 * with, and which host routing the remaining config gets. A refusal carries
 * its English line (the CLI) and its words (the page's language).
 */
import { applySettings } from '../../scenario/config.ts';
import type { ClusterModel } from '../../scenario/model.ts';
import type { Message } from '../messages.ts';
import type { Settings } from '../request.ts';
import type { HostRouting } from './types.ts';

/** Applies `--set` style overrides to the model's cilium-config. Bad values throw with the key named. */
export function withSettings(model: ClusterModel, settings: Settings = {}): ClusterModel {
  if (Object.keys(settings).length === 0) return model;
  const r = applySettings(model, settings);
  if (!r.ok) throw new SettingsError(r.errors.map((i) => i.message).join('; '), joined(r.errors.map((i) => i.text)));
  return r.model;
}

/** Several problems' words as one message, `a; b; c` (undefined when any has none: the English then stands). */
function joined(words: readonly (Message | undefined)[]): Message | undefined {
  const [first, ...rest] = words;
  if (!first || words.some((w) => w === undefined)) return undefined;
  const tail = joined(rest);
  return rest.length === 0 ? first : tail && { id: 'list.semicolon', params: { first, rest: tail } };
}

/** The agent refuses the settings: `message` in English (the CLI), `says` the same words for the page's language. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(message: string, readonly says?: Message) {
    super(message);
  }
}

/** BPF host routing when the config allows it (pkg/option: it needs KPR and BPF masquerade), else why not. */
export function hostRoutingOf(c: ClusterModel['config']): HostRouting {
  if (c.enableHostLegacyRouting) return { mode: 'Legacy', reason: 'enable-host-legacy-routing is true' };
  if (!c.kubeProxyReplacement) return { mode: 'Legacy', reason: 'BPF host routing needs kube-proxy-replacement' };
  if (!c.enableBpfMasquerade) return { mode: 'Legacy', reason: 'BPF host routing needs enable-bpf-masquerade' };
  return { mode: 'BPF' };
}

/** Combinations the agent refuses to start with (daemon/cmd: option validation). */
export function agentStartError(c: ClusterModel['config']): string | undefined {
  if (!c.kubeProxyReplacement && c.enableBpfMasquerade) {
    return 'the Cilium agent refuses to start: enable-bpf-masquerade needs kube-proxy-replacement; with kube-proxy, set enable-bpf-masquerade=false (and enable-ip-masq-agent=false)';
  }
  if (c.enableIpMasqAgent && !c.enableBpfMasquerade) {
    return 'the Cilium agent refuses to start: enable-ip-masq-agent needs enable-bpf-masquerade=true';
  }
  return undefined;
}
