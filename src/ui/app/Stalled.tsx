/**
 * The watchdog's banner: a request the engine has not answered in time
 * (worker/client.ts), how long it has run, the worker's last progress report,
 * and Cancel, which restarts the worker with the previous scenario.
 */
import { useEffect, useState } from 'react';
import { useApp, useServices, useT } from './context.tsx';

export function Stalled() {
  const t = useT();
  const { client } = useServices();
  const stalled = useApp((s) => s.stalled);
  const stage = useApp((s) => s.engineStage);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!stalled) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [stalled]);
  if (!stalled) return null;
  const seconds = Math.max(0, Math.round((now - stalled.since) / 1000));
  return (
    <div className="notice" role="alert" data-testid="stalled">
      {t('app.stalled', { seconds, request: stalled.request, stage: stage && stage !== 'ready' ? `, ${stage}` : '' })}{' '}
      <button type="button" onClick={() => client.cancel()}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
