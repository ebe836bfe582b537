import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBoundaryMap } from '../../charts/boundaryMap';
import type { BoundaryFrame, BoundaryMap } from '../../charts/boundaryMap';
import type { drawingOfLayers } from '../exportChart';
import { ExportMenu } from '../ExportMenu';
import { cancelPaint, schedulePaint } from '../paintQueue';
import { useElementSize } from '../useElementSize';

type Props = Omit<BoundaryFrame, 'size'> & {
  /** Clicks add or remove points; without it the map only shows. */
  onPlaneClick?(x: number, y: number, modifiers: { shift: boolean; alt: boolean }): void;
  /** Defaults to the one network's title and its hint below the map. */
  title?: ReactNode;
  testId?: string;
  /** Ids of what states the map's outcome in numbers (the test metrics, the race's results): its text alternative. */
  describedBy: string;
  /** What and which for the exported files' names: ['boundary', 'focal']. */
  exportName: readonly string[];
  /** A lane's name in words, added to the exported map's title. */
  exportTitle?: string;
};

/** The decision boundary, the training points sized by their share of the gradient, and the test points. */
export function BoundaryPanel({ onPlaneClick, title, testId = 'boundary', describedBy, exportName, exportTitle, ...frame }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const mapNameId = useId();
  const hintId = useId();
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
  const fileTitle = exportTitle ? `${t('classifier.boundaryTitle')} — ${exportTitle}` : t('classifier.boundaryTitle');
  const drawing = (exporter: { drawingOfLayers: typeof drawingOfLayers }) => {
    const layers = mapRef.current?.exportLayers(2);
    if (!layers || !boxRef.current) throw new Error('the map is not drawn yet');
    return exporter.drawingOfLayers(layers, fileTitle, boxRef.current);
  };
  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || width === 0) return;
    schedulePaint(map, () => map.update({ size: Math.min(width, 720), extent, grid, gridSize, threshold, train, test, showContours }));
  }, [width, extent, grid, gridSize, threshold, train, test, showContours]);

  return (
    <figure className="chart boundary" data-testid={testId}>
      <figcaption className="chart-title" id={captionId}>
        {title ?? t('classifier.boundaryTitle')}
      </figcaption>
      <ExportMenu title={fileTitle} name={exportName} drawing={drawing} />
      {/* A lane's caption is only its name: the map's accessible name also says what the map is. */}
      {title ? (
        <span id={mapNameId} hidden>
          {t('classifier.boundaryTitle')}
        </span>
      ) : null}
      {/* The canvases are pictures of numbers stated elsewhere: one image, named and described. */}
      <div
        ref={boxRef}
        className="boundary-box"
        role="img"
        aria-labelledby={title ? `${mapNameId} ${captionId}` : captionId}
        aria-describedby={title ? describedBy : `${hintId} ${describedBy}`}
      />
      {title ? null : (
        <p className="hint" id={hintId}>
          {t('classifier.pointSize')} {t('classifier.boundaryHint')}
        </p>
      )}
    </figure>
  );
}
