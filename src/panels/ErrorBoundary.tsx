import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { i18next } from '../i18n';

interface Props {
  children: ReactNode;
}

/** If a panel throws, say so in words and offer a way out, instead of a blank page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="alert panel-error" role="alert" data-testid="panel-error">
        <p>{i18next.t('app.panelError', { message: error.message })}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {i18next.t('app.tryAgain')}
        </button>
      </div>
    );
  }
}
