/**
 * The current hop in detail: where it runs (node, interface, hook, program,
 * the Cilium function), the packet before and after with changed fields
 * marked, and the map operations with hit or miss.
 */
import type { HopEvent } from '../../engine/index.ts';
import { dropReasonText } from '../../i18n/index.ts';
import { isDropped, selectCurrentEvent } from '../../state/selectors.ts';
import { useApp, useT } from '../app/context.tsx';
import { opOutcome } from '../evidence/op-outcome.ts';
import { decodeRow, rawValue } from '../panels/decode.ts';
import { opNote } from './op-note.ts';
import { diffPackets, socketRows } from './packet-fields.ts';
import { policyText } from './policy-text.ts';

/** The tunnel protocol as people write it; the engine says which one the packet carries. */
const ENCAP_NAME = { vxlan: 'VXLAN', geneve: 'Geneve' } as const;

function packetBefore(events: HopEvent[], step: number): HopEvent['packet'] | undefined {
  const id = events[step]?.packet?.id;
  for (let i = step - 1; i >= 0; i--) {
    const p = events[i]?.packet;
    if (p && p.id === id) return p;
  }
  return undefined;
}

export function HopInspector() {
  const t = useT();
  const ev = useApp(selectCurrentEvent);
  const events = useApp((s) => s.trace?.events);
  const step = useApp((s) => s.step);
  const lang = useApp((s) => s.lang);
  if (!ev || !events) return <div className="inspector empty">{t('inspector.empty')}</div>;
  // A socket hop carries no packet: its rows are the call's addresses before and after the hook.
  const rows = ev.packet ? diffPackets(packetBefore(events, step), ev.packet) : ev.socket ? socketRows(ev.socket) : [];
  const policy = policyText(t, lang, ev);
  const o = ev.packet?.outer;
  // A slot row reads its service's master row (slot 0) among the hop's own ops, as the evidence strip does.
  const lookup = (map: string, key: string) => ev.maps.find((m) => m.map === map && m.key === key)?.value;
  const facts: [string, string | undefined, string?][] = [
    [t('inspector.node'), ev.node],
    [t('inspector.iface'), ev.iface],
    [t('inspector.hook'), ev.hook],
    [t('inspector.program'), ev.program],
    [t('inspector.function'), ev.source, 'source'],
    [t('inspector.observation'), ev.observation ?? ev.sockXlate],
    [t('inspector.verdict'), ev.verdict, isDropped(ev) ? 'bad' : undefined],
    [t('inspector.drop'), ev.drop ? `${dropReasonText(lang, ev.drop)} (${ev.drop.code})` : undefined, 'bad'],
    [t('inspector.policyVerdict'), policy?.verdict, policy ? (policy.allowed ? 'good' : 'bad') : undefined],
    [t('inspector.policy'), policy?.policy, 'policy'],
    [t('inspector.rule'), policy?.rule, 'policy'],
    [t('inspector.outer'), o ? `${o.src} → ${o.dst} UDP/${o.dport} (${ENCAP_NAME[o.encap]}) VNI ${o.vni}` : undefined],
  ];
  return (
    <div className="inspector" aria-label={t('inspector.title')}>
      <dl className="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v, cls]) => (
            <div key={k} className={cls ? `fact fact-${cls}` : 'fact'}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <div className="inspector-tables">
        {!ev.packet && <p className="inspector-note" data-testid="no-packet">{t('inspector.noPacket')}</p>}
        <table className="packet-table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.field')}</th>
              <th scope="col">{t('inspector.before')}</th>
              <th scope="col">{t('inspector.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.changed ? 'is-changed' : undefined}>
                <th scope="row">{t(r.key)}</th>
                <td>{r.key === 'packet.direction' && r.before ? t(`dir.${r.before as 'request' | 'reply'}`) : r.before}</td>
                <td>
                  {r.key === 'packet.direction' ? t(`dir.${r.after as 'request' | 'reply'}`) : r.after}
                  {r.changed && <span className="changed-mark" title={t('inspector.changed')}> ◀ {t('inspector.changed')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="map-ops">
          <h3>{t('inspector.maps')}</h3>
          {ev.maps.length === 0 ? (
            <p className="muted">{t('inspector.noMaps')}</p>
          ) : (
            <ul>
              {ev.maps.map((op, i) => {
                // An update that found no row inserted one: green "new row", never a red miss.
                const outcome = opOutcome(op);
                const good = outcome !== 'miss';
                // The value as the cilium CLI prints it, less a policy row's English origin: its words say it.
                const raw = rawValue(op);
                const words = decodeRow(op, lookup);
                const note = opNote(lang, op);
                const word = { hit: t('inspector.hit'), miss: t('inspector.miss'), inserted: t('evidence.inserted'), updated: t('evidence.updated'), deleted: '' }[outcome];
                return (
                <li key={i} className={`map-op op-${op.op} ${good ? 'is-hit' : 'is-miss'}`} data-outcome={outcome}>
                  <span className="op-map">{op.node} {op.map}</span>{' '}
                  <span className="op-kind">{t(`inspector.op.${op.op}`)}</span>{' '}
                  {word && <span className={good ? 'hit' : 'miss'}>{word}</span>}
                  <div className="op-row">
                    <code>{op.key}</code>
                    {raw && <code className="op-value"> → {raw}</code>}
                  </div>
                  {words && <div className="op-words" data-testid="op-words">{t(words.key, words.params)}</div>}
                  {note && <div className="op-note">{note}</div>}
                </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
