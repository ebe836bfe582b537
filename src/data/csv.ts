/**
 * Reading and writing datasets as `x,y,label` text, for teachers who bring their own points.
 *
 * Accepted: an optional first line `x,y,label` (any case); blank lines anywhere; LF, CRLF or CR line ends;
 * spaces around fields; a UTF-8 byte-order mark (Excel writes one). Spreadsheets export other forms
 * too, so the separator is the first content line's: a tab, else a semicolon, else a comma; fields
 * may be in double quotes; and with tabs or semicolons a decimal comma (0,5) is read as 0.5. Numbers are plain decimals
 * (`-0.5`, `.5`, `1e-3`) and must be finite. Labels are exactly 0 (majority) or 1 (minority):
 * "true"/"false", "yes"/"no" or "1.0" are refused rather than guessed at, so a file with the
 * classes swapped or a probability column is caught instead of silently learned.
 */
import type { Label } from '../losses/types';
import { MAX_POINTS } from './datasetSpec';
import type { LabeledPoint } from './types';

/**
 * What went wrong, as a code the UI translates. `detail` is the value to show in the message
 * (never English prose):
 * - fieldCount: the number of fields found on the line (3 are needed)
 * - notANumber: the x or y field as written (also for Infinity or 1e999)
 * - tooLarge: the x or y field as written, a number beyond float32 (±3.4 × 10³⁸), which the network
 *   would turn into ±Infinity
 * - badLabel: the label field as written (only 0 and 1 are labels)
 * - tooMany: the limit, "20000"; `line` is the first line past it
 * - empty: "" (no point in the file); `line` is 0
 * - oneClass: the only label present, "0" or "1"; `line` is 0
 */
export type CsvErrorCode = 'fieldCount' | 'notANumber' | 'tooLarge' | 'badLabel' | 'tooMany' | 'empty' | 'oneClass';

export interface CsvError {
  /** 1-based line number in the file; 0 when the problem is the file as a whole. */
  line: number;
  code: CsvErrorCode;
  detail: string;
}

export type CsvParseResult = { points: LabeledPoint[] } | { error: CsvError };

/** A plain decimal: what Number() accepts minus hex, binary, "Infinity" and the empty string. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_DETAIL_CHARS = 40;
const HEADER = ['x', 'y', 'label'];

const shown = (field: string) => (field.length > MAX_DETAIL_CHARS ? `${field.slice(0, MAX_DETAIL_CHARS)}…` : field);

/** The separator a file uses, from its first line with content. */
function separatorOf(line: string): string {
  if (line.includes('\t')) return '\t';
  return line.includes(';') ? ';' : ',';
}

/** A field without its surrounding double quotes ("" inside stands for one "). */
function unquoted(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replaceAll('""', '"').trim() : trimmed;
}

function parseCoordinate(written: string, decimalComma: boolean): number | undefined {
  const field = decimalComma ? written.replace(',', '.') : written;
  if (!DECIMAL.test(field)) return undefined;
  const value = Number(field);
  return Number.isFinite(value) ? value : undefined;
}

function parseLabel(field: string): Label | undefined {
  if (field === '0') return 0;
  if (field === '1') return 1;
  return undefined;
}

export function parseCsv(text: string): CsvParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const points: LabeledPoint[] = [];
  let seenContent = false;
  let separator = ',';
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const content = (lines[index] as string).trim();
    if (content === '') continue;
    if (!seenContent) separator = separatorOf(content);
    const fields = content.split(separator).map(unquoted);
    const isFirstContent = !seenContent;
    seenContent = true;
    const isHeader = fields.length === 3 && fields.every((field, i) => field.toLowerCase() === HEADER[i]);
    if (isFirstContent && isHeader) continue;
    if (fields.length !== 3) return { error: { line, code: 'fieldCount', detail: String(fields.length) } };
    const [xField, yField, labelField] = fields as [string, string, string];
    const x = parseCoordinate(xField, separator !== ',');
    if (x === undefined) return { error: { line, code: 'notANumber', detail: shown(xField) } };
    if (!Number.isFinite(Math.fround(x))) return { error: { line, code: 'tooLarge', detail: shown(xField) } };
    const y = parseCoordinate(yField, separator !== ',');
    if (y === undefined) return { error: { line, code: 'notANumber', detail: shown(yField) } };
    if (!Number.isFinite(Math.fround(y))) return { error: { line, code: 'tooLarge', detail: shown(yField) } };
    const label = parseLabel(labelField);
    if (label === undefined) return { error: { line, code: 'badLabel', detail: shown(labelField) } };
    if (points.length === MAX_POINTS) return { error: { line, code: 'tooMany', detail: String(MAX_POINTS) } };
    points.push({ x, y, label });
  }
  if (points.length === 0) return { error: { line: 0, code: 'empty', detail: '' } };
  const firstLabel = (points[0] as LabeledPoint).label;
  if (points.every((point) => point.label === firstLabel)) {
    return { error: { line: 0, code: 'oneClass', detail: String(firstLabel) } };
  }
  return { points };
}

/** −0 is written "-0" so that parseCsv(toCsv(points)) gives back the very same numbers. */
const formatNumber = (value: number) => (Object.is(value, -0) ? '-0' : String(value));

/**
 * The points as `x,y,label` lines under a header, ending in a newline. String(number) is the
 * shortest text that reads back as the same double, so the round trip is exact for finite points.
 */
export function toCsv(points: readonly LabeledPoint[]): string {
  const lines = ['x,y,label'];
  for (const { x, y, label } of points) lines.push(`${formatNumber(x)},${formatNumber(y)},${label}`);
  return `${lines.join('\n')}\n`;
}
