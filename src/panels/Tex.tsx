import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Katex = typeof import('katex').default;
let katexPromise: Promise<Katex> | null = null;

/** KaTeX (~75 KB gzip) loads after the charts are interactive; formulas appear a moment later. */
function loadKatex(): Promise<Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => m.default);
  return katexPromise;
}

/** Typesets TeX into its own element with katex.render (no innerHTML from strings of ours). */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLSpanElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void loadKatex().then((katex) => {
      if (cancelled || !ref.current) return;
      katex.render(tex, ref.current, { displayMode: display, throwOnError: false, strict: 'ignore' });
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [tex, display]);

  // KaTeX owns the inner span; React only renders the placeholder beside it.
  return (
    <span className="tex" data-tex={tex} aria-busy={!ready}>
      <span ref={ref} />
      {ready ? null : <span className="tex-loading">{t('formulas.loading')}</span>}
    </span>
  );
}
