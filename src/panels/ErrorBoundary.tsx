import { Component } from 'react';
import type { ReactNode } from 'react';
import { i18next } from '../i18n';
import { newerVersionServed, reloadToNewVersion } from '../pwa/serviceWorker';
import { ChunkLoadError } from './lazyWithRetry';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The error is a view's code that is gone because a newer version is being served. */
  newVersion: boolean;
}

/** If a panel throws, say so in words and offer a way out, instead of a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, newVersion: false };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error, newVersion: false };
  }

  // The root logs what was caught (main.tsx, onCaughtError).
  override componentDidCatch(error: Error) {
    if (!(error instanceof ChunkLoadError)) return;
    void newerVersionServed().then((newVersion) => {
      if (newVersion && this.state.error === error) this.setState({ newVersion });
    });
  }

  private readonly tryAgain = () => {
    const { error } = this.state;
    if (error instanceof ChunkLoadError) error.retry();
    this.setState({ error: null, newVersion: false });
  };

  override render() {
    const { error, newVersion } = this.state;
    if (!error) return this.props.children;
    if (newVersion) {
      // Retrying cannot help: the files of this page's build are gone. The state is in the URL.
      return (
        <div className="alert panel-error" role="alert" data-testid="panel-error" data-reason="new-version">
          <p>{i18next.t('update.viewNeedsNewVersion')}</p>
          <button type="button" onClick={reloadToNewVersion}>
            {i18next.t('update.reload')}
          </button>
        </div>
      );
    }
    const isChunk = error instanceof ChunkLoadError;
    return (
      <div className="alert panel-error" role="alert" data-testid="panel-error" data-reason={isChunk ? 'load-failed' : 'error'}>
        <p>{isChunk ? i18next.t('update.viewLoadFailed') : i18next.t('app.panelError', { message: error.message })}</p>
        <button type="button" onClick={this.tryAgain}>
          {i18next.t('app.tryAgain')}
        </button>
      </div>
    );
  }
}
