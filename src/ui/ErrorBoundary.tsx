/**
 * Never a blank page: a render error anywhere below shows a readable message
 * and a way back, instead of React unmounting everything.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    return (
      <div role="alert" className={this.props.inline ? 'crash crash-inline' : 'crash'}>
        <h2>{this.props.title ?? 'Something went wrong while drawing this part of the page.'}</h2>
        <pre>{error.message}</pre>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>{' '}
        {!this.props.inline && (
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        )}
      </div>
    );
  }
}
