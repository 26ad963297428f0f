/**
 * The engine's words as data (DESIGN §8 "Messages"): every hop sentence,
 * outcome, drop reason and user error is a message id with parameters. The
 * engine never renders them; src/i18n holds one catalog per language typed
 * `Record<MessageId, string>` and the one renderer. This file lists each id
 * with the parameter names its templates use, so no catalog is imported here.
 */
import { SCENARIO_MESSAGE_PARAMS } from '../scenario/issue-ids.ts';

export const MESSAGE_PARAMS = {
  'send.arp': ['pod', 'gw'],
  'arp.proxy': ['lxc', 'gw', 'mac', 'pod'],
  'send.pod': ['pod', 'gw', 'mac'],
  'lxc.ingress': ['lxc', 'pod', 'link', 'hook'],
  'drop.invalid_sip': ['ip'],
  'ct.egress.new': [],
  'ct.egress.established': [],
  'ct.egress.reply': [],
  'ct.egress.related': [],
  'ipcache.local': ['dst', 'prefix', 'identity'],
  'ipcache.remote': ['dst', 'identity', 'node'],
  'ipcache.remote.tunnel': ['dst', 'identity', 'node'],
  'policy.egress.allow.new': ['pod', 'identity', 'rule'],
  'policy.egress.allow': ['pod', 'identity', 'rule'],
  'policy.egress.deny': ['pod', 'identity'],
  'policy.egress.denylist': ['policy', 'identity', 'pod', 'rule'],
  'endpoint.local': ['dst', 'pod', 'node'],
  'endpoint.host': ['dst', 'node'],
  'endpoint.miss': ['dst', 'node'],
  'ct.ingress.new': ['pod', 'prog', 'ep'],
  'ct.ingress.established': ['pod', 'prog', 'ep'],
  'ct.ingress.reply': ['pod', 'prog', 'ep'],
  'ct.ingress.related': ['pod'],
  'policy.ingress.allow.new': ['pod', 'ep', 'identity', 'rule'],
  'policy.ingress.allow': ['pod', 'ep', 'identity'],
  'policy.ingress.deny': ['pod', 'identity'],
  'policy.ingress.denylist': ['policy', 'identity', 'pod', 'rule'],
  'deliver.pod': ['lxc', 'pod', 'mac'],
  'deliver.stack': ['lxc', 'pod'],
  'drop.fib': ['dst'],
  'routing.node': ['route', 'nexthop', 'node', 'dev'],
  'routing.gateway': ['route', 'dst', 'dev', 'nexthop'],
  'masq.off': ['dev'],
  'masq.overlay': ['dev'],
  'masq.host': ['dev', 'ip'],
  'masq.exclusion': ['dev', 'dst', 'cidr'],
  'masq.not_endpoint': ['dev', 'src'],
  'masq.ipmasq': ['dev', 'cidr'],
  'masq.remote_node': ['dev', 'dst'],
  'masq.reply': ['dev'],
  'masq.nat': ['dev', 'ip', 'dst'],
  'masq.nat.ipmasq': ['dev', 'dst', 'ip'],
  'snat.done': ['from', 'to'],
  'snat.reuse': ['from', 'to'],
  'tunnel.encap': ['dst', 'node', 'dev', 'remote', 'vni', 'proto', 'port'],
  'tunnel.decap': ['src', 'dev', 'vni', 'dst'],
  'wire.node': ['from', 'to', 'src', 'dst', 'dev'],
  'wire.tunnel': ['from', 'to', 'osrc', 'odst', 'oport', 'src', 'dst', 'dev'],
  'wire.world': ['from', 'src', 'dst'],
  'wire.from_world': ['src', 'dst', 'to'],
  'wire.external_client': ['src', 'dst', 'to'],
  'wire.lost': ['src', 'dst'],
  'drop.no_route_back': ['dst'],
  'netdev.ingress': ['dev', 'src', 'identity', 'dst'],
  'netdev.ingress.overlay': ['dev', 'src', 'identity'],
  'netdev.ingress.nodeport': ['dev', 'src', 'identity', 'dst'],
  'netdev.ingress.hostport': ['dev', 'src', 'identity', 'dst'],
  'revsnat.done': ['from', 'to'],
  'stack.deliver': ['node'],
  'stack.forward': ['node', 'dst', 'route'],
  'stack.legacy.lxc': ['identity'],
  'stack.legacy.netdev': ['identity'],
  'stack.pass': ['node', 'dst'],
  'drop.unroutable': ['dst', 'node'],
  'world.lost': ['dst'],
  'stack.local': ['dst', 'node'],
  'stack.send': ['node', 'dst', 'route'],
  'sock.connect': ['vip', 'port', 'count', 'slot', 'backend', 'addr', 'bport'],
  'sock.sendmsg': ['vip', 'port', 'slot', 'count', 'backend', 'addr', 'bport'],
  'sock.no_backend': ['vip', 'port'],
  'sock.revnat.getpeername': ['vip', 'port', 'addr'],
  'sock.revnat.recvmsg': ['addr', 'vip', 'port'],
  'lb.dnat.new': ['backend', 'count', 'from', 'to'],
  'lb.dnat.again': ['backend', 'from', 'to'],
  'lb.revnat': ['id', 'from', 'to'],
  'nodeport.dnat': ['from', 'backend', 'count', 'to'],
  'hostport.dnat': ['from', 'backend', 'count', 'to'],
  'nodeport.snat': ['from', 'to', 'node'],
  'nodeport.ct': ['id'],
  'drop.no_backend': ['frontend'],
  'drop.no_local_backend': ['frontend', 'node'],
  'masq.nodeport': ['dev'],
  'iptables.dnat': ['hook', 'n', 'from', 'to'],
  'iptables.nodeport': ['from', 'n', 'to'],
  'iptables.masquerade': ['from', 'to', 'dev'],
  'iptables.established': ['from', 'to'],
  'iptables.undnat': ['from', 'to'],
  'iptables.unsnat': ['from', 'to'],
  'world.nobody': ['dst'],
  'outcome.completed': ['proto', 'packets', 'hops'],
  'outcome.dropped': ['packet', 'reason'],
  'outcome.lost': ['dst'],
  'outcome.no_backend': [],
  'outcome.reply_lost': [],
  'drop.reason.lost': [],
  'drop.reason.no_route_back': [],
  'drop.reason.132': [],
  'drop.reason.133': [],
  'drop.reason.151': [],
  'drop.reason.158': [],
  'drop.reason.169': [],
  'drop.reason.181': [],
  'drop.reason.other': ['reason'],
  'error.ambiguous_pod': ['name'],
  'error.ambiguous_service': ['name'],
  'error.unknown_source': ['name'],
  'error.pod_without_ipv4': ['name'],
  'error.unknown_destination': ['name'],
  'error.bad_port': ['text'],
  'error.ipv6_not_walked': ['address'],
  'error.no_service_port': ['service', 'port'],
  'error.cluster_ip_outside': ['service'],
  'error.no_capture_iface': ['name'],
  'error.known': ['error', 'names'],
  // Why a policy lookup decided as it did (the `rule` of a policy sentence and of the inspector).
  'policy.origin.allow-all': [],
  'policy.origin.allow-localhost': [],
  'policy.origin.default-allow': [],
  'policy.origin.rule': ['kind', 'policy', 'field', 'line', 'text'],
  'policy.origin.none': ['direction', 'identity', 'on'],
  'policy.origin.none.selected': ['direction', 'identity', 'on', 'policies', 'pod'],
  'policy.on.packet': [],
  // The compare view's header: what one path has that the other lacks (compare-features.ts).
  'compare.socket_lb': [],
  'compare.per_packet_lb': [],
  'compare.kube_proxy_dnat': [],
  'compare.bpf_routing': [],
  'compare.stack_routing': [],
  'compare.tunnel': ['proto'],
  'compare.bpf_masq': [],
  'compare.iptables_masq': [],
  'compare.arp': [],
  'compare.hook': ['hook'],
  'compare.drop': ['reason'],
  'compare.backend': ['addr'],
  // A policy rule's line, as the scenario's RuleWords name them (src/scenario/kinds/rule-words.ts).
  'policy.rule.from': ['who'],
  'policy.rule.from.ports': ['who', 'ports'],
  'policy.rule.to': ['who'],
  'policy.rule.to.ports': ['who', 'ports'],
  'policy.rule.default_deny': ['rule', 'direction'],
  'policy.peer.anyone': [],
  'policy.peer.nobody': [],
  'policy.peer.unmodelled': [],
  'policy.peer.pods': ['selector', 'namespace'],
  'policy.peer.pods.all': ['namespace'],
  'policy.peer.pods.sel': ['selector'],
  'policy.peer.pods.every': [],
  'policy.peer.pods.in_namespaces': ['pods', 'namespaces'],
  'policy.peer.ipblock': ['cidr'],
  'policy.peer.endpoints': ['selector'],
  'policy.peer.endpoints.all': [],
  'policy.peer.entity': ['entity'],
  'policy.peer.cidr': ['cidr'],
  'policy.cidr.except': ['cidr', 'except'],
  'policy.all': [],
  'policy.port': ['port', 'proto'],
  'policy.port.any': ['proto'],
  'policy.port.icmp': ['type'],
  'policy.list': ['a', 'b'],
  'policy.text': ['text'],
  // A real cluster against the model (engine/reality): agent tables from a sysdump, Hubble flows replayed.
  'reality.only_cluster': ['table', 'key', 'value'],
  'reality.only_model': ['table', 'key', 'value'],
  'reality.identity': ['table', 'key', 'cluster', 'model'],
  'reality.value': ['table', 'key', 'cluster', 'model'],
  'replay.node.agree': ['node'],
  'replay.node.differ': ['cluster', 'model'],
  'replay.point.agree': ['point', 'node'],
  'replay.point.missing': ['point', 'node'],
  'replay.verdict.agree': ['verdict'],
  'replay.verdict.differ': ['cluster', 'model'],
  'replay.drop.unpredicted': ['reason', 'node'],
  'replay.drop.missing': ['reason', 'node'],
  'replay.drop.agree': ['reason'],
  'replay.drop.differ': ['cluster', 'model'],
  'replay.policy.agree': ['policies'],
  'replay.policy.differ': ['cluster', 'model'],
  'replay.untraceable': ['error'],
  'replay.identity.agree': ['source', 'destination'],
  'replay.identity.differ': ['ip', 'cluster', 'model'],
  // A Hubble flows file's lines that are no flow (formats/hubble/read-flows.ts).
  'hubble.line': ['line', 'text'],
  'hubble.not_json': [],
  'hubble.not_object': [],
  'hubble.other_response': ['kind'],
  'hubble.not_flow': [],
  'hubble.no_ip': [],
  'hubble.no_addresses': [],
  // A sysdump's agent table (cilium-bugtool output) that cannot be read (reality/printed-table.ts).
  'reality.table.header': ['header'],
  'reality.table.column': ['line', 'title'],
  // Settings as a person types them (settings-pairs.ts: `--set`, `set=`, `compare=`).
  'settings.pair.not_pair': ['pair'],
  'settings.pair.no_key': ['pair', 'sep'],
  'settings.pair.no_value': ['pair', 'sep'],
  'settings.spec.hint': ['error', 'modes'],
  'settings.spec.empty': ['modes'],
  'settings.url.set': ['error'],
  'settings.url.compare': ['spec', 'error'],
  // Several problems said as one (a refused `--set` with two bad keys): `a; b`.
  'list.semicolon': ['first', 'rest'],
  // Why a map op happened (MapOp.noteWords beside the CLI's English `note`).
  'note.arp_table': [],
  'note.ipmasq': [],
  'note.ipcache.dst': [],
  'note.ipcache.src': [],
  'note.policy.identity': ['identity'],
  'note.policy.any': [],
  'note.policy.none': ['which'],
  'note.policy.decides': ['which'],
  'note.policy.unused': ['which'],
  'note.fib': ['dst', 'origin'],
  'note.route': ['dst', 'origin'],
  'note.slot': ['slot', 'count'],
  'note.lb.lookup': [],
  'note.nodeport.frontend': [],
  'note.nodeport.is_service': [],
  'note.sock.master': [],
  'note.sock.revnat': [],
  'note.sock.still': [],
  'note.revnat.none': [],
  'note.iptables.taken': [],
  'note.iptables.not_taken': [],
  'note.nf.reply_tuple': [],
  'note.nf.established': [],
  'note.snat.no_mapping': [],
  'note.snat.reverse_first': [],
  'note.ct.new': [],
  'note.ct.timeout': [],
  'note.ct.service.before': [],
  'note.ct.service.new': [],
  'note.ct.service.entry': [],
  'note.ct.create': [],
  'note.ct.related': [],
  // Why a node route exists (Route.originWords beside `origin`).
  'route.origin.default': [],
  'route.origin.subnet': [],
  'route.origin.tunnel': ['node'],
  'route.origin.direct': ['node'],
  'route.origin.endpoint': ['pod'],
  'route.origin.local': [],
  // A scenario's load problems (src/scenario/issue-ids.ts): the loader's words, in the same catalogs.
  ...SCENARIO_MESSAGE_PARAMS,
} as const satisfies Record<string, readonly string[]>;

export type MessageId = keyof typeof MESSAGE_PARAMS;

/** A parameter: a value printed as it is, or another message rendered in the same language. */
export type Param = string | number | Message;

/** The parameters message `I` takes, by name. */
export type ParamsOf<I extends MessageId> = I extends MessageId ? { [K in (typeof MESSAGE_PARAMS)[I][number]]: Param } : never;

/** Words to be rendered in the reader's language: an id and its parameters. */
export interface Message {
  id: MessageId;
  params: Record<string, Param>;
}

/** Renders a message in some language: the edges (page, CLI) pass one in; the engine has none. */
export type Say = (m: Message) => string;

/** A message with its parameters checked against the id. */
export function message<I extends MessageId>(id: I, ...params: keyof ParamsOf<I> extends never ? [] : [ParamsOf<I>]): Message {
  return { id, params: params[0] ?? {} };
}

/** Drop codes with a catalog entry: Cilium's (pkg/monitor/api/drop.go). */
const DROP_CODES = [132, 133, 151, 158, 169, 181] as const;
type DropCode = (typeof DROP_CODES)[number];

/** Code 0 is no Cilium drop but a loss outside the cluster; the engine's two reasons for it. */
const NOT_CILIUM: Record<string, MessageId> = {
  'Lost outside the cluster': 'drop.reason.lost',
  'No route back': 'drop.reason.no_route_back',
};

/**
 * A drop's reason in the reader's language. `drop.reason` stays Cilium's
 * English string for Hubble and the CLI tables; this is what the page says.
 */
export function dropReason(drop: { code: number; reason: string }): Message {
  if ((DROP_CODES as readonly number[]).includes(drop.code)) return { id: `drop.reason.${drop.code as DropCode}`, params: {} };
  const lost = drop.code === 0 ? NOT_CILIUM[drop.reason] : undefined;
  return lost ? { id: lost, params: {} } : { id: 'drop.reason.other', params: { reason: drop.reason } };
}
