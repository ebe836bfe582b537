import { useCallback, useId, useState } from 'react';
import { defaultCursorPt } from '../config';
import { logit } from '../losses';
import type { ResolvedParamsById } from '../state/lossParams';
import type { LabState } from '../state/labState';
import { Controls } from './Controls';
import { CurveCharts } from './CurveCharts';
import { Formulas } from './Formulas';
import { LessonNotes } from './LessonNotes';
import { Readout } from './Readout';
import { useSettledValue } from './useSettledValue';
import { WeightsTable } from './WeightsTable';

const FORMULA_SETTLE_MS = 150;

interface Props {
  state: LabState;
  params: ResolvedParamsById;
  update(patch: Partial<LabState>): void;
}

/** The first screen: every loss and its gradient, against p_t and against the logit. */
export function CurvesView({ state, params, update }: Props) {
  const [cursorXt, setCursorXt] = useState(() => logit(defaultCursorPt));
  const readoutId = useId();
  const formulaParams = useSettledValue(params, FORMULA_SETTLE_MS);
  const setBeta = useCallback((beta: number) => update({ beta }), [update]);

  return (
    <div className="layout">
      <Controls state={state} update={update} />
      <main className="main">
        <CurveCharts
          losses={state.losses}
          params={params}
          exampleClass={state.exampleClass}
          logScale={state.logScale}
          cursorXt={cursorXt}
          onCursorXt={setCursorXt}
          readoutId={readoutId}
        />
        <div className="below-charts">
          <Readout id={readoutId} losses={state.losses} params={params} exampleClass={state.exampleClass} cursorXt={cursorXt} />
          <LessonNotes />
        </div>
        <div className="below-charts">
          <Formulas losses={state.losses} params={formulaParams} exampleClass={state.exampleClass} />
          <WeightsTable ratio={state.ratio} beta={state.beta} onBeta={setBeta} />
        </div>
      </main>
    </div>
  );
}
