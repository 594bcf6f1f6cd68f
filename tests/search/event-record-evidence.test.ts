import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/create-core.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/log/create-logger.js';

/** Three short reports: an attack in Raqqa, an attack in Aleppo that names Raqqa, and a statement about an attack. */
const REPORTS = [
  { externalId: 'raqqa', title: 'هجوم مسلح في الرقة', text: 'قتل ثلاثة مدنيين في هجوم مسلح استهدف حاجزا في مدينة الرقة صباح اليوم.' },
  { externalId: 'aleppo', title: 'هجوم في حلب', text: 'قتل خمسة عناصر في هجوم مسلح استهدف حاجزا في مدينة حلب صباح اليوم، وكانت عناصر التنظيم قد انسحبت من الرقة قبل أعوام.' },
  { externalId: 'statement', title: 'بيان حول الرقة', text: 'قال مسؤول إن المحافظة تخشى هجمات جديدة في الرقة خلال الأشهر المقبلة.' },
];

let core: Core | undefined;
afterEach(() => core?.close());

describe('event records in ranking', () => {
  it('ranks the report with an attack located in Raqqa first for "attacks in Raqqa"', async () => {
    core = createCore({ config: loadConfig({ RASID_DB: ':memory:', LOG_LEVEL: 'silent' }, '/nonexistent.env'), logger: createLogger({ level: 'silent', format: 'json' }) });
    await core.ingestItems((async function* () {
      for (const r of REPORTS) yield { ok: true as const, report: { ...r, url: null, publishedAt: '2018-06-23', source: 'test', lang: 'ar', origin: `test:${r.externalId}` } };
    })());
    const answer = core.search('attacks in Raqqa', { limit: 10, offset: 0 });
    expect(answer.items.map((i) => i.externalId)[0]).toBe('raqqa');
    expect(answer.items.map((i) => i.externalId)).toContain('aleppo');
  });
});
