import { afterEach, describe, expect, it } from 'vitest';
import { ScheduleError } from '../../digests/cron-schedule.js';
import { createDigestService, SubscriptionError } from '../../bin/create-digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import type { Core } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { repoPath } from '../../src/config/repo-path.js';
import { testClock, testCore } from '../helpers/test-core.js';

let core: Core | undefined;
afterEach(() => core?.close());

function setup() {
  const clock = testClock(new Date('2026-11-22T05:00:00Z'));
  core = testCore({}, { clock });
  const delivered: string[] = [];
  const sink: MessageSink = {
    async send(_d, payload) {
      delivered.push((payload as { text: string }).text);
      return { messageId: String(delivered.length) };
    },
  };
  const digests = createDigestService({ core, sinks: { console: sink }, logger: createLogger({ level: 'silent', format: 'json' }), notifyAdmins: () => undefined });
  const to = { platform: 'console' as const, chatId: 'stdout', threadId: null };
  return { clock, core, digests, delivered, to };
}

const raqqaBomb = { text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين، وفق مصادر محلية.', title: 'سيارة مفخخة في الرقة', url: 'https://example.org/raqqa', origin: 't1' };
const homsClash = { text: 'اندلعت اشتباكات بين قوات النظام وخلايا تنظيم داعش في بادية حمص الشرقية أسفرت عن مقتل ستة عناصر.', title: 'اشتباكات في بادية حمص', url: 'https://example.org/homs', origin: 't2' };

const football = { text: 'فاز ريال مدريد على برشلونة في مباراة الدوري مساء أمس بهدفين، وسجل اللاعب هدفا في الدقيقة الأخيرة.', title: 'ريال مدريد يفوز في الدوري', url: 'https://example.org/football', origin: 't3' };

describe('digests carry on-topic reports unless asked for everything', () => {
  it.each([
    [false, ['سيارة مفخخة في الرقة'], ['ريال مدريد']],
    [true, ['سيارة مفخخة في الرقة', 'ريال مدريد'], []],
  ])('includeOffTopic %s', async (includeOffTopic, shown, hidden) => {
    const t = setup();
    const sub = t.digests.subscribe({ destination: t.to, includeOffTopic });
    expect(sub.includeOffTopic).toBe(includeOffTopic);
    t.core.ingestOne(raqqaBomb);
    t.core.ingestOne(football);
    expect(await t.digests.run(sub.id)).toMatchObject({ kind: 'delivered' });
    for (const text of shown) expect(t.delivered[0]).toContain(text);
    for (const text of hidden) expect(t.delivered[0]).not.toContain(text);
    expect(t.digests.subscriptions.get(sub.id)!.watermark).toBe(2);
  });
});

describe('digest subscriptions', () => {
  it('start from now: the backlog is not sent, what arrives later is', async () => {
    const t = setup();
    await t.core.ingestPaths([repoPath('data', 'corpus')]);
    const sub = t.digests.subscribe({ destination: t.to });
    expect(sub).toMatchObject({ cron: '0 8 * * *', timezone: 'Asia/Damascus', watermark: 5, itemCap: 30, nextRunAt: '2026-11-23T05:00:00.000Z' });
    expect(await t.digests.run(sub.id)).toEqual({ kind: 'nothing_new' });
    expect(t.delivered).toEqual([]);
    t.core.ingestOne(raqqaBomb);
    expect(await t.digests.run(sub.id)).toMatchObject({ kind: 'delivered', messages: 1 });
    expect(t.delivered[0]).toContain('سيارة مفخخة في الرقة');
    expect(t.delivered[0]).not.toContain('خلايا نائمة هنا وهناك');
    expect(t.digests.subscriptions.get(sub.id)!.watermark).toBe(6);
  });

  it('--backfill covers what arrived within the window', async () => {
    const t = setup();
    await t.core.ingestPaths([repoPath('data', 'corpus')]);
    t.clock.advance(3_600_000);
    const sub = t.digests.subscribe({ destination: t.to, backfillMs: 2 * 3_600_000 });
    expect(sub.watermark).toBe(0);
    expect(await t.digests.run(sub.id)).toMatchObject({ kind: 'delivered' });
    expect(t.delivered[0]).toMatch(/الحصيلة: 5 تقارير/);
  });

  it('a filter keeps only the matching reports, and the rest count as covered', async () => {
    const t = setup();
    const sub = t.digests.subscribe({ destination: t.to, filter: 'Raqqa' });
    t.core.ingestOne(raqqaBomb);
    t.core.ingestOne(homsClash);
    await t.digests.run(sub.id);
    expect(t.delivered).toHaveLength(1);
    expect(t.delivered[0]).toContain('سيارة مفخخة في الرقة');
    expect(t.delivered[0]).not.toContain('حمص');
    expect(t.digests.subscriptions.get(sub.id)!.watermark).toBe(2);
  });

  it('says "no new reports" only when asked to', async () => {
    const t = setup();
    const quiet = t.digests.subscribe({ destination: t.to });
    const chatty = t.digests.subscribe({ destination: t.to, sendEmpty: true });
    expect(await t.digests.run(quiet.id)).toEqual({ kind: 'nothing_new' });
    expect(await t.digests.run(chatty.id)).toMatchObject({ kind: 'delivered' });
    expect(t.delivered).toEqual(['لا تقارير جديدة منذ الموجز السابق.']);
  });

  it('a paused subscription sends nothing, and after resuming its digest covers the gap', async () => {
    const t = setup();
    const sub = t.digests.subscribe({ destination: t.to });
    t.digests.subscriptions.setPaused(sub.id, true);
    t.core.ingestOne(raqqaBomb);
    expect(await t.digests.run(sub.id)).toEqual({ kind: 'paused' });
    t.digests.subscriptions.setPaused(sub.id, false);
    await t.digests.run(sub.id);
    expect(t.delivered[0]).toContain('سيارة مفخخة في الرقة');
  });

  it.each([
    [{ cron: '61 * * * *' }, ScheduleError, '"61 * * * *" is not a cron schedule'],
    [{ timezone: 'Mars/Base' }, ScheduleError, '"Mars/Base" is not an IANA time zone'],
    [{ filter: 'zzzz' }, SubscriptionError, 'the filter "zzzz" names no place, event, actor or Arabic word Rasid knows (ignored: zzzz)'],
    [{ itemCap: 0 }, SubscriptionError, 'the item cap must be a whole number from 1 to 200'],
  ])('refuses %o with a clear reason', (input, type, message) => {
    const t = setup();
    expect(() => t.digests.subscribe({ destination: t.to, ...input })).toThrow(type);
    expect(() => t.digests.subscribe({ destination: t.to, ...input })).toThrow(message);
  });
});
