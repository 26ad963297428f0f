/** Page entry: services first, then React, then the view the URL names. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { createServices, openInitialView } from './ui/app/bootstrap.ts';
import { ServicesProvider } from './ui/app/context.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import './ui/styles.css';

const services = createServices();
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
