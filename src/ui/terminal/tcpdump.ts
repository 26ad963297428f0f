/**
 * The tcpdump view's side of the engine's capture (src/engine/capture): how
 * a target is named in the picker and kept in the store. The capture rules
 * and the line format are the engine's, shared with the CLI.
 */
import type { CaptureTarget } from '../../engine/index.ts';

export { captureIface, tcpdumpLines } from '../../engine/index.ts';
export type { CaptureTarget };

/** The store's key for a target (`tcpdumpAt`): stable across traces, opaque to everything else. */
export const targetId = (c: CaptureTarget) => (c.kind === 'pod' ? `${c.node}/eth0@${c.pod}` : `${c.node}/${c.iface}`);

export const targetLabel = (c: CaptureTarget) => (c.kind === 'pod' ? `${c.pod} eth0 (${c.node})` : `${c.node} ${c.iface}`);
