/** A bulk ingest keeps the heap tight while it runs and gives V8 its own growing back when the last one ends. */
import { describe, expect, it, vi } from 'vitest';

const flags: string[] = [];
vi.mock('node:v8', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:v8')>()),
  setFlagsFromString: (flag: string) => flags.push(flag),
}));

const { HEAP_GROWING_PERCENT, withTightHeap } = await import('../../src/corpus/ingest-heap.js');

describe('withTightHeap', () => {
  it('sets the growing percent once for overlapping ingests and resets it after the last, also when one fails', async () => {
    flags.length = 0;
    let release!: () => void;
    const first = withTightHeap(() => new Promise<string>((resolve) => { release = () => resolve('first'); }));
    const second = withTightHeap(async () => {
      throw new Error('a failed ingest');
    });
    await expect(second).rejects.toThrow('a failed ingest');
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    release();
    expect(await first).toBe('first');
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0']);
    await withTightHeap(async () => 1);
    expect(flags).toHaveLength(4);
  });
});
