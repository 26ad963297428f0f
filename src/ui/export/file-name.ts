/** File names of the drawing's exports: scenario, flow and hop, safe on every file system. */
import type { FlowRequest } from '../../engine/index.ts';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');

/** e.g. `flowlab_kans-lab_netpod-to-webpod1-tcp-80_hop-04-of-12_socket-lb-rewrite.svg` */
export function exportFileName(
  scenario: string,
  flow: FlowRequest,
  hop: { n: number; total: number; kind: string | undefined },
  ext: 'svg' | 'png',
): string {
  const digits = String(hop.total).length;
  const port = flow.proto !== 'icmp' && flow.port !== undefined ? `-${flow.port}` : '';
  const parts = [
    'flowlab',
    safe(scenario),
    `${safe(flow.from)}-to-${safe(flow.to)}-${flow.proto}${port}`,
    `hop-${String(hop.n).padStart(digits, '0')}-of-${hop.total}`,
    ...(hop.kind ? [safe(hop.kind)] : []),
  ];
  return `${parts.join('_')}.${ext}`;
}
