/** Presenter mode, theme and language switches. */
import { loadLang, type Lang } from '../../i18n/index.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { togglePresenter } from './presenter.ts';

export function ViewToggles() {
  const t = useT();
  const { store } = useServices();
  const presenter = useApp((s) => s.presenter);
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  // The page shows a language once its catalogs are here (Korean is fetched on first choice).
  const switchLang = (next: Lang) => void loadLang(next).then(() => store.setState({ lang: next }), () => undefined);
  return (
    <div className="view-toggles">
      <button type="button" aria-pressed={presenter} title="F" onClick={() => togglePresenter(store)}>
        {presenter ? t('view.exitPresenter') : t('view.presenter')}
      </button>
      <button
        type="button"
        aria-label={`${t('view.theme')}: ${theme === 'dark' ? t('view.dark') : t('view.light')}`}
        onClick={() => store.setState({ theme: theme === 'dark' ? 'light' : 'dark' })}
      >
        {theme === 'dark' ? '☾' : '☀'}
      </button>
      <label className="lang">
        <span className="sr-only">{t('view.language')}</span>
        <select aria-label={t('view.language')} value={lang} onChange={(e) => switchLang(e.currentTarget.value as Lang)}>
          <option value="en">English</option>
          <option value="ko">한국어</option>
        </select>
      </label>
    </div>
  );
}
