// A filter (digests, `rasid events --filter`, stats) holds by what happened, not by what is mentioned:
// a place where an event record is located or the title names it, an event its records keep, and
// both together in one record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { testCore } from '../helpers/test-core.js';

const REPORTS = {
  raqqaBomb: {
    title: 'سيارة مفخخة في الرقة',
    text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين، وفق مصادر محلية.',
  },
  homsClash: {
    title: 'اشتباكات في بادية حمص',
    text: 'اندلعت اشتباكات بين قوات النظام وخلايا تنظيم داعش في بادية حمص الشرقية أسفرت عن مقتل ستة عناصر. وكانت عناصر التنظيم قد انسحبت من الرقة قبل أعوام.',
  },
  raqqaFuture: {
    title: 'مستقبل الرقة بعد خروج التنظيم',
    text: 'يرى باحثون أن إعادة الإعمار والخدمات هي التحدي الأكبر أمام السكان في المرحلة المقبلة، وأن المجالس المحلية تحتاج إلى دعم.',
  },
  raqqaThreat: {
    title: 'تهديدات للأهالي في الرقة',
    text: 'وزع تنظيم داعش منشورات تهديد في أحياء مدينة الرقة يتوعد فيها المتعاونين مع الإدارة المحلية.',
  },
};
type Name = keyof typeof REPORTS;

let core: Core;
const names = new Map<number, Name>();
beforeAll(() => {
  core = testCore();
  for (const [name, r] of Object.entries(REPORTS) as [Name, (typeof REPORTS)[Name]][]) {
    const result = core.ingestOne({ ...r, publishedAt: '2019-03-05', url: `https://example.org/${name}`, origin: name });
    names.set((result as { id: number }).id, name);
  }
});
afterAll(() => core.close());

describe('a filter holds by what happened', () => {
  it.each<[string, Name[]]>([
    // The place: an event located there, or the title; the Homs report only mentions Raqqa.
    ['Raqqa', ['raqqaBomb', 'raqqaFuture', 'raqqaThreat']],
    ['الرقة', ['raqqaBomb', 'raqqaFuture', 'raqqaThreat']],
    ['Homs', ['homsClash']],
    // A kind records keep: a record of it; with a place, one record of it located there.
    ['car bomb Raqqa', ['raqqaBomb']],
    ['clashes', ['homsClash']],
    ['clashes Raqqa', []],
    ['attacks in Raqqa', ['raqqaBomb']],
    // Threats are no happening records keep: they hold by mention.
    ['threats Raqqa', ['raqqaThreat']],
  ])('%s', (filter, expected) => {
    const ids = core.reportsMatching(filter, { afterId: 0, upToId: Number.MAX_SAFE_INTEGER });
    expect(ids.map((id) => names.get(id))).toEqual(expected);
  });
});
