/** Renders the app into #root and opens the view the URL names. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadLang } from '../i18n/index.ts';
import { createServices, initialLang, openInitialView } from './app/bootstrap.ts';
import { ServicesProvider } from './app/context.tsx';
import type { EarlyStart } from './app/engine-start.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import './styles.css';

export async function mount(early: EarlyStart): Promise<void> {
  // A Korean page fetches its catalogs first (src/i18n/ko-on-demand.ts); an English one has them.
  await loadLang(initialLang());
  const services = createServices(early);
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <ErrorBoundary>
          <ServicesProvider value={services}>
            <App />
          </ServicesProvider>
        </ErrorBoundary>
      </StrictMode>,
    );
  }
  void openInitialView(services);
}
