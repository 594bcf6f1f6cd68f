/** Many distinct, deterministic Arabic reports (different places and numbers, random filler), for digests of several messages. */
import type { RawReport } from '../../src/ingest/raw-report.js';

/** Deterministic pseudo-random words, so every report is a different story (nothing merges). */
function* words(seed: number): Generator<string> {
  const vocab = ['القرية', 'الطريق', 'المجلس', 'الحاجز', 'النهر', 'السوق', 'المدرسة', 'البئر', 'الجسر', 'الحقل', 'المعبر', 'المخفر', 'الوادي', 'التلة', 'المحطة', 'الساحة', 'المستودع', 'الميناء', 'الصوامع', 'المطحنة', 'الشارع', 'الحي', 'المزرعة', 'البلدة'];
  let x = seed * 2654435761 >>> 0;
  for (;;) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    yield vocab[x % vocab.length]!;
  }
}
const PLACES = ['الرقة', 'دير الزور', 'الحسكة', 'حمص', 'حلب', 'إدلب', 'درعا', 'السويداء'];

/** Report `n`: an attack in one of eight governorates, never a near-duplicate of another. */
export function syntheticReport(n: number): RawReport {
  const w = words(n + 1);
  const filler = Array.from({ length: 40 }, () => w.next().value).join(' ');
  return {
    text: `هجوم لتنظيم داعش على حاجز في ريف ${PLACES[n % PLACES.length]} أدى إلى مقتل ${n + 2} عناصر من القوات المحلية وإصابة آخرين بجروح متفاوتة في الحادثة رقم ${n}.\n\n${filler}.`,
    title: `هجوم على حاجز في ريف ${PLACES[n % PLACES.length]} يقتل ${n + 2} عناصر (${n})`,
    url: `https://news.example/${n}`,
    publishedAt: '2026-11-21',
    source: 'وكالة الاختبار',
    origin: `test:${n}`,
  };
}

