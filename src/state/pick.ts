/**
 * Choosing a flow by pointing: the first pod or node clicked in the drawing
 * becomes the source (the flow picker's From shows it), the second the
 * destination, and the flow is traced. Clicking the source again, or Escape,
 * cancels. The protocol and port stay as they were.
 */
import type { FlowRequest } from '../engine/index.ts';

export type PickResult = { pick: string | undefined; flow?: FlowRequest };

export function choosePick(state: { pick: string | undefined; flow: FlowRequest }, ref: string): PickResult {
  const { pick, flow } = state;
  if (pick === undefined) return { pick: ref };
  if (pick === ref) return { pick: undefined };
  const next: FlowRequest = { from: pick, to: ref, proto: flow.proto };
  if (flow.proto !== 'icmp' && flow.port !== undefined) next.port = flow.port;
  return { pick: undefined, flow: next };
}
