import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBoundaryMap } from '../../charts/boundaryMap';
import type { BoundaryFrame, BoundaryMap } from '../../charts/boundaryMap';
import { cancelPaint, schedulePaint } from '../paintQueue';
import { useElementSize } from '../useElementSize';

type Props = Omit<BoundaryFrame, 'size'> & {
  /** Clicks add or remove points; without it the map only shows. */
  onPlaneClick?(x: number, y: number, modifiers: { shift: boolean; alt: boolean }): void;
  /** Defaults to the one network's title and its hint below the map. */
  title?: ReactNode;
  testId?: string;
};

/** The decision boundary, the training points sized by their share of the gradient, and the test points. */
export function BoundaryPanel({ onPlaneClick, title, testId = 'boundary', ...frame }: Props) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<BoundaryMap | null>(null);
  const onClickRef = useRef(onPlaneClick);
  const { width } = useElementSize(boxRef);

  useEffect(() => {
    onClickRef.current = onPlaneClick;
  });

  useLayoutEffect(() => {
    if (!boxRef.current) return;
    const map = createBoundaryMap(boxRef.current, { onPlaneClick: (x, y, m) => onClickRef.current?.(x, y, m) });
    mapRef.current = map;
    return () => {
      cancelPaint(map);
      map.destroy();
    };
  }, []);

  const { extent, grid, gridSize, threshold, train, test, showContours } = frame;
  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || width === 0) return;
    schedulePaint(map, () => map.update({ size: Math.min(width, 720), extent, grid, gridSize, threshold, train, test, showContours }));
  }, [width, extent, grid, gridSize, threshold, train, test, showContours]);

  return (
    <figure className="chart boundary" data-testid={testId}>
      <figcaption className="chart-title">{title ?? t('classifier.boundaryTitle')}</figcaption>
      <div ref={boxRef} className="boundary-box" />
      {title ? null : (
        <p className="hint">
          {t('classifier.pointSize')} {t('classifier.boundaryHint')}
        </p>
      )}
    </figure>
  );
}
