/**
 * From, to, protocol and port, plus the preset flows of the loaded scenario.
 * The "to" field takes any name the engine resolves (pod, service[:port],
 * node) or an outside IP typed by hand; a datalist offers the known ones.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { FlowRequest, FlowProto } from '../../engine/index.ts';
import { podRef, presetsFor, serviceRef } from '../../state/presets.ts';
import { useApp, useServices, useT } from '../app/context.tsx';

const PROTOS: FlowProto[] = ['icmp', 'tcp', 'udp'];

/**
 * Pods offered in the From list and the To suggestions. A 100,000-pod cluster
 * as 200,000 <option>s took React over a minute to insert (each new keyed
 * sibling looks past the others for its place) and made nobody's choice
 * easier: past this many, the first ones are listed and the drawing's search
 * finds the rest.
 */
export const LISTED_PODS = 1000;

/** The pods listed: all of them up to LISTED_PODS (the same array), else the first LISTED_PODS. */
export function listedPods<P>(all: P[]): P[] {
  return all.length > LISTED_PODS ? all.slice(0, LISTED_PODS) : all;
}

export function Presets() {
  const t = useT();
  const { actions } = useServices();
  const summary = useApp((s) => s.summary);
  const flow = useApp((s) => s.flow);
  const presets = useMemo(() => (summary ? presetsFor(summary) : []), [summary]);
  const same = (a: FlowRequest) => a.from === flow.from && a.to === flow.to && a.proto === flow.proto && a.port === flow.port;
  return (
    <div className="presets" role="group" aria-label={t('flow.presets')}>
      {presets.map((p) => (
        <button key={p.id} type="button" className={same(p.flow) ? 'preset is-on' : 'preset'} aria-pressed={same(p.flow)} title={p.label}
          data-flow={p.label} onClick={() => void actions.setFlow(p.flow)}>
          {t(`preset.${p.id}`)}
        </button>
      ))}
    </div>
  );
}

export function FlowPicker() {
  const t = useT();
  const { actions } = useServices();
  const summary = useApp((s) => s.summary);
  const flow = useApp((s) => s.flow);
  const [draft, setDraft] = useState(flow);
  useEffect(() => setDraft(flow), [flow]);
  // A pod or node clicked in the drawing shows here as the source until the destination is clicked.
  const pick = useApp((s) => s.pick);
  useEffect(() => {
    if (pick !== undefined) setDraft((d) => ({ ...d, from: pick }));
  }, [pick]);
  const allPods = useMemo(() => summary?.nodes.flatMap((n) => n.pods) ?? [], [summary]);
  const pods = useMemo(() => listedPods(allPods), [allPods]);
  const podsLabel = pods === allPods
    ? t('flow.pods')
    : t('flow.podsFirst', { shown: LISTED_PODS.toLocaleString(), total: allPods.length.toLocaleString() });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: FlowRequest = { from: draft.from.trim(), to: draft.to.trim(), proto: draft.proto };
    if (draft.proto !== 'icmp' && draft.port) next.port = draft.port;
    void actions.setFlow(next);
  };
  return (
    <form className="flow-picker" onSubmit={submit}>
      <label>
        <span>{t('flow.from')}</span>
        <select aria-label={t('flow.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}>
          {!pods.some((p) => podRef(p) === draft.from) && !summary?.nodes.some((n) => n.name === draft.from) && <option value={draft.from}>{draft.from}</option>}
          <optgroup label={podsLabel}>
            {pods.map((p) => (
              <option key={p.key} value={podRef(p)}>
                {podRef(p)} ({p.node})
              </option>
            ))}
          </optgroup>
          <optgroup label={t('flow.nodes')}>
            {summary?.nodes.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        <span>{t('flow.to')}</span>
        <input aria-label={t('flow.to')} list="flow-targets" value={draft.to} placeholder={t('flow.toPlaceholder')} spellCheck={false} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        <datalist id="flow-targets">
          {pods.map((p) => (
            <option key={p.key} value={podRef(p)}>{`${t('flow.pods')} · ${p.ip}`}</option>
          ))}
          {summary?.services.map((s) => (
            <option key={s.key} value={serviceRef(s)}>{`${t('flow.services')} · ${s.ip ?? ''}`}</option>
          ))}
          {summary?.nodes.map((n) => (
            <option key={n.name} value={n.name}>{`${t('flow.nodes')} · ${n.ip}`}</option>
          ))}
          <option value="8.8.8.8">{t('flow.outside')}</option>
        </datalist>
      </label>
      <label>
        <span>{t('flow.proto')}</span>
        <select aria-label={t('flow.proto')} value={draft.proto} onChange={(e) => setDraft({ ...draft, proto: e.currentTarget.value as FlowProto })}>
          {PROTOS.map((p) => (
            <option key={p} value={p}>
              {p.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('flow.port')}</span>
        <input
          type="number"
          aria-label={t('flow.port')}
          className="port-input"
          min={1}
          max={65535}
          disabled={draft.proto === 'icmp'}
          value={draft.proto === 'icmp' ? '' : (draft.port ?? '')}
          onChange={(e) => {
            const v = e.currentTarget.valueAsNumber;
            const { port: _drop, ...rest } = draft;
            setDraft(Number.isFinite(v) ? { ...rest, port: v } : rest);
          }}
        />
      </label>
      <button type="submit" className="primary">
        {t('flow.go')}
      </button>
    </form>
  );
}
