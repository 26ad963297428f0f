/**
 * Map rows as the cilium CLI prints them. The engine records every map
 * operation with these strings as key/value, so the map panel, the CLI and
 * the hop inspector all show one text for one row.
 */

/** Map contents per map name for one node (insertion-ordered). */
export type MapTables = Partial<Record<string, Map<string, string>>>;
