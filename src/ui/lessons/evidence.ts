/**
 * A lesson stop's evidence as the page's one "show this evidence" request
 * (state/evidence.ts): the named maps' tab and their answer rows, lit in the
 * hop's evidence rows and the map panel; the tcpdump target of the strip
 * under the drawing (strace beside it, always); a views tab only for what
 * the strip does not show (hubble, a terminal command).
 */
import type { Evidence } from '../../lessons/model.ts';
import { showEvidence as request } from '../../state/evidence.ts';
import { selectCurrentEvent } from '../../state/selectors.ts';
import type { AppState, AppStore, EvidenceRequest, ViewTab } from '../../state/store.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';
import { tabOfMap } from '../panels/map-tabs.ts';

/** The views tab a stop needs besides the strip (which shows strace and tcpdump): hubble, then the terminal. */
export function evidenceView(ev: Evidence): ViewTab | undefined {
  if (ev.hubble) return 'hubble';
  if (ev.terminal) return 'terminal';
  return undefined;
}

/** The tcpdump target id (terminal/tcpdump.ts targetId) for `at` as a lesson names it: a pod or NODE:IFACE. */
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

/** The request for a stop at the current hop: the rows are the hop's own rows of the named maps (the key's first). */
export function evidenceRequest(s: AppState, ev: Evidence): EvidenceRequest {
  const req: EvidenceRequest = {};
  const names = ev.maps?.names ?? [];
  const tab = names.map(tabOfMap).find((t) => t !== undefined);
  if (tab) {
    const ops = (selectCurrentEvent(s)?.maps ?? []).filter((o) => names.includes(o.map));
    const key = ev.maps?.key;
    const keyed = key === undefined ? ops : ops.filter((o) => o.key.includes(key));
    // The panel shows the node whose rows prove the stop (the hop may read another node's map).
    const node = (keyed[0] ?? ops[0])?.node;
    req.map = { tab, rows: [...new Set(ops.map((o) => o.key))], ...(node !== undefined ? { node } : {}) };
  }
  if (ev.tcpdump) {
    const at = tcpdumpTargetId(s.summary, ev.tcpdump.at);
    if (at) req.tcpdump = at;
  }
  const view = evidenceView(ev);
  if (view) req.view = view;
  if (ev.terminal !== undefined) req.command = ev.terminal;
  return req;
}

export function showEvidence(store: AppStore, ev: Evidence): void {
  request(store, evidenceRequest(store.getState(), ev));
}
