/**
 * `cilium service list` (cilium-dbg/cmd/service_list.go): one line per
 * frontend, sorted by service ID as the real command sorts; the first backend
 * on the frontend's line and each further one on a continuation line. Every
 * cell is tab-terminated, so the Backend column is padded too.
 */
import type { Datapath } from '../../derive/types.ts';
import { tabwrite } from '../tabwriter.ts';
import { frontendsById } from './lb-rows.ts';

export function serviceList(dp: Datapath, node: string): string {
  let text = 'ID\tFrontend\tService Type\tBackend\t\n';
  for (const f of frontendsById(dp, node)) {
    const backends = f.backendIds.flatMap((id, i) => {
      const b = dp.backends.get(id);
      return b ? [`${i + 1} => ${b.address}:${b.port} (${b.state})`] : [];
    });
    const [first, ...rest] = backends;
    text += `${f.id}\t${f.address}:${f.port}\t${f.type}\t${first ?? ''}\t\n`;
    for (const b of rest) text += `\t\t\t${b}\t\n`;
  }
  return tabwrite(text);
}
