import { afterEach, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../bin/platforms.js';
import { createDigestService } from '../../bin/create-digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import type { Core } from '../../src/create-core.js';
import { deirEzZorReport } from '../helpers/alert-reports.js';
import { testClock, testCore } from '../helpers/test-core.js';
import { createMemoryPlatform, memoryChat } from './memory-platform/memory-platform.js';

let core: Core | undefined;
afterEach(() => core?.close());

const raqqaBomb = { text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين، وفق مصادر محلية.', title: 'سيارة مفخخة في الرقة', url: 'https://example.org/raqqa', origin: 't1' };
const homsClash = { text: 'اندلعت اشتباكات بين قوات النظام وخلايا تنظيم داعش في بادية حمص الشرقية أسفرت عن مقتل ستة عناصر.', title: 'اشتباكات في بادية حمص', url: 'https://example.org/homs', origin: 't2' };
const raqqaAttack = { text: 'هاجم مسلحون من تنظيم داعش حاجزا أمنيا في ريف الرقة الشمالي ما أدى إلى مقتل عنصرين.', title: 'هجوم على حاجز في ريف الرقة', url: 'https://example.org/raqqa-2', origin: 't3' };

describe('a third platform is one folder and one entry in the platform list', () => {
  it('runs the chat use cases in memory and receives a digest end to end', async () => {
    const clock = testClock(new Date('2026-11-22T05:00:00Z'));
    core = testCore({}, { clock });
    core.ingestOne(raqqaBomb);
    core.ingestOne(homsClash);

    // The composition root's one line: the registered platforms, and this one.
    const memory = createMemoryPlatform();
    const platforms = [...PLATFORMS, memory];
    const sinks: Record<string, MessageSink> = {};
    const digests = createDigestService({ core, platforms, sinks, logger: core.logger, notifyAdmins: () => undefined });
    let refreshes = 0;
    const deps = { core, digests, config: core.config, logger: core.logger, refreshSchedules: () => refreshes++ };
    const started = (await memory.start!(deps))!;
    sinks[memory.name] = started.sink;
    const chat = memoryChat(deps, 'room-1');

    // Search, with paging through the use case.
    const results = await chat.say('Raqqa');
    expect(results[0]).toMatch(/^Results 1–\d+ of \d+$/);
    expect(results).toContain('سيارة مفخخة في الرقة');
    expect(await chat.say('/page p:zz:0')).toEqual(['This search has expired; send it again.']);

    // Subscriptions, in the same words every platform uses.
    expect(await chat.say('/subscriptions')).toEqual(['No subscriptions in this chat.']);
    const subscribed = await chat.say('/subscribe Raqqa');
    expect(subscribed[0]).toMatch(/^Subscribed\. Next digest: 2026-11-23T05:00/);
    expect(subscribed[1]).toBe('#1 · 0 8 * * * (Asia/Damascus) · Raqqa');
    expect(refreshes).toBe(1);
    expect(await chat.say('/subscribe nothing-rasid-knows')).toEqual([expect.stringContaining('names no place, event, actor or Arabic word Rasid knows')]);

    // A report arrives, the subscription runs, the digest reaches the in-memory chat.
    clock.advance(60_000);
    core.ingestOne(raqqaAttack);
    expect(await digests.run(1)).toMatchObject({ kind: 'delivered', messages: 1 });
    expect(memory.delivered).toHaveLength(1);
    expect(memory.delivered[0]!.chatId).toBe('room-1');
    expect(memory.delivered[0]!.lines[0]).toBe('موجز راصد');
    expect(memory.delivered[0]!.lines).toContain('- هجوم على حاجز في ريف الرقة');
    expect(memory.delivered[0]!.lines.join('\n')).not.toContain('بادية حمص');

    // Pausing from chat stops the next run; the digest preview still works.
    expect(await chat.say('/pause')).toEqual(['Paused subscription #1']);
    expect(await digests.run(1)).toEqual({ kind: 'paused' });
    expect((await chat.say('/digest'))[0]).toBe('موجز راصد');
    expect(await chat.say('/resume 1')).toEqual(['Resumed subscription #1']);
    expect(await chat.say('/unsubscribe 7')).toEqual(['Which one? Add its number:', '#1 · 0 8 * * * (Asia/Damascus) · Raqqa']);

    expect((await chat.say('/stats'))[0]).toBe('Reports: 3');
    expect(await chat.say('/frobnicate')).toEqual(['Unknown command /frobnicate. Type /help for the list.']);
    expect(await chat.say('/add')).toEqual(['Send: /add <link to the article>']);
  });

  it('/alert from chat, and the alert reaching the in-memory chat when Deir ez-Zor spikes', async () => {
    const clock = testClock(new Date('2026-11-22T05:00:00Z'));
    core = testCore({}, { clock });
    core.ingestOne(homsClash);
    core.ingestOne({ ...raqqaBomb, publishedAt: '2026-09-01T10:00:00Z' });
    const memory = createMemoryPlatform();
    const sinks: Record<string, MessageSink> = {};
    const digests = createDigestService({ core, platforms: [...PLATFORMS, memory], sinks, logger: core.logger, notifyAdmins: () => undefined });
    const deps = { core, digests, config: core.config, logger: core.logger, refreshSchedules: () => undefined };
    sinks[memory.name] = (await memory.start!(deps))!.sink;
    const chat = memoryChat(deps, 'room-1');

    expect(await chat.say('/alert')).toEqual(['Send: /alert and what to watch, e.g. /alert Deir ez-Zor']);
    expect(await chat.say('/alert دير الزور')).toEqual([
      'تم ضبط التنبيه: أتحقق كل ساعة، وأرسل تنبيهاً حين ترتفع الأحداث المطابقة له خلال 24 ساعة فوق مستواها المعتاد بوضوح.',
      '#1 · تنبيه عند الارتفاع (k = 3) · دير الزور',
    ]);
    // Quiet so far: nothing in Deir ez-Zor.
    expect(await digests.run(1)).toMatchObject({ kind: 'alert_checked', alert: { decision: 'quiet', count: 0 } });
    for (let h = 1; h <= 3; h++) core.ingestOne(deirEzZorReport(h, h, new Date(clock.now().getTime() - h * 3_600_000).toISOString()));
    expect(await digests.run(1)).toMatchObject({ kind: 'delivered', messages: 1 });
    expect(memory.delivered).toEqual([{
      chatId: 'room-1',
      lines: [
        'تنبيه: ارتفاع في أحداث دير الزور',
        '📈 خلال آخر 24 ساعة: 3 أحداث، ولم يُسجَّل أي حدث في الأيام الـ28 السابقة.',
        '🔎 معيار التنبيه: دير الزور',
        '- استهداف دورية قرب الميادين',
        '- عبوة ناسفة في الشحيل',
        '- اغتيال مختار في ذيبان',
      ],
    }]);
    expect(await chat.say('/subscriptions')).toEqual(['#1 · spike alert (k = 3) · دير الزور · alerting now']);
  });

  it('refuses a chat the operator has not allowed once, and slows a flood down', async () => {
    core = testCore();
    const memory = createMemoryPlatform();
    const digests = createDigestService({ core, platforms: [...PLATFORMS, memory], sinks: {}, logger: core.logger, notifyAdmins: () => undefined });
    const deps = { core, digests, config: core.config, logger: core.logger, refreshSchedules: () => undefined };
    const stranger = memoryChat(deps, 'room-9', { allowed: ['room-1'] });
    expect(await stranger.say('/help')).toEqual(["This bot serves only the chats its operator allows. This chat's id is room-9: send it to the operator to be added."]);
    expect(await stranger.say('/help')).toEqual([]);
    const busy = memoryChat(deps, 'room-1', { perMinute: 2 });
    await busy.say('/help');
    await busy.say('/help');
    expect(await busy.say('/help')).toEqual(['Too many messages. Please wait a minute.']);
    expect(await busy.say('/help')).toEqual([]);
  });
});
