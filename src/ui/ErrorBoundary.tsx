/**
 * Never a blank page: a render error anywhere below shows a readable message
 * and a way back, instead of React unmounting everything.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { LANGS, translate, type Lang } from '../i18n/index.ts';

/**
 * The page's language as App last set it on <html lang>: read from the document, not the store, because
 * the boundary also wraps the store's provider and must render when everything below it failed.
 */
function pageLang(): Lang {
  const lang = document.documentElement.lang;
  return LANGS.find((l) => l === lang) ?? 'en';
}

interface Props {
  children: ReactNode;
  /** Shown above the error; defaults to a page-level message. */
  title?: string;
  /** A compact box for one panel instead of the whole page. */
  inline?: boolean;
}

interface State {
  error: Error | undefined;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('view error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const lang = pageLang();
    return (
      <div role="alert" className={this.props.inline ? 'crash crash-inline' : 'crash'}>
        <h2>{this.props.title ?? translate(lang, 'app.crashed')}</h2>
        <pre>{error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          {translate(lang, 'app.retry')}
        </button>{' '}
        {!this.props.inline && (
          <button type="button" onClick={() => window.location.reload()}>
            {translate(lang, 'app.reload')}
          </button>
        )}
      </div>
    );
  }
}
