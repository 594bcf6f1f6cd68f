// Readonly table of known Syrian and Arab news outlets and the names pages call them by.
import { normalizeArabic } from '../arabic/normalize-arabic.js';

/** A news outlet: its canonical name and the spellings that refer to it. */
export interface KnownOutlet {
  readonly name: string;
  readonly aliases: readonly string[];
}

/** Outlets that report on ISIS in Syria and Iraq, with the names their own pages use. */
export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  { name: 'حفريات', aliases: ['حفريات', 'hafryat'] },
  { name: 'الحل نت', aliases: ['الحل نت', 'الحل', 'الحل السوري', 'موقع الحل', 'alhal', '7al.net'] },
  { name: 'فرات بوست', aliases: ['فرات بوست', 'furat post', 'eyeofeuphrates'] },
  { name: 'عنب بلدي', aliases: ['عنب بلدي', 'enab baladi'] },
  { name: 'المرصد السوري لحقوق الإنسان', aliases: ['المرصد السوري لحقوق الإنسان', 'المرصد السوري', 'sohr'] },
  { name: 'كتابات', aliases: ['كتابات', 'كتابات في الميزان', 'kitabat'] },
  { name: 'الشرق الأوسط', aliases: ['الشرق الأوسط', 'aawsat', 'asharq al-awsat'] },
  { name: 'العربية', aliases: ['العربية', 'العربية نت', 'العربية.نت', 'al arabiya', 'alarabiya'] },
  { name: 'سكاي نيوز عربية', aliases: ['سكاي نيوز عربية', 'سكاي نيوز', 'sky news arabia'] },
  { name: 'الجزيرة نت', aliases: ['الجزيرة نت', 'الجزيرة', 'al jazeera', 'aljazeera'] },
  { name: 'تلفزيون سوريا', aliases: ['تلفزيون سوريا', 'syria tv'] },
  { name: 'نورث برس', aliases: ['نورث برس', 'north press', 'npa syria'] },
  { name: 'زمان الوصل', aliases: ['زمان الوصل', 'zaman al wasl'] },
  { name: 'السورية نت', aliases: ['السورية نت', 'السورية.نت', 'alsouria'] },
  { name: 'شفق نيوز', aliases: ['شفق نيوز', 'shafaq news'] },
  { name: 'السومرية نيوز', aliases: ['السومرية نيوز', 'السومرية', 'alsumaria'] },
  { name: 'روداو', aliases: ['روداو', 'rudaw'] },
  { name: 'عربي 21', aliases: ['عربي 21', 'عربي21', 'arabi21'] },
];

/** Quotes and brackets that wrap outlet names in running text. */
const WRAPPERS = /[“”"«»‘’'()[\]]/gu;

/** The comparison form of an outlet name: normalized Arabic, lower case, no quotes, single spaces. */
export function outletKey(name: string): string {
  return normalizeArabic(name).replace(WRAPPERS, ' ').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const BY_ALIAS: ReadonlyMap<string, string> = new Map(
  KNOWN_OUTLETS.flatMap((o) => o.aliases.map((a): [string, string] => [outletKey(a), o.name])),
);

/** The canonical name for a known outlet alias ("الحل السوري" → "الحل نت"), else null. */
export function canonicalOutlet(name: string): string | null {
  return BY_ALIAS.get(outletKey(name)) ?? null;
}
