/**
 * The hook a program runs at, named by the attach mode the agent used
 * (`tcx/ingress` with enable-tcx, `tc-ingress` on legacy tc, `netkit/peer`
 * on a netkit pod device): programs say the direction, the datapath the mode.
 */
import type { Walk } from '../flow/walk.ts';
import { tcAt, tcHook, type Place, type TcDirection } from '../place.ts';

/** A host device's hook (the netdev, cilium_host, cilium_net, the overlay device). */
export const onDevice = (w: Walk, node: string, iface: string, dir: TcDirection): Place & { kind: 'tc' } =>
  tcAt(node, iface, tcHook(w.dp.attach.device, dir));

/** A pod's host-side device (veth or netkit primary): cil_from_container at ingress, cil_to_container at egress. */
export const onEndpoint = (w: Walk, node: string, iface: string, dir: TcDirection): Place & { kind: 'tc' } =>
  tcAt(node, iface, tcHook(w.dp.attach.endpoint, dir));

/** Pods on netkit devices (datapath-mode: netkit, L3): no ARP, no MACs, bpf_redirect_peer into the peer. */
export const isL3Endpoint = (w: Walk): boolean => w.dp.config.datapathMode === 'netkit';
