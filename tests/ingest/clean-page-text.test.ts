import { describe, expect, it } from 'vitest';
import { cleanPageText, sentenceTitle } from '../../src/ingest/clean-page-text.js';
import { readSeed } from './seed-pages.js';

const paragraphs = (body: string) => body.split('\n\n');

describe('cleanPageText on the seed pages', () => {
  it.each([
    ['000', 'داعش يرسل رسائل تهديد... هل استعاد نفوذه في بعض المدن السورية؟', 'headline'],
    [
      '001',
      'يسعى تنظيم داعش الإرهابي في سوريا والعراق، إلى استعادة سمعته، ويدفع بحملة جديدة يقول إنها تركز على قتل أعداء التنظيم في…',
      'first_sentence',
    ],
    ['002', 'ما وراء تصعيد “تنظيم الدولة” من هجماته في الرقة ودير الزور.؟', 'headline'],
    ['003', 'خلايا نائمة هنا وهناك… هل يعيد «داعش» تشكيل نفسه؟', 'headline'],
    ['004', 'داخل سوريا .. “داعش” يعيد ترتيب صفوفه !', 'headline'],
  ])('seed %s has title %j (%s)', (seed, title, source) => {
    const page = cleanPageText(readSeed(seed));
    expect(page.title).toBe(title);
    expect(page.titleSource).toBe(source);
    expect(page.title!.length).toBeLessThanOrEqual(120);
  });

  it.each([
    ['000', ['داعش يرسل رسائل تهديد... هل استعاد نفوذه في بعض المدن السورية؟', '24/02/2022', 'انشر مقالك',
      'لإرسال مقال للنشر في حفريات اضغط هنا سياسة استقبال المساهمات', 'آخر الأخبار', 'الصفحة الرئيسية']],
    ['001', []],
    ['002', ['by admindiaa', 'قد يعحبك أيضاً', 'دع تعليقاً',
      'ياستخدامك لهذا النموذج أنت توافق على حفظ بيناتك في هذا الموقع',
      'هذا الموقع يستخدم ما يسمى الكوكيز لتأمين أفضل خدمة لكم في زيارتكم لموقعنا، معظم المواقع الكبرى تستخدخ هذه التقنية موافق قراءة المزيد',
      'Privacy & Cookies Policy']],
    ['003', ['خلايا نائمة هنا وهناك… هل يعيد «داعش» تشكيل نفسه؟',
      'هل أعجبك المحتوى وتريد المزيد منه يصل إلى صندوق بريدك الإلكتروني بشكلٍ دوري؟',
      'انضم إلى قائمة من يقدّرون محتوى الحل نت واشترك بنشرتنا البريدية.']],
    ['004', ['24 نوفمبر، 2024 4:13 ص', 'Search', 'Close this search box.', 'داخل سوريا .. “داعش” يعيد ترتيب صفوفه !',
      'أخبار ذات صلة', 'أخبار ذات صلة']],
  ])('seed %s drops exactly its chrome, repeated headline and dateline', (seed, dropped) => {
    expect(cleanPageText(readSeed(seed)).dropped).toEqual(dropped);
  });

  it.each([
    ['000', 17,
      'لم يتوقف تنظيم داعش الإرهابي عن نشاطاته في مدينة الحسكة ودير الزور، رغم فشل الهجوم الكبير الذي شنّه مؤخراً على سجن يقبع فيه الآلاف من عناصر التنظيم.',
      'وقال: إنّه على الرغم من أنّ غارة شنتها القوات الخاصة الأمريكية الشهر الماضي على شمال غرب سوريا، وقتل فيها زعيم داعش، إلا أنّ عناصر التنظيم معروفون بقدرتهم على إعادة تنظيم صفوفهم وتكثيف أنشطتهم، حتى بعد فقدان القيادة العليا.'],
    ['001', 21,
      'يسعى تنظيم داعش الإرهابي في سوريا والعراق، إلى استعادة سمعته، ويدفع بحملة جديدة يقول إنها تركز على قتل أعداء التنظيم في اي مكان.',
      'لقد حاول تنظيم داعش عدة مرات التخطيط لعمليات هروب واسعة النطاق من السجون ولكن بنجاح محدود.'],
    ['002', 9,
      'بعد مرور أيام من إعلان أمريكا و”قسد” القضاء نهائياً على نفوذ “تنظيم الدولة” واستعادة كافة مناطق سيطرته في سوريا، شهدت مناطق سيطرة “قسد” في دير الزور والرقة هجمات عدة، كان أعنفها تفجير سيارة مفخخة في شارع النور وسط مدينة الرقة ظهر أمس الثلاثاء، ما أدى إلى مقتل 10 مدنيين بينهم نساء وأطفال، إضافة إلى مقتل 3 عناصر تابعين لـ”قسد”.',
      'يذكر أن المظالم التي تعرض لها أبناء المنطقة من سوريين وعراقيين ما قبل تشكيل “تنظيم الدولة” ما زالت مستمرة، بل واستنسخت مظالم أخرى، وحالات قمع وتنكيل بالمدنيين، ما يشكل نقطة استغلال للتنظيم مستقبلاً لتنفيد أهدافه كما فعل قبل سنوات، مع التنويه إلى أن هذه الأهداف قد تأتي تحت أنماط وأشكال جديدة..وربما مسميات أخرى.'],
    ['003', 20,
      '(الحل) – أعلن النصر على «خلافة داعش» في سوريا من قبل قوات سوريا الديمقراطية والتحالف الدولي، بعد السيطرة على الباغوز آخر جيب كان تنظيم «داعش» متحصّنا فيه في منطقة شرق الفرات شمال سوريا.',
      // The staff credit closes the article and is kept; only the newsletter box after it is chrome.
      'إعداد: جلال بكور – تحرير: رجا سليم'],
    ['004', 17,
      // The translator's credit opens the article and is kept; it is never taken for the title.
      'خاص : ترجمة – لميس السيد :',
      'من جانبهم أنكر جنود الحكومة السورية أن نظام “الأسد” يسمح بتقدم “داعش”، حيث يقول واحداً منهم إنه قلق من أن يسعى “داعش” إلى قطع طريق الإمداد الحكومي الرئيس إلى “حلب”، المدينة الرئيسة الثانية في سوريا: “إذا تمكنوا من ذلك، فسيكونوا نجحوا بإرضاء إحتياجاتهم الإرهابية”.'],
  ])('seed %s keeps %i paragraphs with the first and last intact', (seed, count, first, last) => {
    const paras = paragraphs(cleanPageText(readSeed(seed)).body);
    expect(paras).toHaveLength(count);
    expect(paras[0]).toBe(first);
    expect(paras.at(-1)).toBe(last);
  });

  it('keeps the article paragraphs around the chrome of seed 003', () => {
    const paras = paragraphs(cleanPageText(readSeed('003')).body);
    expect(paras.at(-2)).toBe(
      'وكانت قوات سوريا الديمقراطية قد عقدت مؤتمرا صحفيا في حقل العمر النفطي، قبل أيام، بمشاركة وحضور لقيادات من التحالف الدولي، الحليف والداعم لـ«قسد» في معاركها ضد «داعش» لإعلان انتهاء المعارك ضد التنظيم والقضاء على وجوده شرق الفرات.',
    );
    // A subheading directly above its paragraph (no blank line) stays a paragraph of its own.
    expect(paras).toContain('معضلة الأسرى من «داعش»');
  });

  it.each([
    ['000', ['انشر مقالك', 'حفريات اضغط هنا', 'آخر الأخبار', 'الصفحة الرئيسية', '24/02/2022']],
    ['002', ['by admindiaa', 'يعحبك', 'دع تعليقاً', 'الكوكيز', 'Privacy', 'النموذج']],
    ['003', ['نشرتنا البريدية', 'أعجبك المحتوى']],
    ['004', ['Search', 'Close this search box', 'أخبار ذات صلة', '4:13']],
  ])('seed %s body holds none of its chrome', (seed, chrome) => {
    const { body, title } = cleanPageText(readSeed(seed));
    for (const phrase of chrome) expect(body).not.toContain(phrase);
    expect(body).not.toContain(title!);
  });
});

describe('cleanPageText rules', () => {
  const article = 'أعلنت قوات سوريا الديمقراطية اعتقال خلية لتنظيم داعش في ريف دير الزور الشرقي بعد مداهمة ليلية.';
  const second = 'وقالت مصادر محلية إن العملية استمرت ساعات وشاركت فيها طائرات التحالف الدولي.';

  it.each([
    ['CRLF and space runs', `عنوان الخبر هنا\r\n\r\n  ${article.replace(' ', '   ')}  \r\n${second}`, 'عنوان الخبر هنا', [article, second]],
    ['headline followed by a dateline', `عنوان الخبر هنا\n24/02/2022\n${article}`, 'عنوان الخبر هنا', [article]],
    ['no-break spaces', `عنوان\u00A0الخبر\u00A0هنا\n\n${article}`, 'عنوان الخبر هنا', [article]],
  ])('%s', (_name, raw, title, body) => {
    const page = cleanPageText(raw);
    expect(page.title).toBe(title);
    expect(paragraphs(page.body)).toEqual(body);
  });

  it('never takes a dateline, clock line or byline for the title', () => {
    const page = cleanPageText(`الخميس 24 فبراير 2022\n\n10:30 ص 24/02/2022\n\nبقلم: فلان الفلاني\n\n${article}\n${second}`);
    expect(page.title).toBe(article.slice(0, -1));
    expect(page.titleSource).toBe('first_sentence');
    expect(paragraphs(page.body)).toEqual(['بقلم: فلان الفلاني', article, second]);
  });

  it('drops an exact chrome line inside the article but keeps phrase-matched chrome there', () => {
    const cookieSentence = 'وأشار التقرير إلى أن الموقع يستخدم الكوكيز لتتبع الزوار.';
    const page = cleanPageText(`عنوان الخبر\n\n${article}\nشارك\n${cookieSentence}\n${second}`);
    expect(paragraphs(page.body)).toEqual([article, cookieSentence, second]);
    expect(page.dropped).toEqual(['شارك']);
  });

  it('drops a related-news heading with the headline list under it', () => {
    const page = cleanPageText(
      `عنوان الخبر\n\n${article}\n${second}\n\nاقرأ أيضاً\nمقتل قيادي في داعش بريف حمص\nهجوم على حاجز في الرقة\n\nجميع الحقوق محفوظة © 2024`,
    );
    expect(paragraphs(page.body)).toEqual([article, second]);
    expect(page.dropped).toEqual(['اقرأ أيضاً', 'مقتل قيادي في داعش بريف حمص', 'هجوم على حاجز في الرقة', 'جميع الحقوق محفوظة © 2024']);
  });

  it('keeps a related-news heading that is followed by article prose', () => {
    const page = cleanPageText(`عنوان الخبر\n\n${article}\nأخبار ذات صلة\n${second}`);
    expect(paragraphs(page.body)).toEqual([article, second]);
    expect(page.dropped).toEqual(['أخبار ذات صلة']);
  });

  it.each([
    // Briefs of other stories after the article: each opens on its own with a reporting verb or a
    // weekday, shares no terms with the title and lead, and comes after an on-story paragraph.
    ['two briefs of other stories after the article',
      `عنوان الخبر\n\n${article}\n${second}\nوأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.\n`
        + 'قال وزير الخارجية الأردني، الإثنين، إن بلاده تدعم الحوار بين الأطراف اليمنية.\n'
        + 'أعلنت الحكومة الفرنسية، الثلاثاء، تعيين سفير جديد لدى المغرب.',
      [article, second, 'وأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.'],
      ['قال وزير الخارجية الأردني، الإثنين، إن بلاده تدعم الحوار بين الأطراف اليمنية.',
        'أعلنت الحكومة الفرنسية، الثلاثاء، تعيين سفير جديد لدى المغرب.']],
    ['one off-story closing paragraph (not a run of briefs)',
      `عنوان الخبر\n\n${article}\n${second}\nوأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.\n`
        + 'أعلنت الحكومة الفرنسية، الثلاثاء، تعيين سفير جديد لدى المغرب.',
      [article, second, 'وأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.', 'أعلنت الحكومة الفرنسية، الثلاثاء، تعيين سفير جديد لدى المغرب.'],
      []],
    ['paragraphs that carry on with a connective',
      `عنوان الخبر\n\n${article}\n${second}\nوأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.\n`
        + 'وقال وزير الخارجية الأردني، الإثنين، إن بلاده تدعم الحوار بين الأطراف اليمنية.\n'
        + 'كما أعلنت الحكومة الفرنسية، الثلاثاء، تعيين سفير جديد لدى المغرب.',
      [article, second, 'وأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.',
        'وقال وزير الخارجية الأردني، الإثنين، إن بلاده تدعم الحوار بين الأطراف اليمنية.',
        'كما أعلنت الحكومة الفرنسية، الثلاثاء، تعيين سفير جديد لدى المغرب.'],
      []],
    // A wire story (its lead opens on a dateline) is no column, so briefs are cut however they open;
    // a closing paragraph that carries on (حتى الآن) stays.
    ['briefs after a wire story that open on neither a reporting verb nor a weekday',
      `عنوان الخبر\n\nدبي، الإمارات العربية المتحدة (CNN) – ${article}\n${second}\nوأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.\n`
        + 'دافع الرئيس البرازيلي عن خطته لخفض الضرائب على الشركات الصغيرة.\n'
        + 'أفغانستان واحدة من الدول القليلة التي تنتظر انتخابات برلمانية هذا الشهر.',
      [`دبي، الإمارات العربية المتحدة (CNN) – ${article}`, second, 'وأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.'],
      ['دافع الرئيس البرازيلي عن خطته لخفض الضرائب على الشركات الصغيرة.',
        'أفغانستان واحدة من الدول القليلة التي تنتظر انتخابات برلمانية هذا الشهر.']],
    ['the same paragraphs after a story without a dateline (a column may wander so)',
      `عنوان الخبر\n\n${article}\n${second}\nوأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.\n`
        + 'دافع الرئيس البرازيلي عن خطته لخفض الضرائب على الشركات الصغيرة.\n'
        + 'أفغانستان واحدة من الدول القليلة التي تنتظر انتخابات برلمانية هذا الشهر.',
      [article, second, 'وأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.',
        'دافع الرئيس البرازيلي عن خطته لخفض الضرائب على الشركات الصغيرة.',
        'أفغانستان واحدة من الدول القليلة التي تنتظر انتخابات برلمانية هذا الشهر.'],
      []],
    ['a wire story closing on a paragraph that carries on (حتى الآن)',
      `عنوان الخبر\n\nدبي، الإمارات العربية المتحدة (CNN) – ${article}\n${second}\nوأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.\n`
        + 'دافع الرئيس البرازيلي عن خطته لخفض الضرائب على الشركات الصغيرة.\n'
        + 'حتى الآن، لم يتلق القرار معارضة سوى من عدد قليل من الأشخاص.',
      [`دبي، الإمارات العربية المتحدة (CNN) – ${article}`, second, 'وأضافت المصادر أن خلية داعش كانت تعد لهجمات في دير الزور.',
        'دافع الرئيس البرازيلي عن خطته لخفض الضرائب على الشركات الصغيرة.',
        'حتى الآن، لم يتلق القرار معارضة سوى من عدد قليل من الأشخاص.'],
      []],
  ])('trailing briefs: %s', (_name, raw, body, dropped) => {
    const page = cleanPageText(raw);
    expect(paragraphs(page.body)).toEqual(body);
    expect(page.dropped).toEqual(dropped);
  });

  it.each([
    ['an empty page', ''],
    ['chrome only', 'Search\nClose this search box.\n\nالصفحة الرئيسية'],
  ])('gives no title and an empty body for %s', (_name, raw) => {
    const page = cleanPageText(raw);
    expect(page.title).toBeNull();
    expect(page.body).toBe('');
  });
});

describe('sentenceTitle', () => {
  it.each([
    ['short sentence, period removed', 'قتل عنصران من داعش. وأصيب ثالث.', 'قتل عنصران من داعش'],
    ['question kept', 'هل عاد داعش؟ يقول الخبراء لا.', 'هل عاد داعش؟'],
    ['decimal point is not a sentence end', 'تراجعت سيطرته بنسبة 3.7 في المئة.', 'تراجعت سيطرته بنسبة 3.7 في المئة'],
    // 24 words of 4 letters and their 23 spaces are 119 characters: with the ellipsis, exactly 120.
    ['long sentence cut at a word', `${'كلمة '.repeat(30)}نهاية.`, `${'كلمة '.repeat(24).trim()}…`],
    // 22 words (110 chars) + "قصيرة،" ends at 116; the next word does not fit, so the cut falls after the comma.
    ['comma before the cut is dropped', `${'كلمة '.repeat(22)}قصيرة، ${'كلمة '.repeat(10)}.`, `${'كلمة '.repeat(22)}قصيرة…`],
  ])('%s', (_name, paragraph, title) => {
    expect(sentenceTitle(paragraph)).toBe(title);
    expect(sentenceTitle(paragraph).length).toBeLessThanOrEqual(120);
  });
});
