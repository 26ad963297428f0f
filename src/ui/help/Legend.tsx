/**
 * The legend (? key, or the button): every shape, colour and badge the
 * drawing uses, each drawn with the drawing's own CSS classes so the sample
 * is the real thing in either theme, plus the keys. A <dialog>: Escape and ?
 * close it, and it hands focus back where it was.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { useApp, useServices, useT } from '../app/context.tsx';

const R = 11;
const CIRCLE = `M${R},0A${R},${R} 0 1,1 ${-R},0A${R},${R} 0 1,1 ${R},0Z`;
const DIAMOND = `M0,${-R - 3}L${R + 3},0L0,${R + 3}L${-R - 3},0Z`;

/** A 64x40 sample drawn with the topology's classes. */
function Sample({ children }: { children: ReactNode }) {
  return (
    <svg className="legend-sample topology-svg" viewBox="0 0 64 40" width="64" height="40" aria-hidden="true">
      {children}
    </svg>
  );
}

function Marker({ dir, glyph, dropped, idle }: { dir: 'request' | 'reply'; glyph: string; dropped?: boolean; idle?: boolean }) {
  return (
    <g className={`packet dir-${dir}${dropped ? ' is-dropped' : ''}${idle ? ' is-idle' : ''}`} transform="translate(32,20)">
      <path className="packet-shape" d={dir === 'reply' ? DIAMOND : CIRCLE} />
      <text className="packet-glyph" textAnchor="middle" y={5}>
        {glyph}
      </text>
    </g>
  );
}

type LegendGroup = { group: MessageKey; items: { key: MessageKey; sample: ReactNode }[] };

const ITEMS: LegendGroup[] = [
  {
    group: 'legend.packets',
    items: [
      { key: 'legend.request', sample: <Marker dir="request" glyph="→" /> },
      { key: 'legend.reply', sample: <Marker dir="reply" glyph="←" /> },
      { key: 'legend.dropped', sample: <Marker dir="request" glyph="✕" dropped /> },
      { key: 'legend.trail', sample: <polyline className="packet-trail dir-request" points="4,28 30,28 30,12 60,12" /> },
      {
        key: 'legend.current',
        sample: (
          <g className="port is-current">
            <rect x={8} y={8} width={48} height={24} rx={4} />
          </g>
        ),
      },
      {
        key: 'legend.socket',
        sample: (
          <g className="socket-badge" transform="translate(32,20)">
            <rect x={-30} y={-10} width={60} height={20} rx={10} />
          </g>
        ),
      },
      { key: 'legend.outer', sample: <text className="packet-extra" x={4} y={25}>VNI</text> },
      { key: 'legend.waiting', sample: <Marker dir="request" glyph="→" idle /> },
    ],
  },
  {
    group: 'legend.places',
    items: [
      { key: 'legend.node', sample: <rect className="node-box" x={3} y={3} width={58} height={34} rx={8} /> },
      {
        key: 'legend.pod',
        sample: (
          <g>
            <rect className="pod-box" x={6} y={2} width={52} height={22} rx={5} />
            <g className="port port-lxc">
              <rect x={14} y={28} width={36} height={10} rx={3} />
            </g>
          </g>
        ),
      },
      {
        key: 'legend.host',
        sample: (
          <g className="port port-overlay">
            <rect x={6} y={10} width={52} height={20} rx={4} />
          </g>
        ),
      },
      {
        key: 'legend.stack',
        sample: (
          <g className="port port-stack">
            <rect x={6} y={10} width={52} height={20} rx={4} />
          </g>
        ),
      },
      {
        key: 'legend.network',
        sample: (
          <g>
            <line className="bus" x1={6} x2={58} y1={10} y2={10} />
            <g className="outside">
              <rect x={8} y={20} width={48} height={16} rx={8} />
            </g>
          </g>
        ),
      },
      {
        key: 'legend.pick',
        sample: (
          <g>
            <rect className="pod-box" x={2} y={10} width={20} height={20} rx={4} />
            <rect className="pod-box" x={42} y={10} width={20} height={20} rx={4} />
            <polyline className="packet-trail dir-request" points="24,20 40,20" />
          </g>
        ),
      },
    ],
  },
  {
    group: 'legend.maps',
    items: [
      { key: 'legend.lit', sample: <rect className="legend-lit" x={4} y={10} width={56} height={20} /> },
      { key: 'legend.new', sample: <rect className="legend-new" x={4} y={10} width={56} height={20} rx={4} /> },
    ],
  },
];

const byKey = (k: MessageKey): LegendGroup => ITEMS.find((g) => g.group === k) ?? { group: k, items: [] };
const GROUPS = { packets: byKey('legend.packets'), places: byKey('legend.places'), maps: byKey('legend.maps') };

function Group({ group }: { group: LegendGroup }) {
  const t = useT();
  return (
    <section>
      <h3>{t(group.group)}</h3>
      <ul>
        {group.items.map((it) => (
          <li key={it.key}>
            <Sample>{it.sample}</Sample>
            <span>{t(it.key)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const KEY_LINES: MessageKey[] = ['keys.step', 'keys.play', 'keys.ends', 'keys.clicker', 'keys.rows', 'keys.presenter', 'keys.legend', 'keys.escape'];

export function Legend() {
  const { store } = useServices();
  const open = useApp((s) => s.legend);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="legend" aria-labelledby="legend-title" data-testid="legend" onClose={() => store.setState({ legend: false })}>
      {/* Drawn only while open: its samples reuse the drawing's classes, which the page's queries look for. */}
      {open && <LegendBody />}
    </dialog>
  );
}

function LegendBody() {
  const t = useT();
  const { store } = useServices();
  return (
    <>
      <div className="legend-head">
        <h2 id="legend-title">{t('legend.title')}</h2>
        <button type="button" onClick={() => store.setState({ legend: false })}>
          {t('legend.close')} (Esc)
        </button>
      </div>
      {/* Two columns balanced for 1280x720: the packet and the maps | the cluster and the keys. */}
      <div className="legend-grid">
        <div>
          <Group group={GROUPS.packets} />
          <Group group={GROUPS.maps} />
        </div>
        <div>
          <Group group={GROUPS.places} />
          <section>
            <h3>{t('legend.keys')}</h3>
            <ul className="legend-keys">
              {KEY_LINES.map((k) => (
                <li key={k}>{t(k)}</li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}

/** The header's button that opens the legend (same as the ? key). */
export function LegendButton() {
  const t = useT();
  const { store } = useServices();
  return (
    <button type="button" className="legend-button" title={`${t('legend.open')} (?)`} data-testid="legend-button" onClick={() => store.setState({ legend: true })}>
      ? {t('legend.open')}
    </button>
  );
}
