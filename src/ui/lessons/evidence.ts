/**
 * showEvidence: puts a lesson stop's evidence on screen with today's panels
 * (the map panel's tab, the views' tab, the tcpdump interface, a terminal
 * command). It is the one seam between lessons and the evidence display:
 * when the evidence area lands, this function is the only one to repoint.
 */
import type { Evidence } from '../../lessons/model.ts';
import type { AppState, AppStore, ViewTab } from '../../state/store.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';
import { tabOfMap } from '../panels/map-tabs.ts';

/** The views tab that shows a stop's capture evidence; the first named wins (tcpdump, strace, hubble, terminal). */
export function evidenceView(ev: Evidence): ViewTab | undefined {
  if (ev.tcpdump) return 'tcpdump';
  if (ev.strace) return 'strace';
  if (ev.hubble) return 'hubble';
  if (ev.terminal) return 'terminal';
  return undefined;
}

/** The tcpdump view's target id (terminal/tcpdump.ts targetId) for `at` as a lesson names it: a pod or NODE:IFACE. */
export function tcpdumpTargetId(summary: ScenarioSummary | undefined, at: string): string | undefined {
  if (!summary) return undefined;
  const colon = at.lastIndexOf(':');
  if (colon > 0) {
    const node = summary.nodes.find((n) => n.name === at.slice(0, colon));
    if (node) return `${node.name}/${at.slice(colon + 1)}`;
  }
  const name = at.replace(/:eth0$/, '');
  const pod = summary.nodes.flatMap((n) => n.pods).find((p) => p.key === name || p.key === `default/${name}`);
  return pod ? `${pod.node}/eth0@${pod.key}` : undefined;
}

export function showEvidence(store: AppStore, ev: Evidence): void {
  const s = store.getState();
  const patch: Partial<AppState> = { panelNode: undefined };
  const tab = ev.maps?.names.map(tabOfMap).find((t) => t !== undefined);
  if (tab) patch.mapTab = tab;
  const view = evidenceView(ev);
  if (view) patch.viewTab = view;
  if (ev.tcpdump) patch.tcpdumpAt = tcpdumpTargetId(s.summary, ev.tcpdump.at);
  if (ev.terminal) patch.terminalCommand = { line: ev.terminal, n: (s.terminalCommand?.n ?? 0) + 1 };
  store.setState(patch);
}
