import { afterEach, describe, expect, it, vi } from 'vitest';
import { researchCorpusPath, runScript } from '../../scripts/lib/research-corpus.js';

afterEach(() => {
  process.exitCode = 0;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('npm run eval / bench without the research corpus', () => {
  it('is one line naming where it was looked for and how to point to it, and exit code 2', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    await runScript(async () => {
      researchCorpusPath('/nowhere/arabic_news.jsonl.gz');
    });
    expect(process.exitCode).toBe(2);
    expect(written).toEqual(['The research corpus is not at /nowhere/arabic_news.jsonl.gz. Set RASID_RESEARCH_CORPUS to the path of arabic_news.jsonl.gz.\n']);
  });

  it('any other failure is not hidden', async () => {
    await expect(runScript(async () => { throw new TypeError('a bug'); })).rejects.toThrow('a bug');
    expect(process.exitCode).toBe(0);
  });
});
