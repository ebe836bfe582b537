/**
 * Reads and parses a CSV file off the page's thread: 20,000 rows (about 1 MB) take a few hundred
 * milliseconds to split and check, which on the page would freeze every slider and chart meanwhile.
 * Speaks csvClient.ts's messages: a File in, one CsvWorkerReply out.
 */
import { parseCsv } from './csv';
import type { CsvWorkerReply } from './csvClient';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function read(file: File): Promise<CsvWorkerReply> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    // Moved, deleted or made unreadable between choosing and reading.
    return { error: { line: 0, code: 'readFailed', detail: error instanceof Error ? error.message : String(error) } };
  }
  const result = parseCsv(text);
  if ('error' in result) return result;
  // Packed, so the points travel as two transferred buffers instead of 20,000 cloned objects.
  const coords = new Float64Array(result.points.length * 2);
  const labels = new Uint8Array(result.points.length);
  result.points.forEach(({ x, y, label }, i) => {
    coords[2 * i] = x;
    coords[2 * i + 1] = y;
    labels[i] = label;
  });
  return { coords, labels };
}

scope.onmessage = (event: MessageEvent<File>) => {
  void read(event.data).then((reply) => {
    scope.postMessage(reply, 'coords' in reply ? [reply.coords.buffer, reply.labels.buffer] : []);
  });
};
