import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES, ancestorsOf, expandEventType, findEvents, findEventsEnglish, type EventKey,
} from '../../src/understand/events.js';

const events = (mentions: { type: EventKey; surface: string }[]): [EventKey, string][] =>
  mentions.map((m) => [m.type, m.surface]);

describe('findEvents (Arabic)', () => {
  it.each<[string, [EventKey, string][]]>([
    ['شهدت الرقة هجمات عدة', [['attack', 'هجمات']]],
    ['نفذت خلاياه هجوماً عنيفاً', [['sleeper_cells', 'خلاياه'], ['attack', 'هجوماً']]],
    ['والهجمات', [['attack', 'الهجمات']]],
    ['اشتباكات عنيفة', [['armed_clash', 'اشتباكات عنيفة']]],
    ['انفجار ضخم', [['bombing', 'انفجار']]],
    ['تفجير سيارة مفخخة', [['bombing', 'تفجير'], ['car_bomb', 'سيارة مفخخة']]],
    ['بعبوة ناسفة', [['ied', 'عبوة ناسفة']]],
    ['العبوة الناسفة', [['ied', 'العبوة الناسفة']]],
    ['هجوم انتحاري بحزام ناسف', [['suicide_attack', 'هجوم انتحاري'], ['suicide_attack', 'حزام ناسف']]],
    ['غارات جوية وطائرة مسيرة', [['air_strike', 'غارات جوية'], ['air_strike', 'طائرة مسيرة']]],
    ['بالأسلحة الرشاشة والقذائف الصاروخية', [['shelling', 'القذائف الصاروخية']]],
    ['اغتيال قيادي', [['assassination', 'اغتيال']]],
    ['إعدام ميداني', [['execution', 'إعدام']]],
    ['اختطاف مدنيين', [['abduction', 'اختطاف']]],
    ['رسائل تهديد', [['threat', 'رسائل تهديد']]],
    ['بتنفيذ عمليات إنزال جوي عدة', [['raid_arrest', 'عمليات إنزال']]],
    ['وألقت القبض على العناصر', [['raid_arrest', 'ألقت القبض']]],
    ['عمليات هروب من السجون', [['prison_attack', 'عمليات هروب']]],
    ['الهجوم الكبير الذي شنه مؤخراً على سجن', [
      ['attack', 'الهجوم'], ['prison_attack', 'الهجوم الكبير الذي شنه مؤخراً على سجن'],
    ]],
    ['داعش يجند أعضاء جدداً', [['recruitment', 'يجند']]],
    ['ابتزاز الشركات وفرض إتاوات', [['extortion', 'ابتزاز'], ['extortion', 'فرض إتاوات']]],
    ['الخلايا النائمة', [['sleeper_cells', 'الخلايا النائمة']]],
    ['قنابل ضوئية فوق بادية دبلان', []],
  ])('%s', (text, expected) => {
    expect(events(findEvents(text))).toEqual(expected);
  });
});

describe('findEventsEnglish', () => {
  it.each<[string, [EventKey, string][]]>([
    ['attacks in Raqqa', [['attack', 'attacks']]],
    ['car bombs Deir ez-Zor 2019', [['car_bomb', 'car bombs']]],
    ['VBIED', [['car_bomb', 'VBIED']]],
    ['bombings and explosions', [['bombing', 'bombings'], ['bombing', 'explosions']]],
    ['roadside bombs', [['ied', 'roadside bombs']]],
    ['suicide bombers', [['suicide_attack', 'suicide bombers']]],
    ['airstrikes and drone strikes', [['air_strike', 'airstrikes'], ['air_strike', 'drone strikes']]],
    ['US strikes', [['air_strike', 'strikes']]],
    ['artillery shelling', [['shelling', 'artillery'], ['shelling', 'shelling']]],
    ['clashes', [['armed_clash', 'clashes']]],
    ['assassinations', [['assassination', 'assassinations']]],
    ['executions', [['execution', 'executions']]],
    ['kidnappings', [['abduction', 'kidnappings']]],
    ['threats against civilians', [['threat', 'threats']]],
    ['raids and arrests', [['raid_arrest', 'raids'], ['raid_arrest', 'arrests']]],
    ['prison break', [['prison_attack', 'prison break']]],
    ['recruitment of children', [['recruitment', 'recruitment']]],
    ['extortion and ransom', [['extortion', 'extortion'], ['extortion', 'ransom']]],
    ['sleeper cells Hasakah since 2022', [['sleeper_cells', 'sleeper cells']]],
    ['civilians killed', [['attack', 'killed']]],
    ['hunger strike', []],
  ])('%s', (text, expected) => {
    expect(events(findEventsEnglish(text))).toEqual(expected);
  });
});

describe('event hierarchy', () => {
  it.each<[EventKey, EventKey[]]>([
    ['attack', [
      'attack', 'armed_clash', 'bombing', 'air_strike', 'shelling', 'assassination', 'abduction', 'prison_attack',
      'car_bomb', 'ied', 'suicide_attack', 'execution',
    ]],
    ['bombing', ['bombing', 'car_bomb', 'ied', 'suicide_attack']],
    ['car_bomb', ['car_bomb']],
    ['threat', ['threat']],
  ])('expandEventType(%s)', (key, expected) => {
    expect(expandEventType(key)).toEqual(expected);
  });

  it.each<[EventKey, EventKey[]]>([
    ['car_bomb', ['bombing', 'attack']],
    ['execution', ['assassination', 'attack']],
    ['attack', []],
    ['sleeper_cells', []],
  ])('ancestorsOf(%s)', (key, expected) => {
    expect(ancestorsOf(key)).toEqual(expected);
  });

  it.each(EVENT_TYPES.map((e) => [e.key, e] as const))('%s: first Arabic and English forms match the type', (_key, type) => {
    expect(findEvents(type.arabic[0]!).map((m) => m.type)).toEqual([type.key]);
    expect(findEventsEnglish(type.english[0]!).map((m) => m.type)).toEqual([type.key]);
  });
});
