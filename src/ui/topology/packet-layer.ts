/**
 * The packet marker: the only part of the drawing D3 owns. It listens to the
 * store's cursor with `subscribe` (no React render per frame) and moves the
 * marker along the hop's path with a d3 transition. Request and reply differ
 * in colour (Okabe-Ito blue / orange, safe for colour-blind viewers) and in
 * shape (circle / diamond) and carry a word, so no one depends on colour.
 * In the compare view each topology has its own layer, reading its side.
 * Under prefers-reduced-motion the marker moves without animation.
 */
import { easeCubicInOut } from 'd3-ease';
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { dropReason, hopDirection, hopPacketId, type HopEvent } from '../../engine/index.ts';
import { kindName, translate } from '../../i18n/index.ts';
import { isDropped, type SideSelectors } from '../../state/selectors.ts';
import type { AppState, AppStore } from '../../state/store.ts';
import { findPort, hopAnchor, hopPath, outsidePoint, pointAlong, type Anchor } from './anchors.ts';
import type { Point, TopologyLayout } from './layout.ts';

const R = 11;

export class PacketLayer {
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private readonly marker: Selection<SVGGElement, unknown, null, undefined>;
  private readonly trail: Selection<SVGPolylineElement, unknown, null, undefined>;
  private readonly unsubscribe: () => void;
  private at: Point | undefined;

  constructor(
    g: SVGGElement,
    private readonly layout: TopologyLayout,
    private readonly store: AppStore,
    private readonly side: SideSelectors,
  ) {
    this.root = select(g);
    this.root.selectAll('*').remove();
    this.trail = this.root.append('polyline').attr('class', 'packet-trail');
    this.marker = this.root.append('g').attr('data-testid', 'packet').attr('class', 'packet').style('display', 'none');
    this.marker.append('path').attr('class', 'packet-shape');
    this.marker.append('text').attr('class', 'packet-glyph').attr('text-anchor', 'middle').attr('y', 5);
    // A solid plate behind the words: the marker often sits on a port's own label.
    this.marker.append('rect').attr('class', 'packet-plate').attr('x', R + 3).attr('y', -20).attr('height', 40).attr('rx', 5);
    this.marker.append('text').attr('class', 'packet-label').attr('x', R + 6).attr('y', -4);
    this.marker.append('text').attr('class', 'packet-sublabel').attr('x', R + 6).attr('y', 14);
    // Third line, only when there is one: the tunnel's outer header or the drop reason.
    this.marker.append('text').attr('class', 'packet-extra').attr('x', R + 6).attr('y', 32);
    const badge = this.marker.append('g').attr('class', 'socket-badge').style('display', 'none');
    badge.append('rect').attr('x', -30).attr('y', -R - 26).attr('width', 60).attr('height', 20).attr('rx', 10);
    badge.append('text').attr('text-anchor', 'middle').attr('y', -R - 11);
    this.unsubscribe = store.subscribe((s, prev) => {
      const trace = side.trace(s);
      const step = side.step(s);
      const before = side.trace(prev);
      if (step !== side.step(prev) || trace !== before || s.lang !== prev.lang || side.idle(s) !== side.idle(prev)) {
        this.show(s, before === trace ? side.step(prev) : undefined);
      }
    });
    this.show(store.getState(), undefined);
  }

  dispose(): void {
    this.unsubscribe();
    this.marker.interrupt();
    this.root.selectAll('*').remove();
  }

  private anchorAt(events: HopEvent[], i: number): Anchor | undefined {
    const ev = events[i];
    return ev ? hopAnchor(ev, this.layout) : undefined;
  }

  /** Animates one hop forward; any other jump (back, scrub, reset) moves at once. */
  private show(s: AppState, prevStep: number | undefined): void {
    const events = this.side.trace(s)?.events ?? [];
    const step = this.side.step(s);
    const ev = events[step];
    if (!ev) {
      this.marker.style('display', 'none');
      this.trail.attr('points', null);
      return;
    }
    const to = this.anchorAt(events, step);
    if (!to) return;
    const forward = prevStep !== undefined && step === prevStep + 1;
    // A conversation that starts on the wire (a client outside the cluster) comes from its sender's side.
    const from = step > 0 ? this.anchorAt(events, step - 1) : ev.kind === 'wire' ? senderAnchor(ev, this.layout) : undefined;
    const path = hopPath(from, to, this.layout, ev);
    this.decorate(ev, s, step);
    this.trail.attr('points', path.length > 1 ? path.map((p) => `${p.x},${p.y}`).join(' ') : null).attr('class', `packet-trail dir-${hopDirection(ev)}`);
    this.marker.interrupt().style('display', null);
    const end = path[path.length - 1] ?? to.point;
    // prefers-reduced-motion: the marker jumps to the hop; the trail still shows the way it went.
    if (!forward || path.length < 2 || !this.at || reducedMotion()) {
      this.place(end);
      return;
    }
    const ms = Math.min(700, (1000 / s.speed) * 0.8);
    this.marker
      .transition()
      .duration(ms)
      .ease(easeCubicInOut)
      .attrTween('transform', () => (t: number) => {
        const p = pointAlong(path, t);
        this.at = p;
        return `translate(${p.x},${p.y})`;
      });
  }

  private place(p: Point): void {
    this.at = p;
    this.marker.attr('transform', `translate(${p.x},${p.y})`);
  }

  private decorate(ev: HopEvent, s: AppState, step: number): void {
    const reply = hopDirection(ev) === 'reply';
    const dropped = isDropped(ev);
    const idle = this.side.idle(s);
    const node = ev.kind === 'wire' ? (ev.peer?.node ?? 'outside') : ev.node;
    this.marker
      .attr('class', `packet dir-${hopDirection(ev)}${dropped ? ' is-dropped' : ''}${idle ? ' is-idle' : ''}`)
      .attr('data-direction', hopDirection(ev))
      .attr('data-node', node)
      .attr('data-step', String(step))
      .attr('data-idle', idle ? 'true' : null)
      .attr('data-kind', ev.kind)
      // The conversation's packet number (a socket hop: the packet its call comes before or after).
      .attr('data-packet', String(hopPacketId(ev)));
    // Circle for a request, diamond for a reply: shape tells them apart without colour.
    const shape = reply ? `M0,${-R - 3}L${R + 3},0L0,${R + 3}L${-R - 3},0Z` : `M${R},0A${R},${R} 0 1,1 ${-R},0A${R},${R} 0 1,1 ${R},0Z`;
    this.marker.select('.packet-shape').attr('d', shape);
    this.marker.select('.packet-glyph').text(dropped ? '✕' : reply ? '←' : '→');
    const word = translate(s.lang, reply ? 'topology.reply' : 'topology.request');
    const what = idle ? `${translate(s.lang, 'topology.waiting')} · ${kindName(s.lang, ev.kind)}` : ev.packet?.arp ? `ARP ${ev.packet.arp.op}` : kindName(s.lang, ev.kind);
    this.marker.select('.packet-label').text(what);
    const program = ev.program.length > 24 ? `${ev.program.slice(0, 23)}…` : ev.program;
    // A socket hop has no packet yet: no packet number.
    const sub = ev.packet ? `${word} #${ev.packet.id + 1} · ${program}` : `${word} · ${program}`;
    this.marker.select('.packet-sublabel').text(sub);
    const o = ev.packet?.outer;
    const extra = dropped && ev.drop
      ? translate(s.lang, 'topology.dropped', { code: ev.drop.code, reason: dropReason(ev.drop) })
      : o ? `${translate(s.lang, 'topology.outer')} ${o.src} → ${o.dst} UDP/${o.dport} VNI ${o.vni}` : '';
    this.marker.select('.packet-extra').text(extra).attr('class', `packet-extra${dropped ? ' is-drop' : ''}`);
    // Width from character counts (label 15px, sublabel 13px, both about 0.6em wide); CJK is about twice as wide.
    const width = (t: string, px: number) => [...t].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? px * 1.05 : px * 0.6), 0);
    this.marker.select('.packet-plate').attr('width', Math.max(width(what, 15.5), width(sub, 13), width(extra, 13)) + 10).attr('height', extra ? 58 : 40);
    const socket = ev.kind === 'socket-lb-rewrite' || ev.kind === 'socket-rev-nat';
    const badge = this.marker.select<SVGGElement>('.socket-badge');
    badge.style('display', socket ? 'inline' : 'none');
    badge.select('text').text(translate(s.lang, 'topology.socket'));
  }
}

/** The reader asked the system for less motion (read on each hop, so changing it applies at once). */
function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Where a wire hop leaves from: its node's port, or the outside world (node `world`). */
function senderAnchor(ev: HopEvent, layout: TopologyLayout): Anchor {
  const port = findPort(layout, ev.node, ev.iface);
  return port ? { node: port.node, point: port.anchor, port } : { node: undefined, point: outsidePoint(layout) };
}
