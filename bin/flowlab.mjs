#!/usr/bin/env node
// The flowlab CLI: registers tsx so Node runs the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
