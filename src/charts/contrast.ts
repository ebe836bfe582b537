import { hcl, rgb } from 'd3';

/**
 * WCAG 2's contrast for text of ordinary size (1.4.3, level AA). Several loss colours (Okabe–Ito
 * orange, green, sky blue…) are fine as 3 px lines but too light for words on white, so text in a
 * loss's or lane's colour goes through `readableOn`.
 */
export const TEXT_CONTRAST = 4.5;

/** WCAG 2's relative luminance of an sRGB colour. */
export function relativeLuminance(colour: string): number {
  const { r, g, b } = rgb(colour);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * The colour to write text in when the text stands for `colour` (a loss, a lane): the colour itself
 * if it is readable on `background`, otherwise the same hue and chroma made darker, in steps of
 * half an L*, until it is. The loss keeps its identity (its lines and swatches keep the real colour;
 * only its words darken), and the words stay readable on a washed-out projector.
 */
export function readableOn(colour: string, background = '#ffffff', minimum = TEXT_CONTRAST): string {
  const shade = hcl(colour);
  let text = rgb(colour).formatHex();
  while (contrastRatio(text, background) < minimum && shade.l > 0) {
    shade.l = Math.max(0, shade.l - 0.5);
    text = rgb(shade).clamp().formatHex();
  }
  return text;
}
