/**
 * Page entry. The engine worker and the scenario fetch start first; the UI
 * (React and everything else) is a separate chunk that loads meanwhile.
 */
import { startEngine } from './ui/app/engine-start.ts';

const early = startEngine();
const { mount } = await import('./ui/mount.tsx');
void mount(early);
// After the page is up: the offline worker (src/offline) must not delay the first drawing, nor its bytes
// count against it (bench: JS fetched until the topology shows), so it waits until the page has settled.
setTimeout(() => void import('./offline/register.ts').then((m) => m.registerOffline()), 2500);
