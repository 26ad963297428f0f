/** cilium-sysdump zips: bytes in, scenario text and a report out (read.ts); the zip layout (layout.ts). */
export { isZip, locate, readSysdump, type AgentTables, type SysdumpFile, type SysdumpRead, type SysdumpReport } from './read.ts';
export { BUGTOOL_TABLES, SYSDUMP_OBJECT_FILES, type BugtoolTable } from './layout.ts';
