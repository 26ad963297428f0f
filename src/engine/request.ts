/**
 * The engine's public surface: the worker, the CLI, the tests and the bench
 * all go through these functions, so there is exactly one engine.
 */
import type { ClusterModel } from '../scenario/model.ts';
import type { Datapath } from './derive/types.ts';
import type { Message, MessageId, ParamsOf } from './messages.ts';
import type { FlowProto, Trace } from './trace.ts';

/** A flow as a person names it: pod names, `ns/name`, service `svc[:port]`, node names or IPs. */
export interface FlowRequest {
  from: string;
  to: string;
  proto: FlowProto;
  /** Destination port (TCP/UDP); for a service, selects the service port. */
  port?: number;
  /** Seed of the deterministic generator (backend slot, ephemeral ports). */
  seed?: number;
}

/** cilium-config overrides, `routing-mode` → `tunnel`, as `--set key=value` gives them. */
export type Settings = Record<string, string>;

/**
 * A user's mistake in a flow request: what was wrong as a message (id +
 * params, rendered at the edge) plus the names that would have worked.
 * `Error.message` is the id, so an unrendered error still says which one.
 */
export class FlowError extends Error {
  override readonly name = 'FlowError';
  readonly id: MessageId;
  readonly params: Message['params'];
  constructor(message: Message, readonly known: string[] = []) {
    super(message.id);
    this.id = message.id;
    this.params = message.params;
  }
}

/** A FlowError with its parameters checked against the id. */
export function flowError<I extends MessageId>(id: I, params: ParamsOf<I>, known: string[] = []): FlowError {
  return new FlowError({ id, params }, known);
}

export type { ClusterModel, Datapath, Trace };
