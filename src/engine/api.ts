/**
 * The engine's public surface: the worker, the CLI, the tests and the bench
 * all go through these functions, so there is exactly one engine.
 */
import type { ClusterModel } from '../scenario/model.ts';
import type { Datapath } from './derive/types.ts';
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

/** A user's mistake in a flow request: message plus the names that would have worked. */
export class FlowError extends Error {
  override readonly name = 'FlowError';
  constructor(message: string, readonly known: string[] = []) {
    super(message);
  }
}

export type { ClusterModel, Datapath, Trace };
