// The worker thread's entry: registers tsx (a worker thread does not inherit --import hooks in time), then runs worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
