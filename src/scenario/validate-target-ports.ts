/**
 * A Service port whose targetPort is a name: each selected pod's container
 * port of that name is the target (the EndpointSlice controller resolves it
 * per pod). A name no selected pod declares leaves that port with no
 * backend at all, which is valid Kubernetes but almost always a typo.
 */
import type { SelectorIndex } from './selector.ts';
import type { Assembled } from './validate.ts';
import { say } from './issue-text.ts';

export function checkNamedTargetPorts(a: Assembled, index: SelectorIndex): void {
  for (const { model: svc, f } of a.services) {
    if (svc.sliceEndpoints !== undefined || !svc.selector) continue;
    const pods = index.select(svc.namespace, svc.selector);
    if (pods.length === 0) continue; // validate-services.ts already says the Service has no backends
    svc.ports.forEach((port, i) => {
      const name = port.targetPort;
      if (typeof name !== 'string') return;
      if (pods.some((p) => p.ports.some((c) => c.name === name && c.protocol === port.protocol))) return;
      f.warn(['spec', 'ports', i, 'targetPort'], say('scenario.svc.target_port_name', { value: name, proto: port.protocol }));
    });
  }
}
