/** Renders the app into #root and opens the view the URL names. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createServices, openInitialView } from './app/bootstrap.ts';
import { ServicesProvider } from './app/context.tsx';
import type { EarlyStart } from './app/engine-start.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import './styles.css';

export function mount(early: EarlyStart): void {
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
