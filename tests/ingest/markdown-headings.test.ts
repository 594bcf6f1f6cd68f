import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFile, type ReadItem } from '../../src/ingest/read-source-file.js';

async function readOne(name: string, content: string): Promise<ReadItem> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-md-'));
  writeFileSync(join(dir, name), content);
  const items: ReadItem[] = [];
  for await (const item of readSourceFile(join(dir, name))) items.push(item);
  expect(items).toHaveLength(1);
  return items[0]!;
}

const BODY = 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم.';

describe('Markdown headings lose their # markers', () => {
  it.each([
    ['a heading first: it is the title', `# تفجير في الرقة\n\n${BODY}\n`, 'تفجير في الرقة', `تفجير في الرقة\n\n${BODY}`],
    ['closing hashes and a level-2 heading', `## تفجير في الرقة ##\n\n${BODY}\n`, 'تفجير في الرقة', `تفجير في الرقة\n\n${BODY}`],
    ['a heading inside: markers removed, no title', `${BODY}\n\n### تفاصيل\n\nنص آخر.\n`, undefined, `${BODY}\n\nتفاصيل\n\nنص آخر.`],
    ['a hashtag is not a heading', `#الرقة ${BODY}\n`, undefined, `#الرقة ${BODY}`],
    ['front matter title wins', `---\ntitle: عنوان من البيانات\n---\n# تفجير في الرقة\n\n${BODY}\n`, 'عنوان من البيانات', `تفجير في الرقة\n\n${BODY}`],
  ])('%s', async (_name, content, title, text) => {
    const item = await readOne('report.md', content);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.report.title ?? undefined).toBe(title);
    expect(item.report.text).toBe(text);
  });

  it('a .txt file keeps its # (it is not Markdown)', async () => {
    const item = await readOne('report.txt', `# تفجير في الرقة\n\n${BODY}\n`);
    expect(item.ok && item.report.text).toBe(`# تفجير في الرقة\n\n${BODY}`);
  });
});
