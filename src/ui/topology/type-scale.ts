/**
 * Font sizes of the drawing, in viewBox units, and how wide a text set in
 * them is. Presenter mode lays the drawing out at 1:1 with the screen (the
 * viewBox never shrinks it), so these sizes are what the back of the room
 * reads: names >= 18 px, every other text >= 16 px (issue #7). The normal
 * view keeps the lab's sizes; its viewBox zooms them up on a big screen.
 */
export interface TypeScale {
  nodeName: number;
  podName: number;
  /** IPs, the node line, "+N pods", eth0. */
  sub: number;
  /** Interface names in ports: largest size; `portMin` is as far as a long name may shrink. */
  port: number;
  portMin: number;
  eth0: number;
  /** Folded nodes and zones, the bus and outside labels. */
  chip: number;
  /** The marker's callout: what happened, and the packet line under it. */
  label: number;
  sublabel: number;
}

export const TYPE_NORMAL: TypeScale = {
  nodeName: 17, podName: 15, sub: 13.5, port: 13.5, portMin: 10, eth0: 11.5, chip: 13.5, label: 15.5, sublabel: 13,
};

/** A little above 16/18 so rounding on screen never lands under the floor. */
export const TYPE_PRESENTER: TypeScale = {
  nodeName: 20, podName: 18.5, sub: 16.4, port: 16.4, portMin: 16.4, eth0: 16.4, chip: 16.4, label: 18, sublabel: 16.4,
};

/** Width of `text` in a monospace face (DejaVu Sans Mono and kin: 0.6 em per character). */
export function monoWidth(text: string, px: number): number {
  return [...text].length * px * 0.602;
}

/** Width of `text` in the UI's sans face, erring wide (bold Latin ~0.6 em, CJK ~1 em). */
export function sansWidth(text: string, px: number): number {
  let w = 0;
  for (const c of text) w += c.charCodeAt(0) > 0x2e80 ? px * 1.02 : px * 0.62;
  return w;
}
