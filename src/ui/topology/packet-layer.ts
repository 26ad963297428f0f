/**
 * The packet marker: the only part of the drawing D3 owns. It listens to the
 * store's cursor with `subscribe` (no React render per frame) and moves the
 * marker along the hop's path with a d3 transition. Request and reply differ
 * in colour (Okabe-Ito blue / orange, safe for colour-blind viewers) and in
 * shape (circle / diamond) and carry a word, so no one depends on colour.
 * In the compare view each topology has its own layer, reading its side.
 * Under prefers-reduced-motion the marker moves without animation.
 * The marker's words sit in the layout's fixed callout (bottom of the
 * drawing, clear of every label; the current port is outlined): a plate
 * beside the marker covered the very port it described. The marker itself
 * rests on a port's left edge, beside its name.
 */
import { easeCubicInOut } from 'd3-ease';
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { dropReason, hopDirection, hopPacketId, type HopEvent } from '../../engine/index.ts';
import { kindName, translate } from '../../i18n/index.ts';
import { isDropped, type SideSelectors } from '../../state/selectors.ts';
import type { AppState, AppStore } from '../../state/store.ts';
import { findPort, hopAnchor, hopPath, outsidePoint, pointAlong, type Anchor } from './anchors.ts';
import type { Box, Point, TopologyLayout } from './layout.ts';

/**
 * A second marker on a shared drawing (the compare view in presenter mode): its own half of the callout
 * band, a letter on the marker and on its words, and a nudge that moves it aside when both sides' markers
 * stand on the same place (else one would hide the other).
 */
export interface LayerOptions {
  callout: Box;
  letter: string;
  nudge: (s: AppState) => Point;
}

export class PacketLayer {
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private readonly marker: Selection<SVGGElement, unknown, null, undefined>;
  private readonly trail: Selection<SVGPolylineElement, unknown, null, undefined>;
  private readonly callout: Selection<SVGGElement, unknown, null, undefined>;
  /** Marker radius: the glyph inside it is as large as the drawing's smallest text. */
  private readonly r: number;
  private readonly unsubscribe: () => void;
  private at: Point | undefined;

  constructor(
    g: SVGGElement,
    private readonly layout: TopologyLayout,
    private readonly store: AppStore,
    private readonly side: SideSelectors,
    private readonly opts?: LayerOptions,
  ) {
    this.root = select(g);
    this.root.selectAll('*').remove();
    const t = layout.type;
    this.r = Math.round(t.sub * 0.75);
    this.trail = this.root.append('polyline').attr('class', 'packet-trail');
    const c = opts?.callout ?? layout.callout;
    // With a letter, the words start after it: the letter says whose marker they describe.
    const lx = opts ? c.x + letterW(t) + 8 : c.x;
    this.callout = this.root.append('g').attr('class', 'packet-callout').attr('data-testid', 'packet-callout').style('display', 'none');
    this.callout.append('rect').attr('class', 'packet-plate').attr('x', c.x).attr('y', c.y).attr('width', c.w).attr('height', c.h).attr('rx', 6);
    if (opts) {
      const lw = letterW(t);
      this.callout.append('rect').attr('class', 'side-letter').attr('x', c.x + 4).attr('y', c.y + 4).attr('width', lw).attr('height', c.h - 8).attr('rx', 5);
      this.callout.append('text').attr('class', 'side-letter-text').attr('text-anchor', 'middle')
        .attr('x', c.x + 4 + lw / 2).attr('y', c.y + c.h / 2 + t.label * 0.36).style('font-size', `${t.label}px`).text(opts.letter);
    }
    const badge = this.callout.append('g').attr('class', 'socket-badge').style('display', 'none');
    const badgeH = t.sublabel + 6;
    badge.append('rect').attr('x', lx + 8).attr('y', c.y + 6).attr('height', badgeH).attr('rx', badgeH / 2);
    badge.append('text').attr('y', c.y + 6 + badgeH / 2 + t.sublabel * 0.36).style('font-size', `${t.sublabel}px`);
    const line1 = c.y + 6 + t.label * 0.9;
    this.callout.append('text').attr('class', 'packet-label').attr('x', lx + 10).attr('y', line1).style('font-size', `${t.label}px`);
    this.callout.append('text').attr('class', 'packet-sublabel').attr('x', lx + 10).attr('y', line1 + t.sublabel + 6).style('font-size', `${t.sublabel}px`);
    // Third line, only when the flow has one: the tunnel's outer header or the drop reason.
    this.callout.append('text').attr('class', 'packet-extra').attr('x', lx + 10).attr('y', line1 + 2 * (t.sublabel + 6)).style('font-size', `${t.sublabel}px`);
    this.marker = this.root.append('g').attr('data-testid', 'packet').attr('class', 'packet').style('display', 'none');
    this.marker.append('path').attr('class', 'packet-shape');
    this.marker.append('text').attr('class', 'packet-glyph').attr('text-anchor', 'middle').attr('y', t.sub * 0.36).style('font-size', `${t.sub}px`);

    this.unsubscribe = store.subscribe((s, prev) => {
      const trace = side.trace(s);
      const step = side.step(s);
      const before = side.trace(prev);
      const moved = opts !== undefined && s.row !== prev.row;
      if (moved || step !== side.step(prev) || trace !== before || s.lang !== prev.lang || side.idle(s) !== side.idle(prev)) {
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
      this.callout.style('display', 'none');
      this.trail.attr('points', null);
      return;
    }
    const to = this.anchorAt(events, step);
    if (!to) return;
    const forward = prevStep !== undefined && step === prevStep + 1;
    // A conversation that starts on the wire (a client outside the cluster) comes from its sender's side.
    const from = step > 0 ? this.anchorAt(events, step - 1) : ev.kind === 'wire' ? senderAnchor(ev, this.layout) : undefined;
    const n = this.opts?.nudge(s);
    const raw = hopPath(from, to, this.layout, ev);
    // Nudged aside (another side's marker stands here): the whole way moves with it, so the trail still ends at the marker.
    const path = n && (n.x || n.y) ? raw.map((p) => ({ x: p.x + n.x, y: p.y + n.y })) : raw;
    this.decorate(ev, s, step);
    this.trail.attr('points', path.length > 1 ? path.map((p) => `${p.x},${p.y}`).join(' ') : null).attr('class', `packet-trail dir-${hopDirection(ev)}`);
    this.marker.interrupt().style('display', null);
    this.callout.style('display', null);
    const end = path[path.length - 1] ?? (n ? { x: to.point.x + n.x, y: to.point.y + n.y } : to.point);
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
    const cls = `dir-${hopDirection(ev)}${dropped ? ' is-dropped' : ''}${idle ? ' is-idle' : ''}`;
    this.marker
      .attr('class', `packet ${cls}`)
      .attr('data-direction', hopDirection(ev))
      .attr('data-node', node)
      .attr('data-step', String(step))
      .attr('data-idle', idle ? 'true' : null)
      .attr('data-kind', ev.kind)
      // The conversation's packet number (a socket hop: the packet its call comes before or after).
      .attr('data-packet', String(hopPacketId(ev)));
    this.callout.attr('class', `packet-callout ${cls}`);
    // Circle for a request, diamond for a reply: shape tells them apart without colour.
    const R = this.r;
    const shape = reply ? `M0,${-R - 3}L${R + 3},0L0,${R + 3}L${-R - 3},0Z` : `M${R},0A${R},${R} 0 1,1 ${-R},0A${R},${R} 0 1,1 ${R},0Z`;
    this.marker.select('.packet-shape').attr('d', shape);
    // On a shared drawing the marker carries its side's letter (shape and colour still say request or reply).
    this.marker.select('.packet-glyph').text(dropped ? '✕' : this.opts ? this.opts.letter : reply ? '←' : '→');
    if (this.opts) this.marker.attr('data-letter', this.opts.letter);
    const t = this.layout.type;
    const c0 = this.opts?.callout ?? this.layout.callout;
    // The words' box right of the side's letter.
    const c = this.opts ? { ...c0, x: c0.x + letterW(t) + 8, w: c0.w - letterW(t) - 8 } : c0;
    const socket = ev.kind === 'socket-lb-rewrite' || ev.kind === 'socket-rev-nat';
    const badge = this.callout.select<SVGGElement>('.socket-badge');
    const badgeWord = translate(s.lang, 'topology.socket');
    const badgeW = socket ? textWidth(badgeWord, t.sublabel) + 16 : 0;
    badge.style('display', socket ? 'inline' : 'none');
    badge.select('rect').attr('width', badgeW);
    badge.select('text').attr('x', c.x + 8 + badgeW / 2).attr('text-anchor', 'middle').text(badgeWord);
    const word = translate(s.lang, reply ? 'topology.reply' : 'topology.request');
    const what = idle ? `${translate(s.lang, 'topology.waiting')} · ${kindName(s.lang, ev.kind)}` : ev.packet?.arp ? translate(s.lang, ev.packet.arp.op === 'reply' ? 'arp.reply' : 'arp.request') : kindName(s.lang, ev.kind);
    const room = c.w - 20;
    this.callout.select('.packet-label').attr('x', c.x + 10 + (badgeW ? badgeW + 6 : 0)).text(fitText(what, room - (badgeW ? badgeW + 6 : 0), t.label));
    // A socket hop has no packet yet: no packet number.
    const sub = ev.packet ? `${word} #${ev.packet.id + 1} · ${ev.program}` : `${word} · ${ev.program}`;
    this.callout.select('.packet-sublabel').text(fitText(sub, room, t.sublabel));
    const o = ev.packet?.outer;
    const extra = dropped && ev.drop
      ? translate(s.lang, 'topology.dropped', { code: ev.drop.code, reason: dropReason(ev.drop) })
      : o ? `${translate(s.lang, 'topology.outer')} ${o.src} → ${o.dst} UDP/${o.dport} VNI ${o.vni}` : '';
    this.callout.select('.packet-extra').text(fitText(extra, room, t.sublabel)).attr('class', `packet-extra${dropped ? ' is-drop' : ''}`);
  }
}

/** Width of the side's letter plate in a shared callout. */
const letterW = (t: TopologyLayout['type']) => Math.round(t.label * 1.3);

/** Width of a monospace text; CJK characters take about a full em. */
function textWidth(text: string, px: number): number {
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? px * 1.05 : px * 0.61), 0);
}

/** `text` cut with an ellipsis to fit `width` at `px` (the callout never overflows the pane). */
function fitText(text: string, width: number, px: number): string {
  if (textWidth(text, px) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, px) > width) break;
    out += ch;
  }
  return `${out}…`;
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
