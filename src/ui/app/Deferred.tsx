/**
 * Renders its children one frame after the page first painted. The
 * secondary panels (maps, inspector, views) wait behind it, so the first
 * frame carries only what the room looks at first: the cluster drawing.
 */
import { useEffect, useState, type ReactNode } from 'react';

let painted = false;

export function Deferred({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    // rAF runs before the paint; the timeout after it runs once the frame is out.
    const raf = requestAnimationFrame(() => {
      window.setTimeout(() => {
        painted = true;
        setReady(true);
      }, 0);
    });
    return () => cancelAnimationFrame(raf);
  }, [ready]);
  return ready ? children : null;
}
