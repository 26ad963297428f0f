/**
 * The folded nodes: one chip per node the flow does not touch (click: pick it
 * as source or destination, like a node box), or one per zone with counts
 * when a cluster is too big for that. Geometry from fold.ts.
 */
import type { FoldLayout } from './fold.ts';

export function FoldStrip({ fold, size, label, picked, onPick }: {
  fold: FoldLayout;
  size: number;
  /** Accessible name of the strip ("Nodes this flow does not touch"). */
  label: string;
  picked: string | undefined;
  onPick: (ref: string) => void;
}) {
  return (
    <g className="fold" data-testid="fold" aria-label={label} role="list">
      {fold.chips.map((c, i) => (
        <g
          key={`${c.kind}:${c.node ?? c.zone ?? i}`}
          role="listitem"
          className={`fold-chip fold-${c.kind}${c.node && picked === c.node ? ' is-picked' : ''}`}
          {...(c.node ? { 'data-fold-node': c.node, onClick: () => onPick(c.node as string) } : { 'data-fold-zone': c.zone ?? '' })}
        >
          <title>{c.label}</title>
          <rect x={c.box.x} y={c.box.y} width={c.box.w} height={c.box.h} rx={c.box.h / 2} />
          <text x={c.box.x + c.box.w / 2} y={c.box.y + c.box.h / 2 + size * 0.36} textAnchor="middle" style={{ fontSize: size }}>
            {c.label}
          </text>
        </g>
      ))}
    </g>
  );
}
