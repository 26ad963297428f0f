/**
 * The cluster drawing. React renders the skeleton from state (nodes, ports,
 * pods, the bus and the outside world) and re-renders only when the layout or
 * the current hop changes; the moving packet lives in a <g> owned by D3
 * (PacketLayer), fed by store.subscribe, so frames never go through React.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Trace } from '../../engine/index.ts';
import type { Side } from '../../state/compare.ts';
import { choosePick } from '../../state/pick.ts';
import { podRef } from '../../state/presets.ts';
import { isDropped, SIDES } from '../../state/selectors.ts';
import { useStore } from 'zustand';
import { realityStore } from '../../state/reality.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { LegendButton } from '../help/Legend.tsx';
import { hopAnchor } from './anchors.ts';
import { layoutTopology, type NodeLayout, type PortLayout, type TopologyLayout } from './layout.ts';
import { PacketLayer } from './packet-layer.ts';

/** Pane size (CSS px) at which the drawing is at 1:1; larger panes zoom in up to 2x. */
const ZOOM_BASE = { width: 860, height: 380 };

function useSize<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [size, setSize] = useState({ width: 900, height: 480 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      // Round so sub-pixel jitter does not relayout.
      setSize((s) => (Math.abs(s.width - width) < 4 && Math.abs(s.height - height) < 4 ? s : { width: Math.round(width), height: Math.round(height) }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size] as const;
}

function flowPodKeys(trace: Trace | undefined): Set<string> {
  const keys = new Set<string>();
  for (const ep of [trace?.client, trace?.server, trace?.backend]) {
    if (ep?.kind === 'pod') keys.add(`${ep.namespace}/${ep.name}`);
  }
  return keys;
}

/** One side's cluster drawing: side A everywhere, side B in the compare view. */
export function Topology({ side = 'a' }: { side?: Side }) {
  const t = useT();
  const { store, actions } = useServices();
  const sel = SIDES[side];
  const pick = useApp((s) => s.pick);
  // First click: the source; second: the destination, then the flow is traced (state/pick.ts).
  const onPick = useCallback(
    (ref: string) => {
      const r = choosePick(store.getState(), ref);
      store.setState({ pick: r.pick });
      if (r.flow) void actions.setFlow(r.flow);
    },
    [store, actions],
  );
  const summary = useApp(sel.summary);
  const trace = useApp(sel.trace);
  const current = useApp(sel.event);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const packetRef = useRef<SVGGElement>(null);
  const priority = useMemo(() => flowPodKeys(trace), [trace]);
  // On a big screen draw the same layout larger (the viewBox scales it up), so
  // type grows with the projector instead of the boxes spreading apart.
  const zoom = Math.min(2, Math.max(1, Math.min(size.width / ZOOM_BASE.width, size.height / ZOOM_BASE.height)));
  const layout = useMemo(
    () => (summary ? layoutTopology(summary, { width: size.width / zoom, height: size.height / zoom, priority }) : undefined),
    [summary, size.width, size.height, zoom, priority],
  );

  useEffect(() => {
    const g = packetRef.current;
    if (!g || !layout) return;
    const layer = new PacketLayer(g, layout, store, sel);
    return () => layer.dispose();
  }, [layout, store, sel]);

  const anchor = current && layout ? hopAnchor(current, layout) : undefined;
  const currentPort = anchor?.port;
  const dropped = current !== undefined && isDropped(current);
  const stackLabel = t('topology.stack');
  return (
    <div className="topology" ref={boxRef} data-side={side}>
      {layout && summary ? (
        <svg
          aria-label={t('topology.label')}
          role="group"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          preserveAspectRatio="xMidYMid meet"
          className="topology-svg"
        >
          <Wires layout={layout} label={t('topology.wire')} outsideLabel={t('topology.outside')} active={current?.kind === 'wire'} />
          {layout.nodes.map((n) => (
            <NodeBox
              key={n.name}
              node={n}
              here={current?.node === n.name || (current?.kind === 'wire' && current.peer?.node === n.name)}
              currentPort={currentPort?.node === n.name ? currentPort : undefined}
              dropped={dropped && currentPort?.node === n.name}
              stackLabel={stackLabel}
              morePods={n.hiddenPods ? t('topology.morePods', { n: n.hiddenPods }) : ''}
              picked={pick}
              onPick={onPick}
            />
          ))}
          <g ref={packetRef} className="packet-layer" />
        </svg>
      ) : (
        <p className="topology-empty">{t('app.loading')}</p>
      )}
      {/* In the drawing's free corner under the network line: the legend explains this drawing. */}
      {side === 'a' && <LegendButton />}
      {pick !== undefined && (
        <p className="pick-hint" role="status" data-testid="pick-hint">
          {t('pick.source', { ref: pick })}
        </p>
      )}
    </div>
  );
}

function Wires({ layout, label, outsideLabel, active }: { layout: TopologyLayout; label: string; outsideLabel: string; active: boolean }) {
  const o = layout.outside;
  const lastBus = layout.bus[layout.bus.length - 1];
  return (
    <g className={active ? 'wires is-active' : 'wires'}>
      {layout.bus.map((b, i) => (
        <line key={i} className="bus" x1={b.x1} x2={b.x2} y1={b.y} y2={b.y} />
      ))}
      {layout.trunk && <line className="bus" x1={layout.trunk.x} x2={layout.trunk.x} y1={layout.trunk.y1} y2={layout.trunk.y2} />}
      {layout.nodes.map((n) => (
        <line key={n.name} className="drop" x1={n.device.anchor.x} x2={n.device.anchor.x} y1={n.device.box.y + n.device.box.h} y2={n.busY} />
      ))}
      <text className="bus-label" x={layout.bus[0]?.x1 ?? 0} y={(layout.bus[0]?.y ?? 0) - 5}>
        {label}
      </text>
      {lastBus && <line className="drop" x1={o.x + o.w / 2} x2={o.x + o.w / 2} y1={lastBus.y} y2={o.y} />}
      <g data-testid="outside" className="outside">
        <rect x={o.x} y={o.y} width={o.w} height={o.h} rx={o.h / 2} />
        <text x={o.x + o.w / 2} y={o.y + o.h / 2 + 5} textAnchor="middle">
          {outsideLabel}
        </text>
      </g>
    </g>
  );
}

/** Cuts a label to `max` characters with an ellipsis (the full name is in the group's <title>). */
function clip(text: string, max: number): string {
  const n = Math.max(3, Math.floor(max));
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Monospace labels shrink to fit their port (0.6em per character) but never grow past `max`. */
function fitFont(text: string, width: number, max: number): number {
  return Math.max(9, Math.min(max, (width - 6) / (Math.max(1, text.length) * 0.6)));
}

function Port({ port, current, className, label }: { port: PortLayout; current: boolean; className?: string; label?: string }) {
  const { box } = port;
  const text = label ?? port.label;
  const two = port.sub !== undefined;
  const nameSize = fitFont(text, box.w, port.kind === 'eth0' ? 11.5 : 13.5);
  const subSize = port.sub ? fitFont(port.sub, box.w, 12.5) : 0;
  return (
    <g data-iface={port.kind === 'eth0' ? 'eth0' : port.iface} className={`port port-${port.kind}${current ? ' is-current' : ''} ${className ?? ''}`}>
      <title>{port.sub ? `${port.iface} ${port.sub}` : port.iface}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={4} />
      <text x={box.x + box.w / 2} y={box.y + (two ? box.h / 2 - 1 : box.h / 2 + 5)} textAnchor="middle" className="port-name" fontSize={nameSize}>
        {text}
      </text>
      {two && (
        <text x={box.x + box.w / 2} y={box.y + box.h / 2 + 12} textAnchor="middle" className="port-ip" fontSize={subSize}>
          {port.sub}
        </text>
      )}
    </g>
  );
}

/** One node; memoised so a step re-renders only the nodes whose emphasis changed. */
const NodeBox = memo(function NodeBox({
  node,
  here: isHere,
  currentPort,
  dropped,
  stackLabel,
  morePods,
  picked,
  onPick,
}: {
  node: NodeLayout;
  here: boolean;
  currentPort: PortLayout | undefined;
  dropped: boolean;
  stackLabel: string;
  morePods: string;
  /** The pod or node clicked as the next flow's source. */
  picked: string | undefined;
  onPick: (ref: string) => void;
}) {
  const { box } = node;
  const cls = (p: PortLayout) => (dropped && currentPort === p ? 'is-drop' : undefined);
  // Where Hubble saw the real flow chosen in the reality panel (issue #9).
  const observed = useStore(realityStore, (s) => (s.observed?.node === node.name ? s.observed : undefined));
  return (
    <g
      data-node={node.name}
      data-observed={observed ? observed.point ?? observed.verdict : undefined}
      className={`node${isHere ? ' is-here' : ''}${isHere && dropped ? ' is-drop' : ''}${picked === node.name ? ' is-picked' : ''}${observed ? ' is-observed' : ''}`}
      onClick={() => onPick(node.name)}
    >
      <rect className="node-box" x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
      <text className="node-name" x={box.x + 10} y={box.y + 21}>
        {node.name}
      </text>
      {observed && (
        <text className="observed-label" x={box.x + box.w / 2} y={box.y - 3} textAnchor="middle">
          {`Hubble: ${observed.point ?? observed.verdict}`}
        </text>
      )}
      <text className="node-ip" x={box.x + 10} y={box.y + 38}>
        {node.ip}
        {morePods ? ` · ${morePods}` : ''}
      </text>
      {node.pods.map((p) => (
        <g
          key={p.pod.key}
          data-pod={p.pod.key}
          className={picked === podRef(p.pod) ? 'pod is-picked' : 'pod'}
          onClick={(e) => {
            // The pod's click is the pod's, not its node's.
            e.stopPropagation();
            onPick(podRef(p.pod));
          }}
        >
          <line className="veth" x1={p.eth0.anchor.x} x2={p.lxc.anchor.x} y1={p.eth0.anchor.y} y2={p.lxc.box.y} />
          <rect className="pod-box" x={p.box.x} y={p.box.y} width={p.box.w} height={p.box.h} rx={6} />
          <title>{`${p.pod.key} ${p.pod.ip} (${p.pod.lxc})`}</title>
          <text className="pod-name" x={p.box.x + 6} y={p.box.y + 16}>
            {clip(p.pod.name, (p.box.w - 10) / 8.6)}
          </text>
          <text className="pod-ip" x={p.box.x + 6} y={p.box.y + 31}>
            {p.pod.ip}
          </text>
          <Port port={p.eth0} current={currentPort === p.eth0} className={cls(p.eth0)} />
          <Port port={p.lxc} current={currentPort === p.lxc} className={cls(p.lxc)} />
        </g>
      ))}
      {node.ports.map((port) => (
        <Port key={port.iface} port={port} current={currentPort === port} className={cls(port)} label={port.kind === 'stack' ? stackLabel : undefined} />
      ))}
    </g>
  );
});
