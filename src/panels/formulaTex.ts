import type { AllLossParams, BinaryLossId } from '../losses/types';
import { formatParam } from './format';

const n = formatParam;

/**
 * Each loss as TeX, with the current values filled in. The text comes from numbers we format
 * ourselves (never from the URL's raw text), so nothing a link carries becomes markup.
 */
export const formulaTex: Record<BinaryLossId, (p: AllLossParams) => string> = {
  ce: () => String.raw`L_{\mathrm{CE}} = -\log p_t`,
  'balanced-ce': (p) =>
    String.raw`L = -\alpha_t \log p_t,\quad \alpha_t = \begin{cases} \alpha = ${n(p.alpha)} & y = 1 \\ 1-\alpha = ${n(1 - p.alpha)} & y = 0 \end{cases}`,
  focal: (p) =>
    String.raw`L_{\mathrm{FL}} = -\alpha_t(1-p_t)^{${n(p.gamma)}}\log p_t = \begin{cases} -${n(p.alpha)}\,(1-\hat p)^{${n(p.gamma)}}\log \hat p & y = 1 \\ -${n(1 - p.alpha)}\,\hat p^{\,${n(p.gamma)}}\log(1-\hat p) & y = 0 \end{cases}`,
  dwb: (p) =>
    String.raw`L = -w_y^{\,1-p_t}\log p_t - ${n(p.lambda ?? 1)}\cdot 2p_t(1-p_t),\quad w_1 = \ln\tfrac{n_{\max}}{n_1} + 1 = ${n(p.wPos)},\; w_0 = ${n(p.wNeg)}`,
  poly1: (p) => String.raw`L = -\log p_t + \varepsilon\,(1-p_t),\quad \varepsilon = ${n(p.epsilon)}`,
  asl: (p) =>
    String.raw`L = \begin{cases} -(1-\hat p)^{${n(p.gammaPos)}}\log \hat p & y = 1 \\ -\hat p_m^{\,${n(p.gammaNeg)}}\log(1-\hat p_m),\ \hat p_m = \max(\hat p - ${n(p.margin)}, 0) & y = 0 \end{cases}`,
  'la-ce': (p) =>
    String.raw`L = -\log \sigma\!\big(x_t + s\,\tau \log\tfrac{\pi}{1-\pi}\big),\quad s = 2y - 1,\ \tau = ${n(p.tau)},\ \pi = ${n(p.priorPos)}`,
};
