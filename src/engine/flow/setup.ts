/**
 * A flow request resolved against the model: who the client and server are,
 * where the client sends from, which ports it uses and, for a service, which
 * frontend its node sees. The generator's draws happen here in a fixed order
 * (source port or ICMP id), so the same seed gives the same trace.
 */
import { flowError, type FlowRequest } from '../request.ts';
import type { Datapath, Frontend } from '../derive/types.ts';
import { ANY_ADDRESS } from '../derive/services.ts';
import type { Ipv4 } from '../../scenario/values.ts';
import { socketLbActive } from './socket-lb.ts';
import type { FlowEndpoint, FlowSpec, L4 } from '../trace.ts';
import type { Rng } from '../util/rng.ts';
import type { ClientTuple } from './packets.ts';
import { resolveDestination, resolveSource } from './resolve.ts';
import type { Sender } from './sender.ts';

const L4_OF = { icmp: 'ICMP', tcp: 'TCP', udp: 'UDP' } as const satisfies Record<string, L4>;
/** Linux's default ip_local_port_range. */
const EPHEMERAL = [32768, 60999] as const;

export interface FlowSetup {
  flow: FlowSpec;
  client: FlowEndpoint;
  server: FlowEndpoint;
  sender: Sender;
  /** The addresses the client's socket uses, before any socket LB. */
  tuple: ClientTuple;
  /** The service frontend the client's node sees, when the server is a service. */
  frontend: Frontend | undefined;
}

function defaultPort(dp: Datapath, server: FlowEndpoint, proto: 'tcp' | 'udp'): number {
  if (server.kind === 'pod') {
    const pod = dp.podByKey.get(`${server.namespace}/${server.name}`);
    const port = pod?.ports.find((c) => c.protocol === proto.toUpperCase());
    if (port) return port.containerPort;
  }
  if (server.kind === 'ip') return proto === 'tcp' ? 443 : 53;
  return proto === 'tcp' ? 80 : 53;
}

function frontendFor(dp: Datapath, node: string, server: FlowEndpoint & { kind: 'service' }): Frontend {
  const f = dp.lookupFrontend(node, server.ip, server.port);
  if (f) return f;
  const svc = dp.model.services.find((s) => s.namespace === server.namespace && s.name === server.name);
  const known = (svc?.ports ?? []).map((p) => `${server.name}:${p.port} (${p.protocol})`);
  throw flowError('error.no_service_port', { service: `${server.namespace}/${server.name}`, port: server.port }, known);
}

function senderOf(dp: Datapath, client: FlowEndpoint): Sender {
  if (client.kind === 'pod') {
    const ep = dp.endpointByKey.get(`${client.namespace}/${client.name}`);
    if (ep) return { kind: 'pod', ep };
  }
  if (client.kind === 'pod' || client.kind === 'node') {
    const node = dp.node(client.node);
    if (node) return { kind: 'host', node };
  }
  return { kind: 'world' };
}

/** The NodePort range (node-port-range, default 30000-32767) bpf_sock's wildcard lookup checks. */
const NODEPORT_MIN = 30000;
const NODEPORT_MAX = 32767;

/**
 * connect() to a node address (bpf_sock.c __sock4_xlate_fwd): the exact lookup finds the client
 * node's own NodePort / HostPort frontends; otherwise sock4_wildcard_lookup_full looks up 0.0.0.0
 * for any node's address in the NodePort range, and for the local node's outside it (HostPort).
 * Both with the scope switch, so a two-scopes service gives its `/i` frontend.
 */
function nodePortForSocket(dp: Datapath, clientNode: string, ip: Ipv4, port: number): Frontend | undefined {
  const exact = dp.lookupFrontend(clientNode, ip, port);
  if (exact) return exact.type === 'NodePort' || exact.type === 'HostPort' ? exact : undefined;
  // The ipcache says host or remote-node for a node's InternalIP (the pod IP of a host-network pod too).
  const inRange = port >= NODEPORT_MIN && port <= NODEPORT_MAX && dp.nodeByIp.get(ip)?.ip === ip;
  const local = dp.node(clientNode)?.ip === ip;
  const wildcard = inRange || local ? dp.lookupFrontend(clientNode, ANY_ADDRESS, port) : undefined;
  if (wildcard?.type === 'NodePort' && inRange) return wildcard;
  return wildcard?.type === 'HostPort' && local && !inRange ? wildcard : undefined;
}

export function setUpFlow(dp: Datapath, req: FlowRequest, rng: Rng): FlowSetup {
  const client = resolveSource(dp, req.from);
  let server = resolveDestination(dp, req.to);
  if (server.kind === 'service' && req.port !== undefined) server = { ...server, port: req.port };
  const sender = senderOf(dp, client);
  const sport = req.proto === 'icmp' ? undefined : rng.int(EPHEMERAL[0], EPHEMERAL[1]);
  const icmpId = req.proto === 'icmp' ? rng.int(1, 65535) : undefined;
  const dport = req.proto === 'icmp'
    ? undefined
    : server.kind === 'service' ? server.port : (req.port ?? defaultPort(dp, server, req.proto));
  const port = dport !== undefined ? { port: dport } : {};
  const flow: FlowSpec = { from: req.from, to: req.to, proto: req.proto, ...port, seed: req.seed ?? 1 };
  let frontend: Frontend | undefined;
  if (server.kind === 'service') {
    if (sender.kind === 'world') {
      const service = `${server.namespace}/${server.name}`;
      throw flowError('error.cluster_ip_outside', { service }, dp.nodes.map((n) => n.name));
    }
    frontend = frontendFor(dp, sender.kind === 'pod' ? sender.ep.node : sender.node.name, server);
  }
  if (server.kind === 'node' && dport !== undefined && sender.kind !== 'world' && socketLbActive(dp)) {
    frontend = nodePortForSocket(dp, sender.kind === 'pod' ? sender.ep.node : sender.node.name, server.ip, dport);
  }
  const tuple: ClientTuple = { src: client.ip, dst: server.ip, proto: L4_OF[req.proto], sport, dport, icmpId };
  return { flow, client, server, sender, tuple, frontend };
}
