import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

type Tree = string | readonly Tree[] | { readonly [key: string]: Tree };

/** Every string in a resource tree, with its key path ("lesson.points[1]"). */
function leaves(tree: Tree, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (Array.isArray(tree)) return tree.flatMap((item: Tree, i) => leaves(item, `${path}[${i}]`));
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
}

/** Every key path, arrays by index, objects included: the shape of a resource tree. */
function keyPaths(tree: Tree, path = ''): string[] {
  if (typeof tree === 'string') return [path];
  const entries = Array.isArray(tree) ? tree.map((item: Tree, i) => [`[${i}]`, item] as const) : Object.entries(tree);
  return entries.flatMap(([key, value]) => {
    const child = key.startsWith('[') ? `${path}${key}` : path ? `${path}.${key}` : key;
    return [child, ...(typeof value === 'string' ? [] : keyPaths(value, child))];
  });
}

const placeholders = (text: string) => [...new Set(text.match(/\{\{\s*[\w.-]+\s*\}\}/g) ?? [])].map((p) => p.replace(/\s/g, '')).sort();

/** CJK Unified Ideographs: a Chinese character (not full-width punctuation, which lives elsewhere). */
const isHan = (char: string | undefined) => char !== undefined && char >= '\u4e00' && char <= '\u9fff';
/** Where prose ends: nothing, a space, a Chinese character, or punctuation that separates clauses. */
const isProseBoundary = (char: string | undefined) => char === undefined || /\s/.test(char) || isHan(char) || /[，。：；（）！？、“”‘’,.;:!?"']/.test(char);

/** The index of the bracket that closes (or opens) the one at `at`, or −1. */
function partner(text: string, at: number): number {
  const step = text[at] === '(' ? 1 : -1;
  let depth = 0;
  for (let i = at; i >= 0 && i < text.length; i += step) {
    if (text[i] === '(' || text[i] === ')') depth += (text[i] === '(') === (step === 1) ? 1 : -1;
    if (depth === 0) return i;
  }
  return -1;
}

/**
 * ASCII , : ; ( ) ! ? with a Chinese character on either side, directly or across one space: prose
 * punctuation that should be full-width (，：；（）！？). Formulas keep ASCII, and a formula's
 * brackets may well sit one space from Chinese ("乘上 (1 − p_t)^γ", "−2p_t(1 − p_t) 项"). A pair
 * of ASCII brackets counts as a formula when it holds no Chinese and is glued to the expression
 * around it: a symbol directly before "(" (log(…), ε(…), /(…)) or directly after ")" ((…)^γ, (…)²).
 * A bracket pair standing alone between spaces or Chinese ("阈值 (0.5)", "少数类(y = 1)") is prose.
 */
function asciiPunctuationBesideChinese(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = text[i] as string;
    if (!',:;()!?'.includes(mark)) continue;
    const before = text[i - 1] === ' ' ? text[i - 2] : text[i - 1];
    const after = text[i + 1] === ' ' ? text[i + 2] : text[i + 1];
    if (!isHan(before) && !isHan(after)) continue;
    if (mark === '(' || mark === ')') {
      const other = partner(text, i);
      if (other >= 0) {
        const [open, close] = mark === '(' ? [i, other] : [other, i];
        const inside = text.slice(open + 1, close);
        const glued = !isProseBoundary(text[open - 1]) || !isProseBoundary(text[close + 1]);
        if (glued && ![...inside].some(isHan)) continue;
      }
    }
    found.push(`«${text.slice(Math.max(0, i - 6), i + 7)}» (ASCII ${mark})`);
  }
  return found;
}

describe('the Chinese strings', () => {
  it('have exactly the keys of the English, arrays item for item', () => {
    expect(keyPaths(zh).sort()).toEqual(keyPaths(en).sort());
  });

  it('use every {{placeholder}} of the English string with the same key, and no other', () => {
    const chinese = new Map(leaves(zh));
    const wrong = leaves(en)
      .filter(([key, text]) => placeholders(chinese.get(key) ?? '').join() !== placeholders(text).join())
      .map(([key, text]) => `${key}: en ${placeholders(text).join(' ')} / zh ${placeholders(chinese.get(key) ?? '').join(' ')}`);
    expect(wrong).toEqual([]);
  });

  it('use full-width punctuation next to Chinese characters, ASCII only in formulas and code', () => {
    const wrong = leaves(zh).flatMap(([key, text]) => asciiPunctuationBesideChinese(text).map((where) => `${key}: ${where}`));
    expect(wrong).toEqual([]);
  });
});

describe('the check for ASCII punctuation beside Chinese', () => {
  it('catches prose punctuation, directly or across one space, on either side', () => {
    for (const prose of ['阈值,再', '阈值 , 再', '阈值: 0.5', '阈值 (0.5)', '阈值 (', '少数类(y = 1)', '(0.5), 再', '(CPU) 后端', '损失;梯度', '好!', '为什么?', 'ECE (10 个分箱)', '赛道 1 (可选: a, b)']) {
      expect(asciiPunctuationBesideChinese(prose), prose).not.toEqual([]);
    }
  });

  it('leaves formulas, code, numbers and full-width punctuation alone', () => {
    for (const formula of [
      '乘上 (1 − p_t)^γ：',
      '−2p_t(1 − p_t) 项在 p_t = 0.5 处最小',
      '交叉熵加上 ε(1 − p_t)：',
      '平移 τ·log(π/(1 − π))（π 为少数类占比）',
      '逆频率 N / (C·n_j)',
      '比例 1 : 100 时',
      '超过 20,000 个点',
      '导入 CSV（x,y,label）',
      '少数类（y = 1），多数类：0。',
    ]) {
      expect(asciiPunctuationBesideChinese(formula), formula).toEqual([]);
    }
  });
});
