/**
 * The first visit's hint: which key steps, where the legend is. Shown until
 * dismissed; the dismissal is remembered in localStorage (a browser that
 * refuses storage simply shows it again next time).
 */
import { useState } from 'react';
import { useServices, useT } from '../app/context.tsx';

export const HINT_KEY = 'flowlab.hint.dismissed';

function dismissed(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

export function KeyHint() {
  const t = useT();
  const { store } = useServices();
  const [shown, setShown] = useState(() => !dismissed());
  if (!shown) return null;
  const close = () => {
    try {
      localStorage.setItem(HINT_KEY, '1');
    } catch {
      // Private mode: the hint comes back on the next visit, nothing else breaks.
    }
    setShown(false);
  };
  return (
    <aside className="key-hint" aria-label={t('hint.label')} data-testid="key-hint">
      <p>{t('hint.text')}</p>
      <div className="key-hint-actions">
        <button type="button" onClick={() => store.setState({ legend: true })}>
          ? {t('legend.open')}
        </button>
        <button type="button" className="primary" onClick={close}>
          {t('hint.dismiss')} ✕
        </button>
      </div>
    </aside>
  );
}
