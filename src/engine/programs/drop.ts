/** Cilium drop reasons used by the engine (pkg/monitor/api/drop.go). */
export interface Drop {
  code: number;
  reason: string;
}

export const DROP = {
  INVALID_SIP: { code: 132, reason: 'Invalid source ip' },
  POLICY: { code: 133, reason: 'Policy denied' },
  UNROUTABLE: { code: 151, reason: 'Stale or unroutable IP' },
  NO_SERVICE: { code: 158, reason: 'Service backend not found' },
  FIB_LOOKUP_FAILED: { code: 169, reason: 'FIB lookup failed' },
  POLICY_DENY: { code: 181, reason: 'Policy denied by denylist' },
  /** Not Cilium's: the network outside the cluster has no route back (code 0, no datapath drop). */
  NO_ROUTE_BACK: { code: 0, reason: 'No route back' },
  /** Not Cilium's: nothing outside the cluster answers the address. */
  LOST_OUTSIDE: { code: 0, reason: 'Lost outside the cluster' },
} as const satisfies Record<string, Drop>;
