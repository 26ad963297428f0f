/**
 * `cilium service list` (cilium-dbg/cmd/service_list.go): one line per
 * frontend, sorted by service ID as the real command sorts; the first backend
 * on the frontend's line and each further one on a continuation line. Every
 * cell is tab-terminated, so the Backend column is padded too.
 *
 * Addresses print as L3n4Addr.String(): IPv6 in brackets (`[::]:31659`), and
 * an internal-scope frontend with `/i` (`10.0.0.2:30867/i`). Backends show
 * their state: `active`, or `terminating` for a serving, terminating endpoint.
 */
import type { BackendOf, Datapath, FrontendOf } from '../../derive/types.ts';
import { tabwrite } from '../tabwriter.ts';
import { frontends6ById, frontendsById } from './lb-rows.ts';

interface Row {
  f: FrontendOf<string>;
  addr: (ip: string) => string;
  backend: (id: number) => BackendOf<string> | undefined;
}

export function serviceList(dp: Datapath, node: string): string {
  const rows: Row[] = [
    ...frontendsById(dp, node).map((f) => ({ f, addr: (ip: string) => ip, backend: (id: number) => dp.backends.get(id) })),
    ...frontends6ById(dp, node).map((f) => ({ f, addr: (ip: string) => `[${ip}]`, backend: (id: number) => dp.backends6.get(id) })),
  ].sort((a, b) => a.f.id - b.f.id);
  let text = 'ID\tFrontend\tService Type\tBackend\t\n';
  for (const { f, addr, backend } of rows) {
    const backends = f.backendIds.flatMap((id, i) => {
      const b = backend(id);
      return b ? [`${i + 1} => ${addr(b.address)}:${b.port} (${b.state})`] : [];
    });
    const [first, ...rest] = backends;
    text += `${f.id}\t${addr(f.address)}:${f.port}${f.internal ? '/i' : ''}\t${f.type}\t${first ?? ''}\t\n`;
    for (const b of rest) text += `\t\t\t${b}\t\n`;
  }
  return tabwrite(text);
}
