/**
 * The policy tab's endpoint choice. Each endpoint has its own policy map
 * (`cilium_policy_<EPID5>`); the tab shows one at a time: the one the
 * current hop looked up, or the one picked here.
 */
import { rowOfOp, type HopEvent } from '../../engine/index.ts';
import type { MapRow } from '../../worker/protocol.ts';
import type { SummaryPod } from '../../worker/summary.ts';
import { useApp, useServices, useT } from '../app/context.tsx';

/** Endpoint ids that have rows, in map order. */
export function policyEndpoints(rows: readonly MapRow[] | undefined): number[] {
  const out: number[] = [];
  for (const r of rows ?? []) {
    if (r.endpointId !== undefined && !out.includes(r.endpointId)) out.push(r.endpointId);
  }
  return out;
}

/** The endpoint to show: the picked one, else the current hop's, else the first. */
export function chosenEndpoint(picked: number | undefined, ev: HopEvent | undefined, node: string, ids: number[]): number | undefined {
  if (picked !== undefined && ids.includes(picked)) return picked;
  const op = ev?.maps.find((o) => o.node === node && o.map === 'cilium_policy');
  const fromHop = op ? rowOfOp(op).endpointId : undefined;
  if (fromHop !== undefined) return fromHop;
  if (ev?.dstEndpoint !== undefined && ids.includes(ev.dstEndpoint)) return ev.dstEndpoint;
  return ids[0];
}

export function PolicyFilter({ ids, chosen, pods }: { ids: number[]; chosen: number | undefined; pods: SummaryPod[] }) {
  const t = useT();
  const { store } = useServices();
  const picked = useApp((s) => s.policyEndpoint);
  const name = (id: number) => pods.find((p) => p.endpointId === id)?.key ?? (id === chosen ? '' : 'health / host');
  return (
    <label className="policy-filter">
      <span>{t('maps.endpoint')}</span>
      <select
        data-testid="policy-endpoint"
        value={picked !== undefined && ids.includes(picked) ? String(picked) : ''}
        onChange={(e) => store.setState({ policyEndpoint: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
      >
        <option value="">
          {t('maps.endpointOfHop')} ({chosen ?? '–'} {chosen !== undefined ? name(chosen) : ''})
        </option>
        {ids.map((id) => (
          <option key={id} value={id}>
            {id} {name(id)}
          </option>
        ))}
      </select>
    </label>
  );
}
