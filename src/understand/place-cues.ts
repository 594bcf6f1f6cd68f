// Words around Arabic place names: descriptors (ريف، مدينة), directions (شرق، الشرقي) and cue strength.

import { normalizeArabic } from '../arabic/normalize-arabic.js';

/** How strongly a descriptor says "the next word is a place". */
export type CueStrength = 'village' | 'city' | 'area';

interface DescriptorRow {
  /** As written in text (normalized on load). */
  readonly written: string;
  /** The form reported in `PlaceMention.descriptor`. */
  readonly label: string;
  readonly strength: CueStrength;
  /** The admin level this descriptor points to, when it points to one. */
  readonly level?: 'admin1' | 'admin2' | 'admin3' | 'admin4';
}

/**
 * Descriptors written before a place name. `village` cues (قرية، بلدة، ناحية، قضاء، مخيم) admit
 * even names that are common words; `city` (مدينة) admits district and sub-district names that
 * are common words and any community name; `area` cues (ريف، بادية، حي، منطقة، محافظة) admit
 * community names that are not common words.
 */
const DESCRIPTOR_ROWS: readonly DescriptorRow[] = [
  { written: 'قرية', label: 'قرية', strength: 'village', level: 'admin4' },
  { written: 'قرى', label: 'قرية', strength: 'village', level: 'admin4' },
  { written: 'بلدة', label: 'بلدة', strength: 'village', level: 'admin4' },
  { written: 'بلدات', label: 'بلدة', strength: 'village', level: 'admin4' },
  { written: 'ناحية', label: 'ناحية', strength: 'village', level: 'admin3' },
  { written: 'قضاء', label: 'قضاء', strength: 'village', level: 'admin2' },
  { written: 'مخيم', label: 'مخيم', strength: 'village' },
  { written: 'مزرعة', label: 'مزرعة', strength: 'village', level: 'admin4' },
  { written: 'مدينة', label: 'مدينة', strength: 'city', level: 'admin4' },
  { written: 'مدينتي', label: 'مدينة', strength: 'city', level: 'admin4' },
  { written: 'محافظة', label: 'محافظة', strength: 'area', level: 'admin1' },
  { written: 'محافظتي', label: 'محافظة', strength: 'area', level: 'admin1' },
  { written: 'ريف', label: 'ريف', strength: 'area' },
  { written: 'ريفي', label: 'ريف', strength: 'area' },
  { written: 'بادية', label: 'بادية', strength: 'area' },
  { written: 'منطقة', label: 'منطقة', strength: 'area' },
  { written: 'حي', label: 'حي', strength: 'area' },
  { written: 'أطراف', label: 'أطراف', strength: 'area' },
  { written: 'ضواحي', label: 'ضواحي', strength: 'area' },
];

/** Descriptor rows by normalized spelling. */
export const DESCRIPTORS: ReadonlyMap<string, DescriptorRow> = new Map(
  DESCRIPTOR_ROWS.map((row) => [normalizeArabic(row.written), row]),
);

/** Direction nouns written before a name (شرق دير الزور، شمال شرق حلب), normalized → label. */
export const DIRECTION_NOUNS: ReadonlyMap<string, string> = new Map(
  [
    ['شرق', 'شرق'], ['غرب', 'غرب'], ['شمال', 'شمال'], ['جنوب', 'جنوب'], ['وسط', 'وسط'],
    ['شرقي', 'شرق'], ['غربي', 'غرب'], ['شمالي', 'شمال'], ['جنوبي', 'جنوب'],
  ].map(([written, label]) => [normalizeArabic(written!), label!]),
);

/** Direction adjectives written after a name (ريف دير الزور الشرقي), normalized → label. */
export const DIRECTION_ADJECTIVES: ReadonlyMap<string, string> = new Map(
  [
    ['الشرقي', 'شرقي'], ['الشرقية', 'شرقي'], ['الغربي', 'غربي'], ['الغربية', 'غربي'],
    ['الشمالي', 'شمالي'], ['الشمالية', 'شمالي'], ['الجنوبي', 'جنوبي'], ['الجنوبية', 'جنوبي'],
    ['الأوسط', 'أوسط'],
  ].map(([written, label]) => [normalizeArabic(written!), label!]),
);

/**
 * Words right after a community name that show it is one (الشحيل بريف دير الزور، الحوائج شرق
 * النهر، ... قرب), normalized.
 */
export const FOLLOWING_PLACE_CUES: ReadonlySet<string> = new Set(
  ['بريف', 'ريف', 'شرق', 'غرب', 'شمال', 'جنوب', 'شرقي', 'غربي', 'شمالي', 'جنوبي', 'قرب', 'بالقرب', 'التابعة', 'بمحافظة']
    .map(normalizeArabic),
);

/**
 * Words before the bare form سورية that make it the country, not the adjective "Syrian"
 * (مصادر سورية، مدناً سورية): prepositions and direction nouns, normalized.
 */
export const COUNTRY_PRECEDERS: ReadonlySet<string> = new Set(
  [
    'في', 'من', 'إلى', 'داخل', 'خارج', 'عن', 'على', 'مع', 'حول', 'عبر', 'بين', 'ضد', 'تجاه', 'نحو',
    'شمال', 'شرق', 'غرب', 'جنوب', 'وسط', 'شمالي', 'شرقي', 'غربي', 'جنوبي', 'أنحاء', 'حدود', 'و',
  ].map(normalizeArabic),
);
