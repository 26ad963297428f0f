/**
 * The cluster drawing. React renders the skeleton from state (nodes, ports,
 * pods, the bus and the outside world) and re-renders only when the layout or
 * the current hop changes; the moving packet lives in a <g> owned by D3
 * (PacketLayer), fed by store.subscribe, so frames never go through React.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
import { FoldStrip } from './FoldStrip.tsx';
import { flowFocus, FOCUS_ABOVE, fullTextPx, usesFocus, type Focus } from './focus.ts';
import { fitZoom, layoutTopology, type NodeLayout, type PortLayout, type TopologyLayout } from './layout.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';
import { PacketLayer } from './packet-layer.ts';
import { markOnly, mergeFocus, sharedBand, sharedCalloutLines, unionSummary } from './shared.ts';
import { sharedNudge } from './shared-nudge.ts';
import { TopologySearch } from './TopologySearch.tsx';

/**
 * Pane size (CSS px) at which the drawing is at 1:1; larger panes zoom in up to 2x.
 * Presenter mode is laid out at 1:1 on a 1280x720 projector (its type is sized for the screen).
 */
const ZOOM_BASE = { width: 860, height: 420 };
const ZOOM_BASE_PRESENTER = { width: 840, height: 440 };
/**
 * A short pane in the normal view (a 1280x720 laptop) that focuses because the full drawing's text would be
 * unreadable: the focused drawing is small, so it starts zoomed in from here (fitZoom backs off while it is crowded).
 */
const ZOOM_BASE_SHORT = { width: 640, height: 280 };
/** Screen px between the drawing's tools (legend, export, search) and its labels. */
const TOOLS_MARGIN_PX = 12;
const NO_PINS: Focus = { nodes: new Set(), pods: new Set() };

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

/** The width of an element as rendered (0 until measured): the drawing keeps that much room free for it. */
function useWidth<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth((w) => (Math.abs(w - entry.contentRect.width) < 2 ? w : Math.ceil(entry.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The callout keeps a third line for the whole flow when any hop has an outer header or a drop. */
function calloutLines(trace: Trace | undefined): number {
  return trace?.events.some((e) => e.packet?.outer || e.drop) ? 3 : 2;
}

/**
 * One side's cluster drawing: side A everywhere, side B in the compare view;
 * `shared`: both sides of a compare on one drawing (presenter mode), each with
 * its marker, lit port and half of the callout band (shared.ts).
 * `tools` (the export buttons) sit with the legend button and the search box
 * in one row: bottom left in the normal view, top right in focus (where the
 * callout takes the bottom's width); the layout keeps the row's measured
 * width free, so no button covers a label or the marker's callout.
 */
export function Topology({ side = 'a', tools, shared = false }: { side?: Side; tools?: ReactNode; shared?: boolean }) {
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
  const ownSummary = useApp(sel.summary);
  const trace = useApp(sel.trace);
  const current = useApp(sel.event);
  // The shared drawing's second side (undefined when the drawing is one side's).
  const summaryB = useApp((s) => (shared ? s.compare?.summary : undefined));
  const traceB = useApp((s) => (shared ? SIDES.b.trace(s) : undefined));
  const currentB = useApp((s) => (shared ? SIDES.b.event(s) : undefined));
  const union = useMemo(
    () => (ownSummary && shared ? unionSummary(ownSummary, summaryB, (s) => t('compare.onlyTag', { side: s.toUpperCase() })) : undefined),
    [ownSummary, summaryB, shared, t],
  );
  const summary = union?.summary ?? ownSummary;
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [toolsRef, toolsW] = useWidth<HTMLDivElement>();
  const packetRef = useRef<SVGGElement>(null);
  const packetRefB = useRef<SVGGElement>(null);
  const presenter = useApp((s) => s.presenter);
  // Nodes and pods the reader brought in with the search box: drawn full size too.
  const [pinned, setPinned] = useState<Focus>(NO_PINS);
  useEffect(() => setPinned(NO_PINS), [summary]);
  const nodeCount = summary?.nodes.length ?? 0;
  // Not in presenter mode, which hides the pickers too: find the node first, then present.
  const searchable = nodeCount > FOCUS_ABOVE && !presenter;
  // Per flow, never per hop: the drawing stays still while the flow is stepped through.
  const focus = useMemo(() => (shared ? mergeFocus(flowFocus(trace, pinned), flowFocus(traceB)) : flowFocus(trace, pinned)), [trace, traceB, pinned, shared]);
  const sideLines = useMemo(() => ({ a: calloutLines(trace), b: calloutLines(traceB) }), [trace, traceB]);
  const lines = shared ? sharedCalloutLines(sideLines.a, sideLines.b) : calloutLines(trace);
  // On a big screen draw the same layout larger (the viewBox scales it up), so
  // type grows with the projector instead of the boxes spreading apart.
  const base = presenter ? ZOOM_BASE_PRESENTER : ZOOM_BASE;
  const words = useMemo(
    () => ({
      foldText: {
        node: (name: string, pods: number) => t(pods === 1 ? 'topology.foldNodeOne' : 'topology.foldNode', { name, n: pods }),
        zone: (zone: string | undefined, nodes: number, pods: number) =>
          t('topology.foldZone', { zone: zone ?? t('topology.noZone'), nodes, pods: pods.toLocaleString('en-US') }),
      },
      stackLabel: t('topology.stack'),
      outsideLabel: t('topology.outside'),
    }),
    [t],
  );
  // One layout of the drawing, full or focused, fitted to the pane (and to the tools' room).
  const placeAll = useCallback((summary: ScenarioSummary, focused: boolean, from = base): TopologyLayout => {
    const toolsPx = toolsW > 0 ? toolsW + TOOLS_MARGIN_PX : 0;
    // `room`: drawing units kept free for the tools, left of the callout (normal) or beside the fold row (focus).
    const lay = (zoom: number, room: number) =>
      layoutTopology(summary, {
        width: size.width / zoom,
        height: size.height / zoom,
        priority: focus.pods,
        ...(focused ? { focus } : {}),
        presenter,
        calloutLines: lines,
        // In focus the tools move to the top right, beside the fold row, so the callout gets the bottom's width.
        reserveLeft: focused ? 0 : room,
        reserveTop: focused ? room : 0,
        ...words,
      });
    const fit = fitZoom((z) => lay(z, focused ? toolsPx / z : 0), size, from);
    if (toolsPx === 0) return fit.layout;
    // The room in true screen px: a drawing larger than the pane is shown smaller than `zoom`, centred.
    const shown = Math.min(size.width / fit.layout.width, size.height / fit.layout.height);
    if (focused) return shown < fit.zoom * 0.98 ? lay(fit.zoom, toolsPx / shown) : fit.layout;
    // Normal view: the tools sit bottom left; the margin left of a centred drawing already counts (the room does not change its width).
    const margin = (size.width - fit.layout.width * shown) / 2;
    return toolsPx > margin ? lay(fit.zoom, (toolsPx - margin) / shown) : fit.layout;
  }, [size, base, focus, presenter, lines, words, toolsW]);
  const { layout, focused, callouts } = useMemo((): { layout: TopologyLayout | undefined; focused: boolean; callouts?: ReturnType<typeof sharedBand>['callouts'] } => {
    if (!summary) return { layout: undefined, focused: false };
    if (union) {
      const band = sharedBand(markOnly(placeAll(summary, true), union.only), sideLines);
      return { layout: band.layout, focused: true, callouts: band.callouts };
    }
    // Full or focus: the full drawing unless presenter mode, a big cluster, or its text would be too small to read.
    if (usesFocus(nodeCount, presenter)) return { layout: placeAll(summary, true), focused: true };
    const full = placeAll(summary, false);
    if (!usesFocus(nodeCount, presenter, fullTextPx(full, size))) return { layout: full, focused: false };
    return { layout: placeAll(summary, true, ZOOM_BASE_SHORT), focused: true };
  }, [summary, nodeCount, size, presenter, placeAll, union, sideLines]);

  useEffect(() => {
    const g = packetRef.current;
    if (!g || !layout) return;
    if (!shared) {
      const layer = new PacketLayer(g, layout, store, sel);
      return () => layer.dispose();
    }
    const gb = packetRefB.current;
    if (!gb || !callouts) return;
    const c = callouts;
    const nudge = sharedNudge(layout);
    const a = new PacketLayer(g, layout, store, SIDES.a, { callout: c.a, letter: 'A', nudge: (s) => nudge(s).a });
    const b = new PacketLayer(gb, layout, store, SIDES.b, { callout: c.b, letter: 'B', nudge: (s) => nudge(s).b });
    return () => {
      a.dispose();
      b.dispose();
    };
  }, [layout, store, sel, shared, callouts]);

  const anchor = current && layout ? hopAnchor(current, layout) : undefined;
  const currentPort = anchor?.port;
  const portB = currentB && layout ? hopAnchor(currentB, layout).port : undefined;
  const dropped = current !== undefined && isDropped(current);
  const droppedB = currentB !== undefined && isDropped(currentB);
  const stackLabel = t('topology.stack');
  return (
    <div className={shared ? 'topology is-shared' : 'topology'} ref={boxRef} data-side={shared ? 'ab' : side} data-legend={focused ? 'top' : 'bottom'}>
      {layout && summary ? (
        <svg
          aria-label={t('topology.label')}
          role="group"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          preserveAspectRatio="xMidYMid meet"
          className="topology-svg"
          data-focus={layout.focus ? 'on' : 'off'}
        >
          <Wires layout={layout} label={t('topology.wire')} outsideLabel={t('topology.outside')} active={current?.kind === 'wire'} />
          {layout.fold && <FoldStrip fold={layout.fold} size={layout.type.chip} label={t('topology.folded')} picked={pick} onPick={onPick} />}
          {layout.nodes.map((n) => (
            <NodeBox
              key={n.name}
              node={n}
              here={[current, currentB].some((ev) => ev?.node === n.name || (ev?.kind === 'wire' && ev.peer?.node === n.name))}
              currentPort={currentPort?.node === n.name ? currentPort : undefined}
              currentB={portB?.node === n.name ? portB : undefined}
              shared={shared}
              dropped={(dropped && currentPort?.node === n.name) || (droppedB && portB?.node === n.name)}
              stackLabel={stackLabel}
              morePods={n.hiddenPods ? t('topology.morePods', { n: n.hiddenPods }) : ''}
              picked={pick}
              onPick={onPick}
              layout={layout}
              arpMac={current?.kind === 'arp-proxy' && currentPort?.kind === 'lxc' && currentPort.node === n.name ? arpMac(current) : currentB?.kind === 'arp-proxy' && portB?.kind === 'lxc' && portB.node === n.name ? arpMac(currentB) : undefined}
              pinned={pinned}
            />
          ))}
          <g ref={packetRef} className="packet-layer" data-side={shared ? 'a' : undefined} />
          {shared && <g ref={packetRefB} className="packet-layer" data-side="b" />}
        </svg>
      ) : (
        <p className="topology-empty">{t('app.loading')}</p>
      )}
      <div className="topology-tools" ref={toolsRef}>
        {searchable && summary && (
          <TopologySearch
            summary={summary}
            onFind={(found) => setPinned((p) => ({ nodes: new Set([...p.nodes, found.node]), pods: found.pod ? new Set([...p.pods, found.pod]) : p.pods }))}
            onClear={pinned.nodes.size ? () => setPinned(NO_PINS) : undefined}
          />
        )}
        {/* In the drawing's free corner: the legend explains this drawing. */}
        {side === 'a' && <LegendButton />}
        {tools}
      </div>
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
  const fs = { fontSize: layout.type.chip };
  return (
    <g className={active ? 'wires is-active' : 'wires'}>
      {layout.bus.map((b, i) => (
        <line key={i} className="bus" x1={b.x1} x2={b.x2} y1={b.y} y2={b.y} />
      ))}
      {layout.trunk && <line className="bus" x1={layout.trunk.x} x2={layout.trunk.x} y1={layout.trunk.y1} y2={layout.trunk.y2} />}
      {layout.nodes.map((n) => (
        <line key={n.name} className="drop" x1={n.device.anchor.x} x2={n.device.anchor.x} y1={n.device.box.y + n.device.box.h} y2={n.busY} />
      ))}
      {layout.bus[0] && (
        // Just right of the first node's drop to the bus, clear of every drop line.
        <text className="bus-label" x={(layout.nodes[0]?.device.anchor.x ?? layout.bus[0].x1) + 8} y={layout.bus[0].y - 5} style={fs}>
          {label}
        </text>
      )}
      {lastBus && <line className="drop" x1={o.x + o.w / 2} x2={o.x + o.w / 2} y1={lastBus.y} y2={o.y} />}
      <g data-testid="outside" className="outside">
        <rect x={o.x} y={o.y} width={o.w} height={o.h} rx={o.h / 2} />
        <text x={o.x + o.w / 2} y={o.y + o.h / 2 + layout.type.chip * 0.36} textAnchor="middle" style={fs}>
          {outsideLabel}
        </text>
      </g>
    </g>
  );
}

/** The MAC the ARP reply gives: the lxc's own, drawn on the lxc at that hop. */
function arpMac(ev: NonNullable<ReturnType<typeof SIDES.a.event>>): string | undefined {
  return ev.packet?.arp?.op === 'reply' ? ev.packet.srcMac : undefined;
}

/** Cuts a label to `max` characters with an ellipsis (the full name is in the group's <title>). */
function clip(text: string, max: number): string {
  const n = Math.max(3, Math.floor(max));
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** In the shared drawing: which sides' hops are at this port (`cur-a`, `cur-b`), for the side's colour. */
function sideMarks(a: boolean, b: boolean | undefined): string {
  if (b === undefined) return '';
  return `${a ? ' cur-a' : ''}${b ? ' cur-b' : ''}`;
}

function Port({ port, current, currentB, className, label, sub }: {
  port: PortLayout; current: boolean; currentB?: boolean; className?: string; label?: string; sub?: string;
}) {
  const { box } = port;
  const text = label ?? port.label;
  const two = port.sub !== undefined && !port.inline;
  const lit = current || currentB === true;
  return (
    <g
      data-iface={port.kind === 'eth0' ? 'eth0' : port.iface}
      data-only={port.only}
      className={`port port-${port.kind}${lit ? ' is-current' : ''}${sideMarks(current, currentB)}${port.only ? ` only-${port.only}` : ''} ${className ?? ''}`}
    >
      <title>{port.sub ? `${port.iface} ${port.sub}` : port.iface}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={4} />
      {/* Side B's ring outside the port's own outline, so a port both sides are at shows both colours. */}
      {currentB && <rect className="ring-b" x={box.x - 4} y={box.y - 4} width={box.w + 8} height={box.h + 8} rx={6} />}
      <text
        x={box.x + box.w / 2}
        y={box.y + (two ? box.h / 2 - 2 : box.h / 2 + port.size * 0.36)}
        textAnchor="middle"
        className={sub ? 'port-name is-mac' : 'port-name'}
        style={{ fontSize: port.size }}
      >
        {sub ?? text}
        {port.inline && port.sub && <tspan className="port-ip">{` ${port.sub}`}</tspan>}
      </text>
      {two && (
        <text x={box.x + box.w / 2} y={box.y + box.h / 2 + port.subSize * 0.95} textAnchor="middle" className="port-ip" style={{ fontSize: port.subSize }}>
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
  currentB,
  shared = false,
  dropped,
  stackLabel,
  morePods,
  picked,
  onPick,
  layout,
  arpMac,
  pinned,
}: {
  node: NodeLayout;
  here: boolean;
  currentPort: PortLayout | undefined;
  /** The shared drawing's side B port (undefined in a one-side drawing or elsewhere). */
  currentB?: PortLayout | undefined;
  shared?: boolean;
  dropped: boolean;
  stackLabel: string;
  morePods: string;
  /** The pod or node clicked as the next flow's source. */
  picked: string | undefined;
  onPick: (ref: string) => void;
  layout: TopologyLayout;
  /** At the ARP hop: the lxc's MAC, written on the lxc that answered. */
  arpMac: string | undefined;
  pinned: Focus;
}) {
  const { box } = node;
  const t = layout.type;
  const cls = (p: PortLayout) => (dropped && (currentPort === p || currentB === p) ? 'is-drop' : undefined);
  // Side B's mark: only in the shared drawing (a one-side drawing's ports keep their classes as they were).
  const isB = (p: PortLayout) => (shared ? currentB === p : undefined);
  const found = (key: string) => (pinned.pods.has(key) ? ' is-found' : '');
  // Where Hubble saw the real flow chosen in the reality panel (issue #9).
  const observed = useStore(realityStore, (s) => (s.observed?.node === node.name ? s.observed : undefined));
  return (
    <g
      data-node={node.name}
      data-observed={observed ? observed.point ?? observed.verdict : undefined}
      className={`node${isHere ? ' is-here' : ''}${isHere && dropped ? ' is-drop' : ''}${picked === node.name ? ' is-picked' : ''}${pinned.nodes.has(node.name) ? ' is-found' : ''}${observed ? ' is-observed' : ''}`}
      onClick={() => onPick(node.name)}
    >
      <title>{node.name}</title>
      <rect className="node-box" x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
      <text className="node-name" x={box.x + 10} y={box.y + 5 + t.nodeName * 0.92} style={{ fontSize: t.nodeName }}>
        {clip(node.name, node.nameMax)}
      </text>
      {observed && (
        <text className="observed-label" x={box.x + box.w / 2} y={box.y - 3} textAnchor="middle" style={{ fontSize: t.sub }}>
          {`Hubble: ${observed.point ?? observed.verdict}`}
        </text>
      )}
      <text className="node-ip" x={box.x + 10} y={box.y + 9 + t.nodeName + t.sub * 0.8} style={{ fontSize: t.sub }}>
        {node.ip}
        {morePods ? ` · ${morePods}` : ''}
      </text>
      {node.pods.map((p) => {
        const here = currentPort === p.eth0 || currentPort === p.lxc || currentB === p.eth0 || currentB === p.lxc;
        return (
          <g
            key={p.pod.key}
            data-pod={p.pod.key}
            className={`pod${picked === podRef(p.pod) ? ' is-picked' : ''}${here ? ' is-here' : ''}${found(p.pod.key)}`}
            onClick={(e) => {
              // The pod's click is the pod's, not its node's.
              e.stopPropagation();
              onPick(podRef(p.pod));
            }}
          >
            <line className="veth" x1={p.veth.x} x2={p.veth.x} y1={p.veth.y1} y2={p.veth.y2} />
            <rect className="pod-box" x={p.box.x} y={p.box.y} width={p.box.w} height={p.box.h} rx={6} />
            <title>{`${p.pod.key} ${p.pod.ip} (${p.pod.lxc})`}</title>
            <text className="pod-name" x={p.box.x + 6} y={p.nameY} style={{ fontSize: t.podName }}>
              {clip(p.pod.name, p.nameMax)}
            </text>
            <text className="pod-ip" x={p.ipX ?? p.box.x + 6} y={p.ipY} style={{ fontSize: t.sub }}>
              {p.pod.ip}
            </text>
            <Port port={p.eth0} current={currentPort === p.eth0} currentB={isB(p.eth0)} className={cls(p.eth0)} />
            <Port
              port={p.lxc}
              current={currentPort === p.lxc}
              currentB={isB(p.lxc)}
              className={cls(p.lxc)}
              {...(arpMac && (currentPort === p.lxc || currentB === p.lxc) ? { sub: arpMac } : {})}
            />
          </g>
        );
      })}
      {node.ports.map((port) => (
        <Port key={port.iface} port={port} current={currentPort === port} currentB={isB(port)} className={cls(port)} label={port.kind === 'stack' ? stackLabel : undefined} />
      ))}
    </g>
  );
});
