import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from './download';
import type { Drawing } from './exportChart';

/** The exporter, loaded on the first export: most lessons never use it, and it need not slow the first page. */
type Exporter = typeof import('./exportChart');
const loadExporter = (): Promise<Exporter> => import('./exportChart');

interface Props {
  /** The chart's title: drawn into the file and named in the control, which appears once per chart. */
  title: string;
  /** What and which, for the file names: ['pr-curve', 'focal'] → imbalance-lab_pr-curve_focal_<time>.svg. */
  name: readonly string[];
  /** The chart as a drawing of its own, made when asked for: SVG and PNG are offered when given. */
  drawing?: (exporter: Exporter) => Drawing;
  /** The chart's data as CSV, with its own file name: offered when given. */
  csv?: { name: readonly string[]; text(): string };
}

/** "Export ▾" beside a chart's title: SVG, PNG at 2× for slides, and CSV where there is a table. */
export function ExportMenu({ title, name, drawing, csv }: Props) {
  const { t } = useTranslation();
  const menuRef = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // A click anywhere else closes the menu, as a menu does.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (menuRef.current && !menuRef.current.contains(event.target as Node)) menuRef.current.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const close = () => {
    const menu = menuRef.current;
    if (!menu) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  };
  const save = (make: (exporter: Exporter) => Promise<[Blob, string]> | [Blob, string]) => {
    setProblem(null);
    close();
    // The drawing is made as soon as the exporter is here, from what is on screen; a PNG is then encoded.
    loadExporter()
      .then(make)
      .then(([blob, fileName]) => download(fileName, blob))
      .catch((error: unknown) => setProblem(t('chart.export.failed', { message: error instanceof Error ? error.message : String(error) })));
  };

  return (
    <div className="export-menu">
      <details
        ref={menuRef}
        data-testid="export-menu"
        onToggle={(event) => setOpen(event.currentTarget.open)}
        onKeyDown={(event) => {
          // The element's own state: React's `open` follows the toggle event, which comes a task later.
          if (event.key === 'Escape' && event.currentTarget.open) {
            event.preventDefault();
            event.stopPropagation();
            close();
          }
        }}
      >
        <summary>
          {t('chart.export.menu')}
          <span className="visually-hidden"> {t('chart.export.what', { title })}</span>
          <span aria-hidden="true"> ▾</span>
        </summary>
        <div className="export-menu-items">
          {drawing ? (
            <>
              <button type="button" data-testid="export-svg" onClick={() => save((x) => [x.svgBlob(drawing(x)), x.exportFileName(name, 'svg')])}>
                {t('chart.export.svg')}
              </button>
              <button type="button" data-testid="export-png" onClick={() => save(async (x) => [await x.pngOf(drawing(x), 2), x.exportFileName(name, 'png')])}>
                {t('chart.export.png')}
              </button>
            </>
          ) : null}
          {csv ? (
            <button
              type="button"
              data-testid="export-csv"
              onClick={() => save((x) => [new Blob([csv.text()], { type: 'text/csv' }), x.exportFileName(csv.name, 'csv')])}
            >
              {t('chart.export.csv')}
            </button>
          ) : null}
        </div>
      </details>
      {problem ? (
        <p className="export-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
