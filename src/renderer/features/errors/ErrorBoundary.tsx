/** Catches render errors and shows a readable message with Reload; the stack only under "Details". */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { WarningIcon } from '../../ui/icons';
import { describeError } from './model';
import './errors.css';

/** Props: what to render, and an optional label of the area it guards. */
export interface ErrorBoundaryProps {
  children?: ReactNode;
  /** Where this boundary sits, e.g. "this tab" (used in the message). */
  area?: string;
}

/** Error boundary with a Reload button and a "Details" disclosure. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('QueryGenie UI error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const view = describeError(this.state.error);
    return (
      <div className="error-boundary" role="alert" data-testid="error-boundary">
        <div className="error-boundary-card">
          <WarningIcon size={22} />
          <h2>{view.title}</h2>
          <p>{view.message}</p>
          <div className="error-boundary-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => window.location.reload()}
            >
              Reload
            </button>
            {this.props.area && (
              <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
                Try again
              </button>
            )}
          </div>
          <details>
            <summary>Details</summary>
            <pre>{view.details}</pre>
          </details>
        </div>
      </div>
    );
  }
}
