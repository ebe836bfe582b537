import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { readCsvFile } from './csvClient';
import type { CsvWorkerLike, CsvWorkerReply } from './csvClient';

/** A stand-in for the CSV worker: it records what it was sent and answers when told to. */
class FakeWorker implements CsvWorkerLike {
  sent: unknown[] = [];
  terminated = false;
  onmessage: CsvWorkerLike['onmessage'] = null;
  onerror: CsvWorkerLike['onerror'] = null;
  onmessageerror: CsvWorkerLike['onmessageerror'] = null;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: CsvWorkerReply) {
    this.onmessage?.call(this as unknown as Worker, { data } as MessageEvent);
  }
  fail(message: string) {
    this.onerror?.call(this as unknown as Worker, { message, preventDefault() {} } as ErrorEvent);
  }
}

const file = (text: string) => new File([text], 'points.csv', { type: 'text/csv' });

/** What csvWorker.ts posts for `text`. */
function replyFor(text: string): CsvWorkerReply {
  const result = parseCsv(text);
  if ('error' in result) return result;
  return {
    coords: Float64Array.from(result.points.flatMap(({ x, y }) => [x, y])),
    labels: Uint8Array.from(result.points, ({ label }) => label),
  };
}

describe('reading a CSV file in a worker', () => {
  it('hands the file to the worker and gives back exactly the points parseCsv reads, then ends the worker', async () => {
    const worker = new FakeWorker();
    const chosen = file('x,y,label\n0.1,-0.30000000000000004,0\n1e-300,2,1\n');
    const reading = readCsvFile(chosen, { createWorker: () => worker });
    expect(worker.sent).toEqual([chosen]);
    worker.reply(replyFor('x,y,label\n0.1,-0.30000000000000004,0\n1e-300,2,1\n'));
    expect(await reading).toEqual(parseCsv('x,y,label\n0.1,-0.30000000000000004,0\n1e-300,2,1\n'));
    expect(worker.terminated).toBe(true);
  });

  it('passes on the problem the worker found, with its line', async () => {
    const worker = new FakeWorker();
    const reading = readCsvFile(file(''), { createWorker: () => worker });
    worker.reply(replyFor('x,y,label\n0.1,0.2,1\n0.3,oops,0\n'));
    expect(await reading).toEqual({ error: { line: 3, code: 'notANumber', detail: 'oops' } });
  });

  it('says the reader failed, instead of waiting for ever, when the worker does not start', async () => {
    const worker = new FakeWorker();
    const reading = readCsvFile(file('x,y,label\n'), { createWorker: () => worker });
    worker.fail('Failed to load the script');
    expect(await reading).toEqual({ error: { line: 0, code: 'workerFailed', detail: 'Failed to load the script' } });
    expect(worker.terminated).toBe(true);
  });

  it('says the reader failed when no worker can be made at all', async () => {
    const reading = readCsvFile(file('x,y,label\n'), {
      createWorker: () => {
        throw new Error('Workers are not allowed here');
      },
    });
    expect(await reading).toEqual({ error: { line: 0, code: 'workerFailed', detail: 'Workers are not allowed here' } });
  });

  it('lets a newer file win: an aborted read ends its worker and never delivers its points', async () => {
    const first = new FakeWorker();
    const second = new FakeWorker();
    const firstRead = new AbortController();
    const stale = readCsvFile(file('old'), { signal: firstRead.signal, createWorker: () => first });
    firstRead.abort();
    const fresh = readCsvFile(file('new'), { createWorker: () => second });
    await expect(stale).rejects.toThrow();
    expect(first.terminated).toBe(true);
    first.reply(replyFor('x,y,label\n0,0,0\n1,1,1\n')); // too late: nobody listens any more
    second.reply(replyFor('x,y,label\n5,5,0\n6,6,1\n'));
    expect(await fresh).toEqual({ points: [{ x: 5, y: 5, label: 0 }, { x: 6, y: 6, label: 1 }] });
  });

  it('starts no worker for a read aborted before it began', async () => {
    const read = new AbortController();
    read.abort();
    let started = false;
    const reading = readCsvFile(file('x'), {
      signal: read.signal,
      createWorker: () => {
        started = true;
        return new FakeWorker();
      },
    });
    await expect(reading).rejects.toThrow();
    expect(started).toBe(false);
  });
});
