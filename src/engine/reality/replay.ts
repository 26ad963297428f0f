/**
 * A real Hubble flow against the model (issue #9, point 5): the flow's
 * 5-tuple traced with the engine (a reply is traced as its request, the
 * other way round), the predicted Hubble flows of that trace compared with
 * what Hubble saw: the node, the observation point, the verdict and drop
 * reason, the policy names. Each aspect is a message that agrees or not.
 */
import type { Datapath } from '../derive/types.ts';
import { hubbleFlows, type HubbleFlow } from '../formats/hubble/flow.ts';
import { flowObject } from '../formats/hubble/json.ts';
import type { ObservedFlow } from '../formats/hubble/read-flows.ts';
import { traceFlow } from '../flow/trace.ts';
import { message, type Message } from '../messages.ts';
import { FlowError, type FlowRequest } from '../request.ts';
import type { FlowProto } from '../trace.ts';
import type { Trace } from '../trace.ts';

export interface ReplayAspect {
  agree: boolean;
  says: Message;
}

export interface ReplayResult {
  /** The flow traced (absent when the 5-tuple cannot be traced). */
  request?: FlowRequest;
  aspects: ReplayAspect[];
  /** The seq of the model's hop where it reports the same point on the same node, if any. */
  matchedSeq?: number;
}

const PROTO: Record<ObservedFlow['proto'], FlowProto | undefined> = { TCP: 'tcp', UDP: 'udp', ICMP: 'icmp', OTHER: undefined };

/** The conversation the flow belongs to, as a FlowRequest: from the client, to the server. */
export function requestOf(flow: ObservedFlow): FlowRequest | string {
  const proto = PROTO[flow.proto];
  if (!proto) return 'only TCP, UDP and ICMPv4 flows are replayed';
  const [client, server] = flow.isReply ? [flow.destination, flow.source] : [flow.source, flow.destination];
  const req: FlowRequest = { from: client.ip, to: server.ip, proto, seed: 1 };
  if (proto !== 'icmp' && server.port) req.port = server.port;
  return req;
}

/** Policy names the trace's sentences cite (a rule's `policy` parameter, nested messages included). */
function tracePolicies(trace: Trace): string[] {
  const names = new Set<string>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach(visit);
      return;
    }
    const o = v as Record<string, unknown>;
    const params = o['params'];
    if (typeof o['id'] === 'string' && params && typeof params === 'object') {
      const policy = (params as Record<string, unknown>)['policy'];
      if (typeof policy === 'string' && policy !== '') names.add(policy);
    }
    Object.values(o).forEach(visit);
  };
  visit(trace.events);
  return [...names].sort();
}

const dropName = (f: HubbleFlow) => String(flowObject(f)['drop_reason_desc'] ?? f.drop?.reason ?? '');
const pointName = (f: HubbleFlow) => (f.observation ? f.observation.toUpperCase().replace(/-/g, '_') : undefined);

function sameDirection(f: HubbleFlow, observed: ObservedFlow): boolean {
  if (observed.isReply === undefined || f.isReply === undefined) return true;
  return f.isReply === observed.isReply;
}

export function replayFlow(dp: Datapath, observed: ObservedFlow): ReplayResult {
  const req = requestOf(observed);
  if (typeof req === 'string') return { aspects: [{ agree: false, says: message('replay.untraceable', { error: req }) }] };
  let trace: Trace;
  try {
    trace = traceFlow(dp, req);
  } catch (err) {
    if (!(err instanceof FlowError)) throw err;
    return { request: req, aspects: [{ agree: false, says: message('replay.untraceable', { error: { id: err.id, params: err.params } }) }] };
  }
  const predicted = hubbleFlows(dp, trace);
  const aspects: ReplayAspect[] = [];
  const nodes = [...new Set(trace.events.map((e) => e.node))];
  const node = observed.nodeName;
  aspects.push(nodes.includes(node)
    ? { agree: true, says: message('replay.node.agree', { node }) }
    : { agree: false, says: message('replay.node.differ', { cluster: node || '?', model: nodes.join(' → ') }) });

  const atPoint = observed.observationPoint
    ? predicted.find((f) => f.nodeName === node && pointName(f) === observed.observationPoint && sameDirection(f, observed))
    : undefined;
  if (observed.observationPoint) {
    const point = observed.observationPoint;
    aspects.push(atPoint
      ? { agree: true, says: message('replay.point.agree', { point, node }) }
      : { agree: false, says: message('replay.point.missing', { point, node }) });
  }

  // Identities: what Hubble resolved for each address against what the model's ipcache gives it.
  const same = atPoint ?? predicted.find((f) => f.source.ip === observed.source.ip && f.destination.ip === observed.destination.ip);
  if (same && observed.source.identity !== undefined && observed.destination.identity !== undefined) {
    const pairs = [[observed.source, same.source], [observed.destination, same.destination]] as const;
    const wrong = pairs.filter(([real, model]) => real.identity !== model.identity);
    if (wrong.length === 0) {
      aspects.push({ agree: true, says: message('replay.identity.agree', { source: same.source.identity, destination: same.destination.identity }) });
    }
    for (const [real, model] of wrong) {
      aspects.push({ agree: false, says: message('replay.identity.differ', { ip: real.ip, cluster: real.identity ?? '?', model: model.identity }) });
    }
  }

  // The model's drop notification (a policy-verdict event says DROPPED too, but names no reason).
  const modelDrop = predicted.find((f) => f.eventType === 'drop');
  if (observed.verdict === 'DROPPED') {
    // A policy-verdict flow has no drop_reason_desc: it agrees with whatever the model drops for there.
    const reason = observed.dropReason ?? (modelDrop ? dropName(modelDrop) : 'DROP_REASON_UNKNOWN');
    if (!modelDrop) aspects.push({ agree: false, says: message('replay.drop.unpredicted', { reason, node }) });
    else if (modelDrop.nodeName === node && dropName(modelDrop) === reason) aspects.push({ agree: true, says: message('replay.drop.agree', { reason }) });
    else {
      aspects.push({
        agree: false,
        says: message('replay.drop.differ', { cluster: `${reason} (${node})`, model: `${dropName(modelDrop)} (${modelDrop.nodeName})` }),
      });
    }
  } else if (modelDrop && observed.observationPoint && !atPoint) {
    // Forwarded where the model's packet never arrives: the model dropped it before.
    aspects.push({ agree: false, says: message('replay.drop.missing', { reason: dropName(modelDrop), node: modelDrop.nodeName }) });
  } else {
    // Without an observation point (a socket or policy-verdict event), any report of the model's on that node.
    const onNode = predicted.filter((f) => f.nodeName === node && sameDirection(f, observed));
    const verdict = (atPoint ?? onNode.find((f) => f.verdict === observed.verdict) ?? onNode[0])?.verdict ?? 'FORWARDED';
    aspects.push(verdict === observed.verdict
      ? { agree: true, says: message('replay.verdict.agree', { verdict }) }
      : { agree: false, says: message('replay.verdict.differ', { cluster: observed.verdict, model: verdict }) });
  }

  // Hubble names the policies that allowed or denied a flow on policy verdicts only: compare when it names any.
  if (observed.policies.length) {
    const modelPolicies = tracePolicies(trace);
    const real = [...new Set(observed.policies)].sort();
    // Hubble names `namespace/name`; the model's sentences may name the policy alone: compare by name.
    const bare = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    const same = real.length === modelPolicies.length && real.every((p, i) => bare(p) === bare(modelPolicies[i] ?? ''));
    aspects.push(same
      ? { agree: true, says: message('replay.policy.agree', { policies: real.join(', ') }) }
      : { agree: false, says: message('replay.policy.differ', { cluster: real.join(', '), model: modelPolicies.join(', ') || '-' }) });
  }
  const matched = atPoint ?? (observed.verdict === 'DROPPED' ? modelDrop : undefined);
  return { request: req, aspects, ...(matched ? { matchedSeq: matched.seq } : {}) };
}
