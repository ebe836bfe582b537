import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../model/protocol';
import { ariaShortcut, useShortcut } from '../useShortcuts';
import type { SessionStatus } from './useTrainingSession';

/** A lesson often wants "a little more training" without watching it: one click, this many steps. */
const STEPS_PER_JUMP = 100;

interface Props {
  status: SessionStatus;
  snapshot: Snapshot | null;
  /** A lesson step's "train to step N": one button that trains exactly that far. */
  trainTo?: number;
  onPlay(untilStep?: number): void;
  onPause(): void;
  onStep(steps: number): void;
  onReset(): void;
}

/** Play, pause, one step, reset; the step count, the speed and the backend in use; and what went wrong. */
export function TrainingBar({ status, snapshot, trainTo, onPlay, onPause, onStep, onReset }: Props) {
  const { t } = useTranslation();
  const running = snapshot?.running ?? false;
  const usable = status.phase === 'ready';
  const batch = snapshot?.batchCounts;
  // A lesson step's "Train to step N" until the network is there, then plain training.
  const trainsTo = trainTo !== undefined && (snapshot?.step ?? 0) < trainTo ? trainTo : undefined;
  // Space: Pause while training, else the first training button (Train to step N, or Train).
  useShortcut('trainPause', running ? onPause : usable ? () => onPlay(trainsTo) : null);
  return (
    <div className="training-bar" data-testid="training-bar">
      <div className="training-buttons">
        {running ? (
          <button type="button" className="primary" data-testid="pause" aria-keyshortcuts={ariaShortcut('trainPause')} onClick={onPause}>
            ❚❚ {t('classifier.pause')}
          </button>
        ) : (
          <>
            {trainsTo !== undefined ? (
              <button
                type="button"
                className="primary"
                data-testid="train-to"
                aria-keyshortcuts={ariaShortcut('trainPause')}
                disabled={!usable}
                onClick={() => onPlay(trainsTo)}
              >
                ▶ {t('classifier.trainTo', { step: trainsTo.toLocaleString('en-US') })}
              </button>
            ) : null}
            <button
              type="button"
              className={trainTo === undefined ? 'primary' : undefined}
              data-testid="play"
              aria-keyshortcuts={trainsTo === undefined ? ariaShortcut('trainPause') : undefined}
              disabled={!usable}
              onClick={() => onPlay()}
            >
              ▶ {t('classifier.play')}
            </button>
          </>
        )}
        <button type="button" data-testid="step" disabled={!usable || running} onClick={() => onStep(1)}>
          {t('classifier.step')}
        </button>
        <button type="button" data-testid="step-100" disabled={!usable || running} onClick={() => onStep(STEPS_PER_JUMP)}>
          {t('classifier.steps', { count: STEPS_PER_JUMP })}
        </button>
        <button type="button" data-testid="reset" disabled={status.phase === 'starting'} onClick={onReset}>
          ↺ {t('classifier.reset')}
        </button>
      </div>
      <div className="training-status">
        <span data-testid="step-count" data-value={snapshot?.step ?? 0}>
          {t('classifier.stepCount', { step: (snapshot?.step ?? 0).toLocaleString('en-US') })}
        </span>
        {snapshot && running ? <span>{t('classifier.speed', { rate: Math.round(snapshot.stepsPerSecond) })}</span> : null}
        {status.phase === 'ready' || status.phase === 'diverged' ? (
          <span data-testid="backend-in-use">
            {t('classifier.backendInUse', { backend: t(`classifier.backendNames.${status.backend}`) })}
          </span>
        ) : null}
      </div>
      {batch && batch.lastPositives !== null ? (
        // At 1 : 100 and a batch of 64 most batches hold no minority example at all.
        <p className="batch-counts" data-testid="batch-counts">
          {t('classifier.batchCounts', {
            count: batch.lastPositives,
            size: batch.batchSize,
            share: `${Math.round((100 * batch.batchesWithoutPositives) / Math.max(1, batch.batches))} %`,
            batches: batch.batches.toLocaleString('en-US'),
          })}
        </p>
      ) : null}
      {status.phase === 'starting' ? <p className="hint">{t('classifier.starting')}</p> : null}
      {status.phase === 'ready' && status.fellBackFrom ? (
        <p className="notice-inline" role="status">
          {t('classifier.fellBack', {
            from: t(`classifier.backendNames.${status.fellBackFrom}`),
            reason: status.reason ?? '',
            backend: t(`classifier.backendNames.${status.backend}`),
          })}
        </p>
      ) : null}
      {status.phase === 'diverged' ? (
        <p className="alert" role="alert" data-testid="diverged">
          {t('classifier.diverged', { step: status.step })}{' '}
          <button type="button" onClick={onReset}>
            ↺ {t('classifier.reset')}
          </button>
        </p>
      ) : null}
      {status.phase === 'error' ? (
        <p className="alert" role="alert" data-testid="worker-error">
          {status.code ? t(`classifier.workerErrors.${status.code}`) : t('classifier.workerError', { message: status.message })}{' '}
          <button type="button" data-testid="error-reset" onClick={onReset}>
            ↺ {t('classifier.reset')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
