import type { BinaryLossId, LossParamsById, ResolvedParams } from '../losses/types';
import { formatParam } from './format';

const n = formatParam;

/**
 * Each loss as TeX, with the current values filled in. The text comes from numbers we format
 * ourselves (never from the URL's raw text), so nothing a link carries becomes markup.
 */
const formulaTex: { [Id in BinaryLossId]: (p: LossParamsById[Id]) => string } = {
  ce: () => String.raw`L_{\mathrm{CE}} = -\log p_t`,
  'balanced-ce': (p) =>
    String.raw`L = -\alpha_t \log p_t,\quad \alpha_t = \begin{cases} \alpha = ${n(p.alpha)} & y = 1 \\ 1-\alpha = ${n(1 - p.alpha)} & y = 0 \end{cases}`,
  focal: (p) =>
    String.raw`L_{\mathrm{FL}} = -\alpha_t(1-p_t)^{${n(p.gamma)}}\log p_t = \begin{cases} -${n(p.alpha)}\,(1-\hat p)^{${n(p.gamma)}}\log \hat p & y = 1 \\ -${n(1 - p.alpha)}\,\hat p^{\,${n(p.gamma)}}\log(1-\hat p) & y = 0 \end{cases}`,
  dwb: (p) =>
    String.raw`L = -w_y^{\,1-p_t}\log p_t - ${n(p.lambda)}\cdot 2p_t(1-p_t),\quad w_1 = \ln\tfrac{n_{\max}}{n_1} + 1 = ${n(p.wPos)},\; w_0 = ${n(p.wNeg)}`,
  poly1: (p) => String.raw`L = -\log p_t + \varepsilon\,(1-p_t),\quad \varepsilon = ${n(p.epsilon)}`,
  asl: (p) =>
    String.raw`L = \begin{cases} -(1-\hat p)^{${n(p.gammaPos)}}\log \hat p & y = 1 \\ -\hat p_m^{\,${n(p.gammaNeg)}}\log(1-\hat p_m),\ \hat p_m = \max(\hat p - ${n(p.margin)}, 0) & y = 0 \end{cases}`,
  'la-ce': (p) =>
    String.raw`L = -\log \sigma\!\big(x_t + s\,\tau \log\tfrac{\pi}{1-\pi}\big),\quad s = 2y - 1,\ \tau = ${n(p.tau)},\ \pi = ${n(p.priorPos)}`,
  'weighted-ce': (p) =>
    String.raw`L = -w_y \log p_t,\quad w_j \propto \frac{1-\beta}{1-\beta^{\,n_j}},\ \beta = ${n(p.beta)}:\ w_1 = ${n(p.wPos)},\; w_0 = ${n(p.wNeg)}`,
  'class-balanced-focal': (p) =>
    String.raw`L = -w_y (1-p_t)^{${n(p.gamma)}} \log p_t,\quad w_j \propto \frac{1-\beta}{1-\beta^{\,n_j}}:\ w_1 = ${n(p.wPos)},\; w_0 = ${n(p.wNeg)}`,
  'poly1-focal': (p) =>
    String.raw`L = -(1-p_t)^{${n(p.gamma)}} \log p_t + ${n(p.epsilon)}\,(1-p_t)^{${n(p.gamma)}+1}`,
  'label-smoothing': (p) =>
    String.raw`L = -y_s \log \hat p - (1-y_s)\log(1-\hat p),\quad y_s = y\,(1-\varepsilon) + \tfrac{\varepsilon}{2},\ \varepsilon = ${n(p.epsilon)}`,
  ldam: (p) =>
    String.raw`L = \begin{cases} \log\!\big(1 + e^{-S(x - \Delta_1)}\big) & y = 1 \\ \log\!\big(1 + e^{\,S(x + \Delta_0)}\big) & y = 0 \end{cases},\quad S = ${n(p.scale)},\ \Delta_1 = ${n(p.deltaPos)},\ \Delta_0 = ${n(p.deltaNeg)}`,
};

/** The TeX of one loss at resolved parameters (named as the loss declares them). */
export const formulaOf = (id: BinaryLossId, params: ResolvedParams): string =>
  (formulaTex[id] as (p: ResolvedParams) => string)(params);
