/**
 * "Show this evidence": the one way a lesson stop, a key or a button asks the
 * page to put a hop's proof on screen. It opens the map tab (and node) and
 * lights the rows named, points tcpdump at a target, opens a view, and bumps
 * `reveal` so the map panel scrolls the lit rows into view.
 */
import type { MapName } from '../engine/index.ts';
import { selectCurrentEvent } from './selectors.ts';
import type { AppStore, EvidenceRequest, MapTab } from './store.ts';

/** Shows `req` (replacing what an earlier request asked); `undefined` goes back to the hop's own evidence. */
export function showEvidence(store: AppStore, req: EvidenceRequest | undefined): void {
  store.setState((s) => ({
    evidence: req,
    mapTab: req?.map?.tab ?? s.mapTab,
    panelNode: req?.map ? req.map.node : s.panelNode,
    tcpdumpAt: req?.tcpdump ?? s.tcpdumpAt,
    viewTab: req?.view ?? (req?.command !== undefined ? 'terminal' : s.viewTab),
    reveal: s.reveal + 1,
  }));
}

/**
 * The P key: the current hop's rows into view. The panel follows the hop's
 * node and opens the tab of the first map the hop touched there.
 */
export function revealHopRows(store: AppStore, tabOf: (map: MapName) => MapTab | undefined): void {
  const s = store.getState();
  const ev = selectCurrentEvent(s);
  const node = s.evidence?.map?.node ?? s.panelNode ?? ev?.node;
  const op = ev?.maps.find((o) => o.node === node && tabOf(o.map)) ?? ev?.maps.find((o) => tabOf(o.map));
  const tab = s.evidence?.map?.tab ?? (op ? tabOf(op.map) : undefined);
  store.setState({
    mapTab: tab ?? s.mapTab,
    panelNode: op && op.node !== ev?.node ? op.node : s.panelNode,
    reveal: s.reveal + 1,
  });
}
