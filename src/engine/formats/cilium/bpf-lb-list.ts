/**
 * `cilium bpf lb list [--revnat|--frontends|--backends]`
 * (cilium-dbg/cmd/bpf_lb_list.go, 1.16): the service map joined with the
 * backend map, one row per slot, printed by TablePrinter.
 *
 * Row order: by service ID, master slot (0) first; --revnat and --backends by
 * ID. Go prints map order.
 */
import type { Datapath } from '../../derive/types.ts';
import { serviceKey, serviceKey6 } from '../../maps/format.ts';
import {
  backends6Rows, backendsV3Rows, frontends6ById, frontendsById, revNat6Rows, revNatRows, services6Rows, servicesV2Rows,
} from './lb-rows.ts';
import { tablePrinter, type PrinterRows } from './table-printer.ts';

export type LbListMode = 'services' | 'revnat' | 'frontends' | 'backends';

const SERVICE_ADDRESS = 'SERVICE ADDRESS';
const BACKEND_ADDRESS = 'BACKEND ADDRESS (REVNAT_ID) (SLOT)';

/** dumpSVC: slot 0 prints the flags; the Go format string leaves a space after `]` (no L7 LB port). */
function serviceRows(dp: Datapath, node: string): PrinterRows {
  const rows: [string, string[]][] = [];
  for (const f of frontendsById(dp, node)) {
    rows.push([serviceKey(f.address, f.port, 0, f.internal), [`0.0.0.0:0 (${f.id}) (0) [${f.flags.join(', ')}] `]]);
    f.backendIds.forEach((id, i) => {
      const b = dp.backends.get(id);
      const entry = b ? `${b.address}:${b.port} (${f.id}) (${i + 1})` : `backend ${id} not found`;
      rows.push([serviceKey(f.address, f.port, i + 1, f.internal), [entry]]);
    });
  }
  // With enable-ipv6 the lb6 services follow (dumpSVC reads both maps).
  for (const f of frontends6ById(dp, node)) {
    rows.push([serviceKey6(f.address, f.port, 0, f.internal), [`[::]:0 (${f.id}) (0) [${f.flags.join(', ')}] `]]);
    f.backendIds.forEach((id, i) => {
      const b = dp.backends6.get(id);
      const entry = b ? `[${b.address}]:${b.port} (${f.id}) (${i + 1})` : `backend ${id} not found`;
      rows.push([serviceKey6(f.address, f.port, i + 1, f.internal), [entry]]);
    });
  }
  return rows;
}

const asRows = (...maps: Map<string, string>[]): PrinterRows => maps.flatMap((m) => [...m].map(([k, v]) => [k, [v]] as const));

export function bpfLbList(dp: Datapath, node: string, mode: LbListMode = 'services'): string {
  switch (mode) {
    case 'services':
      return tablePrinter(SERVICE_ADDRESS, BACKEND_ADDRESS, serviceRows(dp, node));
    case 'revnat':
      return tablePrinter('ID', BACKEND_ADDRESS, asRows(revNatRows(dp, node), revNat6Rows(dp, node)));
    case 'frontends':
      return tablePrinter(SERVICE_ADDRESS, 'BACKEND ID', asRows(servicesV2Rows(dp, node), services6Rows(dp, node)));
    case 'backends':
      return tablePrinter('ID', BACKEND_ADDRESS, asRows(backendsV3Rows(dp, node), backends6Rows(dp, node)));
    default: {
      const never: never = mode;
      return never;
    }
  }
}
