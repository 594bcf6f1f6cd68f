// Finds casualty counts in Arabic reports: مقتل 10 مدنيين، مقتل عنصرين، 12 سوريا قتلوا، لقي 5 أشخاص حتفهم، 66 قتيلا وجريحا.

import { findWithoutConjunction, readNumber, readQualifier, type Approximation } from './arabic-numbers.js';
import { isAggregateToll } from './casualty-period.js';
import {
  BARE_PLURALS, BEFORE_NOT_TOLL, BROUGHT, BROUGHT_THROUGH, DEATH_NOUNS, NAMED_ONE, NEGATING, EXECUTION_WORDS, FALL, GROUPS, NOT_PEOPLE, SUBSET_WORDS, TRIGGERS, TWO,
  type CasualtyGroup, type CasualtyKind, type GroupWord, type Trigger,
} from './casualty-words.js';
import { isDeathSentenceAt } from './death-sentence.js';
import { matchTokens, offsetAfterLetters, type MatchToken } from './match-tokens.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';

export type { CasualtyGroup, CasualtyKind } from './casualty-words.js';

/** A casualty report; offsets are UTF-16 offsets into the original text. */
export interface Casualty {
  readonly kind: CasualtyKind;
  /** The number, or null when the text gives none or only a vague one (العشرات). */
  readonly count: number | null;
  readonly approx?: Approximation;
  readonly group?: CasualtyGroup;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  /** A total over a period or a whole war (منذ بداية العام، خلال 2017), not one event's toll. */
  readonly aggregate?: boolean;
  /**
   * Dead or wounded told with no figure: a clause's summary (سقوط قتلى وجرحى: several) or one named (مقتل القيادي،
   * قتل أبو قتادة: one). Counted only when no figure of the same kind is told with them (حيث ارتفع عدد قتلى النظام
   * إلى 30; مقتل 22 مسلحا، من بينهم أبو قتادة), never added to it.
   */
  readonly bare?: boolean;
}

const FROM = normalizeArabic('من');
const AT_LEAST = normalizeArabic('على الأقل').split(' ');
const AND = normalizeArabic('و');
const OF_THEM = new Set(['منهم', 'منها', 'منهما'].map(normalizeArabic));
const TO = new Set(['إلى', 'الى', 'ل'].map(normalizeArabic));
const COUNT_OF = new Set(['عدد', 'حصيلة', 'حصيله'].map(normalizeArabic));
const DEFINITE = normalizeArabic('ال');
/** "One" after a singular noun: رجلا واحدا، امرأة واحدة. */
const ONE = new Set(['واحد', 'واحدا', 'واحدة', 'واحدًا'].map(normalizeArabic));
const YEAR = /^(?:19|20)\p{Nd}{2}$/u;
/** Words between a number and its subject verb (12 سوريا قتلوا، 8 من المسلحين الحوثيين قتلوا). */
const SUBJECT_REACH = 8;
/** How far after لقي its حتفه may come (لقي نحو 50 شخصا على الأقل حتفهم). */
const PERISH_REACH = 6;
/** How far after عدد القتلى its figure may come (ارتفع عدد القتلى جراء التفجير إلى 25). */
const TALLY_REACH = 5;
const EXECUTION = new Set(EXECUTION_WORDS.map(normalizeArabic));
/** How far after an execution word its count may come, across the executioner and the time (أعدم التنظيم أمس 4 أشخاص). */
const EXECUTION_REACH = 4;
/** Characters that end a sentence between tokens. */
const SENTENCE_END = /[.!?؟\n¶]/u;

interface Found {
  readonly value: number | null;
  readonly approx?: Approximation;
  readonly first: number;
}

function triggerAt(token: MatchToken | undefined): Trigger | undefined {
  return token ? TRIGGERS.get(token.norm) ?? TRIGGERS.get(triggerWord(token) ?? '') : undefined;
}

/**
 * "Claimed the lives of" and its kin, a verb then a noun, with the dead counted after the noun: أودى بحياة 48 شخصا، تفجير
 * يودي بحياة 10، حريق راح ضحيته 12 شخصا، ذهب ضحيتها 7، حصد أرواح 10 أشخاص. Noun → the verbs it takes.
 */
const CLAIMED_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  ([
    [['بحياة'], ['أودى', 'أودت', 'يودي', 'تودي', 'أوديا']],
    [['ضحيته', 'ضحيتها', 'ضحيتهم'], ['راح', 'ذهب']],
    [['أرواح'], ['حصد', 'حصدت', 'يحصد', 'تحصد']],
  ] as const).flatMap(([nouns, verbs]) => nouns.map((noun) => [normalizeArabic(noun), new Set(verbs.map(normalizeArabic))] as const)),
);
const CLAIMED_LIVES: Trigger = { kind: 'killed', form: 'forward' };

function claimedLivesAt(tokens: readonly MatchToken[], i: number): Trigger | undefined {
  const verbs = CLAIMED_PAIRS.get(tokens[i]!.norm);
  if (i === 0 || verbs === undefined || tokens[i]!.gap) return undefined;
  return findWithoutConjunction(tokens[i - 1]!.norm, (w) => verbs.has(w)) !== undefined ? CLAIMED_LIVES : undefined;
}

/** The trigger word of a token, without its proclitic (وجرح → جرح); undefined when it is none. */
function triggerWord(token: MatchToken): string | undefined {
  return findWithoutConjunction(token.norm, isTrigger);
}

const isTrigger = (w: string): boolean => TRIGGERS.has(w);

/** Where a trigger's word starts in the original text, after a proclitic (وأصيب → أصيب). */
function triggerStart(text: string, token: MatchToken): number {
  const word = triggerWord(token);
  return word === undefined || word === token.norm ? token.start : offsetAfterLetters(text, token.start, token.norm.length - word.length);
}

const joined = (tokens: readonly MatchToken[], k: number): boolean => tokens[k] !== undefined && !tokens[k]!.gap;
/** Only quotation marks between token `k` and the one before it: مقتل "23 مقاتلا" reads as مقتل 23 مقاتلا. */
const QUOTES_ONLY = /^[\s"'«»“”„‘’]+$/u;
const quotedOnly = (text: string, tokens: readonly MatchToken[], k: number): boolean =>
  k > 0 && tokens[k] !== undefined && QUOTES_ONLY.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));

/** The victims' noun at token `k` (also after من: 3 من عناصر): the group word and the token after it. */
function groupAt(tokens: readonly MatchToken[], k: number): (GroupWord & { next: number }) | null {
  let j = k;
  if (tokens[j]?.norm === FROM && joined(tokens, j + 1)) j++;
  if (!joined(tokens, j) && j > 0) return null;
  const word = tokens[j]?.norm;
  const group = word === undefined ? undefined : GROUPS.get(word);
  if (!group) return null;
  // مدنيين اثنين: two, though مدنيين alone reads as a plural.
  if (joined(tokens, j + 1) && TWO.has(tokens[j + 1]!.norm)) return { group: group.group, count: 2, next: j + 2 };
  // عسكريين تركيين اثنين: a nisba adjective between the noun and its two.
  if (joined(tokens, j + 1) && joined(tokens, j + 2) && /يين$/u.test(tokens[j + 1]!.norm) && TWO.has(tokens[j + 2]!.norm)) {
    return { group: group.group, count: 2, next: j + 3 };
  }
  return { ...group, next: j + 1 };
}

/** على الأقل at token `k` (also after منهم: مقتل 12 منهم على الأقل): the token after it, or `k` when absent. */
function afterAtLeast(tokens: readonly MatchToken[], k: number): number {
  const at = (j: number): boolean => AT_LEAST.every((w, n) => tokens[j + n]?.norm === w && joined(tokens, j + n));
  if (at(k)) return k + AT_LEAST.length;
  return OF_THEM.has(tokens[k]?.norm ?? '') && joined(tokens, k) && at(k + 1) ? k + 1 + AT_LEAST.length : k;
}

/** True when a number is not a count of people: a year (عام 2014), an id, a unit after it (25 عاما، 10 كم), a percentage. */
function notPeople(text: string, tokens: readonly MatchToken[], first: number, next: number, read: { value: number | null }): boolean {
  const before = tokens[first - 1];
  if (before && BEFORE_NOT_TOLL.has(before.norm)) return true;
  const after = tokens[next];
  if (after && !after.gap && NOT_PEOPLE.has(after.norm)) return true;
  const last = tokens[next - 1]!;
  if (/^\s?[%٪]/u.test(text.slice(last.end, last.end + 2))) return true;
  return read.value !== null && YEAR.test(tokens[next - 1]!.norm) && !(after && !after.gap && (GROUPS.has(after.norm) || triggerAt(after)?.form === 'plural'));
}

/** A number, maybe qualified (أكثر من 50), ending just before token `k`: 5 قتلى، خمسة قتلى، عشرات القتلى. */
function numberBefore(text: string, tokens: readonly MatchToken[], k: number): Found | null {
  // A noun with its own و starts a new phrase: 58 والجرحى is not 58 wounded.
  if (!joined(tokens, k) || triggerWord(tokens[k]!) !== tokens[k]!.norm && TRIGGERS.has(triggerWord(tokens[k]!) ?? '')) return null;
  for (let first = Math.max(0, k - 3); first < k; first++) {
    const read = readNumber(tokens, first);
    // عدد من الشهداء: several, with من before the noun.
    const severalOf = read?.approx === 'several' && tokens[read.next]?.norm === FROM && read.next + 1 === k;
    if (!read || (read.next !== k && !severalOf) || tokens.slice(first + 1, k + 1).some((t) => t.gap)) continue;
    // عدد القتلى is the number of the dead, not several dead.
    if (read.approx === 'several' && !severalOf && tokens[k]!.norm.startsWith(DEFINITE)) return null;
    if (notPeople(text, tokens, first, k, { value: null })) return null;
    for (let q = Math.max(0, first - 4); q < first; q++) {
      const qualifier = readQualifier(tokens, q);
      if (qualifier?.next === first && !tokens.slice(q + 1, first + 1).some((t) => t.gap)) {
        return { value: read.value, approx: read.approx ?? qualifier.approx, first: q };
      }
    }
    return { value: read.value, ...(read.approx ? { approx: read.approx } : {}), first };
  }
  return null;
}

/** A number, maybe qualified (نحو 90), starting at token `k`: its value and the token after it. */
function numberAt(text: string, tokens: readonly MatchToken[], k: number, opensClause = false): (Found & { next: number }) | null {
  if (!opensClause && !joined(tokens, k) && k > 0 && !quotedOnly(text, tokens, k)) return null;
  const qualifier = readQualifier(tokens, k);
  const at = qualifier ? qualifier.next : k;
  if (qualifier && !joined(tokens, at)) return null;
  const read = readNumber(tokens, at);
  if (!read || notPeople(text, tokens, at, read.next, read)) return null;
  const approx = read.approx ?? qualifier?.approx;
  return { value: read.value, ...(approx ? { approx } : {}), first: k, next: read.next };
}

/** The kinds of plural triggers joined by و from token `k` (قتيلا وجريحا): the kinds and the token after them. */
function pluralRun(tokens: readonly MatchToken[], k: number, afterNumber = false): { kinds: CasualtyKind[]; trigger: Trigger; next: number } | null {
  // After a number the noun is bare: 5 قتلى، but 58 والجرحى starts a new phrase.
  if (afterNumber && (!joined(tokens, k) || !TRIGGERS.has(tokens[k]!.norm))) return null;
  const trigger = triggerAt(tokens[k]);
  if (trigger?.form !== 'plural') return null;
  const kinds: CasualtyKind[] = [trigger.kind];
  let next = k + 1;
  for (let t = triggerAt(tokens[next]); t?.form === 'plural' && joined(tokens, next); t = triggerAt(tokens[next])) {
    if (!kinds.includes(t.kind)) kinds.push(t.kind);
    next++;
  }
  return { kinds, trigger, next };
}

/** Killed and wounded counted together are `casualties` (66 قتيلا وجريحا، مقتل وجرح 10). */
function combine(kinds: readonly CasualtyKind[]): CasualtyKind[] {
  if (kinds.includes('killed') && kinds.includes('wounded')) return ['casualties', ...kinds.filter((k) => k !== 'killed' && k !== 'wounded')];
  // قتل واعتقل 16 شخصا: the killed and the captured together, how many of each untold; the figure is no toll.
  if (kinds.includes('killed') && kinds.includes('captured')) return kinds.filter((k) => k !== 'killed');
  return [...kinds];
}

/** How far back in its sentence a negation reaches a bare plural (لم ترد أنباء عن سقوط قتلى). */
const NEGATION_REACH = 5;

/**
 * A bare plural of the dead or wounded at token `k` (قتلى، جرحى: no article, no number) brought by a happening just
 * before it (سقوط قتلى، أوقع قتلى، أسفر عن قتلى), not denied or doubted (لم يسفر عن سقوط قتلى، دون وقوع قتلى).
 * `from` is the first token of its sentence.
 */
function broughtBare(tokens: readonly MatchToken[], k: number, from: number): boolean {
  if (!BARE_PLURALS.has(tokens[k]!.norm) || k === 0 || !joined(tokens, k)) return false;
  const before = tokens[k - 1]!.norm;
  const through = BROUGHT_THROUGH.get(before);
  const brought = findWithoutConjunction(before, (w) => BROUGHT.has(w)) !== undefined
    || (through !== undefined && k >= 2 && joined(tokens, k - 1) && findWithoutConjunction(tokens[k - 2]!.norm, (w) => through.has(w)) !== undefined);
  if (!brought) return false;
  for (let q = Math.max(from, k - NEGATION_REACH); q < k; q++) if (NEGATING.has(tokens[q]!.norm)) return false;
  return true;
}

/** Sentence number of each token: a sentence ends at . ! ? ؟ or a line break. */
function sentenceIds(text: string, tokens: readonly MatchToken[]): number[] {
  const ids: number[] = [];
  let id = 0;
  tokens.forEach((t, k) => {
    if (k > 0 && t.gap && SENTENCE_END.test(text.slice(tokens[k - 1]!.end, t.start))) id++;
    ids.push(id);
  });
  return ids;
}

/**
 * Casualty reports in Arabic text, left to right:
 * - a trigger (مقتل، إصابة، خطف، أسر, or several joined by و: مقتل وجرح) then a number (digits,
 *   words, a dual noun, or a vague quantity such as العشرات), optionally qualified (ما يقرب من،
 *   على الأقل) and followed by who (مدنيين، عناصر، أطفال);
 * - a plural or dual noun (قتلى، جرحى، قتيلين) with its number before it, if any;
 * - a verb with its counted subject before it (12 سوريا قتلوا، 150 شخصا على الأقل قتلوا);
 * - لقي + number + who + حتفهم; عدد القتلى ... إلى 25.
 * Killed and wounded counted by one number are one `casualties` record. Numbers that are years,
 * ages, distances, money or ids are not read as tolls. A toll over a period or a war is `aggregate`.
 */
export function findCasualties(text: string, tokens: readonly MatchToken[] = matchTokens(text)): Casualty[] {
  const out: Casualty[] = [];
  let sentence: number[] | undefined;
  const bounds = (k: number): [number, number] => {
    sentence ??= sentenceIds(text, tokens);
    let a = k;
    let b = k;
    while (a > 0 && sentence[a - 1] === sentence[k]) a--;
    while (b < tokens.length && sentence[b] === sentence[k]) b++;
    return [a, b];
  };
  // Tokens before `read` belong to a record already given: a later verb may not count them again.
  let read = 0;
  const emit = (kinds: readonly CasualtyKind[], count: number | null, approx: Approximation | undefined,
    group: CasualtyGroup | undefined, first: number, last: number, bare = false): void => {
    read = Math.max(read, last);
    const start = triggerStart(text, tokens[first]!);
    const end = tokens[last - 1]!.end;
    const aggregate = isAggregateToll(tokens, first, last, ...bounds(first));
    for (const kind of kinds) {
      out.push({
        kind, count, ...(approx ? { approx } : {}), ...(group ? { group } : {}), start, end,
        surface: text.slice(start, end), ...(aggregate ? { aggregate } : {}), ...(bare ? { bare } : {}),
      });
    }
  };

  let i = 0;
  while (i < tokens.length) {
    const trigger = triggerAt(tokens[i]) ?? claimedLivesAt(tokens, i);
    if (!trigger) {
      // ارتفعت الحصيلة إلى 246: the toll risen, with no word of the dead, is theirs.
      const risen = risenTollAt(text, tokens, i);
      if (risen) {
        emit(['killed'], risen.value, risen.approx, undefined, i, risen.next);
        i = risen.next;
        continue;
      }
      i++;
      continue;
    }

    if (trigger.form === 'plural') {
      const run = pluralRun(tokens, i)!;
      let last = afterAtLeast(tokens, run.next);
      const before = numberBefore(text, tokens, i);
      let found: Found | null = before;
      if (!found && run.trigger.count !== undefined) found = { value: run.trigger.count, first: i };
      const countedNoun = i > 0 && COUNT_OF.has(tokens[i - 1]!.norm) && joined(tokens, i);
      if (!found && (triggerWord(tokens[i]!)?.startsWith(DEFINITE) || countedNoun)) {
        // عدد القتلى إلى 25، حصيلة القتلى والجرحى إلى 30، والجرحى إلى 2771.
        const tally = tallyAfter(text, tokens, i, run.next);
        if (tally) {
          found = { value: tally.value, ...(tally.approx ? { approx: tally.approx } : {}), first: i };
          last = tally.next;
        }
      }
      // سقوط قتلى وجرحى: several of each, neither counted.
      if (!found && broughtBare(tokens, i, bounds(i)[0])) {
        emit(run.kinds, null, 'several', undefined, i, last, true);
        i = last;
        continue;
      }
      const kinds = found?.value != null || found?.approx ? combine(run.kinds) : run.kinds;
      emit(kinds, found?.value ?? null, found?.approx, undefined, found?.first ?? i, last);
      i = last;
      continue;
    }

    if (trigger.form === 'subject') {
      // قتلوا وجرحوا: one subject, killed and wounded together.
      const other = triggerAt(tokens[i + 1]);
      const both = other?.form === 'subject' && other.kind !== trigger.kind && joined(tokens, i + 1);
      // وقتلوا 43 شخصا: an active verb with its counted object.
      const object = both ? null : numberAt(text, tokens, i + 1);
      const dual = both || object ? null : groupAt(tokens, i + 1);
      if (dual?.count !== undefined) {
        emit([trigger.kind], dual.count, undefined, dual.group, i, dual.next);
        i = dual.next;
        continue;
      }
      if (object) {
        const group = groupAt(tokens, object.next);
        let last = afterAtLeast(tokens, group?.next ?? object.next);
        const approx = object.approx ?? (last > (group?.next ?? object.next) ? 'at_least' : undefined);
        const more = object.value === null ? null : andCountAfter(text, tokens, last) ?? versusCountAfter(text, tokens, last);
        if (more) last = more.next;
        emit([trigger.kind], more ? object.value! + more.value : object.value, approx, group?.group, i, last);
        i = last;
        continue;
      }
      const subject = subjectBefore(text, tokens, i, read);
      if (subject) emit(both ? combine([trigger.kind, other.kind]) : [trigger.kind], subject.value, subject.approx, subject.group, subject.first, both ? i + 2 : i + 1);
      i += both ? 2 : 1;
      continue;
    }

    if (trigger.form === 'perish') {
      const perished = perishAfter(text, tokens, i);
      if (perished) {
        emit(['killed'], perished.value, perished.approx, perished.group, i, perished.next);
        i = perished.next;
      } else {
        i++;
      }
      continue;
    }

    // A subject told first: رجلا واحدا على الأقل قتل وأصيب 6 مدنيين is one killed, then six wounded.
    const one = numberAt(text, tokens, i + 1) ? null : oneBefore(tokens, i, read);
    if (one) {
      emit([trigger.kind], 1, one.atLeast ? 'at_least' : undefined, one.group, one.first, i + 1);
      i++;
      continue;
    }

    // حكما بإعدام 12 مدانا: a sentence, nobody killed.
    if (isDeathSentenceAt(tokens, i)) {
      i++;
      continue;
    }
    // Forward: مقتل [وجرح] [نحو] 10 [مدنيين] [على الأقل].
    const kinds: CasualtyKind[] = [trigger.kind];
    let j = i + 1;
    if (findWithoutConjunction(tokens[i]!.norm, (w) => EXECUTION.has(w)) !== undefined) j = executedAt(text, tokens, j);
    for (let t = triggerAt(tokens[j]); t?.form === 'forward' && joined(tokens, j); t = triggerAt(tokens[j])) {
      if (!kinds.includes(t.kind)) kinds.push(t.kind);
      j++;
    }
    const isFall = tokens[i]!.norm === FALL;
    const number = numberAt(text, tokens, j);
    if (number) {
      const plural = pluralRun(tokens, number.next, true);
      if (isFall && !plural) {
        i++;
        continue;
      }
      const group = plural ? null : groupAt(tokens, number.next);
      let last = afterAtLeast(tokens, plural?.next ?? group?.next ?? number.next);
      const approx = number.approx ?? (last > (plural?.next ?? group?.next ?? number.next) ? 'at_least' : undefined);
      // قتل 13 من الحوثيين و9 من عناصر القوات: two counted groups, one toll.
      const more = plural || number.value === null ? null : andCountAfter(text, tokens, last) ?? versusCountAfter(text, tokens, last);
      if (more) last = more.next;
      emit(combine(plural ? plural.kinds : kinds), more ? number.value! + more.value : number.value, approx, group?.group, i, last);
      i = last;
      continue;
    }
    const group = isFall ? null : groupAt(tokens, j);
    if (group) {
      const last = afterAtLeast(tokens, group.next);
      const count = group.count ?? null;
      emit(count !== null ? combine(kinds) : kinds, count, last > group.next ? 'at_least' : undefined, group.group, i, last);
      i = last;
      continue;
    }
    // مقتل القيادي، مصرع أبو خليل: one named.
    const named = isFall || kinds.length !== 1 || kinds[0] !== 'killed' || !joined(tokens, j) ? undefined : NAMED_ONE.get(tokens[j]?.norm ?? '');
    if (named) {
      emit(['killed'], null, 'named', named, i, j + 1, true);
      i = j + 1;
      continue;
    }
    i = j;
  }
  return out;
}

/**
 * Where the count of an execution word's victims starts, from token `j` just after it: `j` itself, or
 * within EXECUTION_REACH words of its clause a number before a victims' noun (أعدم تنظيم داعش ثلاثة شبان)
 * or a dual (أعدم التنظيم أمس شابين), with no other casualty word between.
 */
function executedAt(text: string, tokens: readonly MatchToken[], j: number): number {
  if (numberAt(text, tokens, j) || groupAt(tokens, j)) return j;
  for (let k = j + 1; k < Math.min(tokens.length, j + 1 + EXECUTION_REACH); k++) {
    if (tokens[k]!.gap || triggerAt(tokens[k - 1])) break;
    const number = numberAt(text, tokens, k);
    if (number) return groupAt(tokens, number.next) && !YEAR.test(tokens[k]!.norm) ? k : j;
    if (groupAt(tokens, k)?.count === 2) return k;
  }
  return j;
}

/** How far after a count a second one joined by و may stand (قتل 13 من الحوثيين و9 من عناصر القوات). */
const AND_COUNT_REACH = 3;

/**
 * A second count joined by و after the one ending before token `k`, within AND_COUNT_REACH words of
 * its clause and with no trigger between: و + number + من or a victims' noun (و9 من عناصر، و2 مدنيين).
 */
function andCountAfter(text: string, tokens: readonly MatchToken[], k: number): { value: number; next: number } | null {
  for (let j = k; j < Math.min(tokens.length, k + AND_COUNT_REACH); j++) {
    if (j > k && /[.!?؟\n،,؛;:]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) return null;
    if (triggerAt(tokens[j])) return null;
    const at = tokens[j]!.norm === AND ? j + 1 : tokens[j]!.norm.startsWith(AND) ? j : -1;
    if (at < 0) continue;
    const digits = /^و(\p{Nd}+)$/u.exec(tokens[j]!.norm);
    const number = digits ? { value: Number(digits[1]), next: j + 1 } : at === j ? readNumber(tokens, j) : numberAt(text, tokens, at);
    if (!number || number.value === null || number.next >= tokens.length) return null;
    if (triggerAt(tokens[number.next])) return null;
    const group = groupAt(tokens, number.next);
    if (!group && tokens[number.next]!.norm !== FROM) return null;
    return { value: number.value, next: group?.next ?? number.next };
  }
  return null;
}

const VERSUS = normalizeArabic('مقابل');
/** How far after a count its versus (مقابل) may stand, past the group's qualifiers (6 مسلحين موالين للنظام، مقابل 3). */
const VERSUS_REACH = 5;

/**
 * The other side's count after the one ending before token `k`: مقابل + number + من or a victims' noun (مقتل 6
 * مسلحين موالين للنظام، مقابل 3 من تحرير الشام): one battle's dead on both sides, which ACLED counts together.
 */
function versusCountAfter(text: string, tokens: readonly MatchToken[], k: number): { value: number; next: number } | null {
  for (let j = k; j < Math.min(tokens.length, k + VERSUS_REACH); j++) {
    if (triggerAt(tokens[j])) return null;
    if (tokens[j]!.norm !== VERSUS) {
      if (j > k && /[.!?؟\n،,؛;:]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) return null;
      continue;
    }
    const number = numberAt(text, tokens, j + 1);
    if (!number || number.value === null || number.next >= tokens.length || triggerAt(tokens[number.next])) return null;
    const group = groupAt(tokens, number.next);
    if (!group && tokens[number.next]!.norm !== FROM) return null;
    return { value: number.value, next: group?.next ?? number.next };
  }
  return null;
}

/** A tally after عدد القتلى / حصيلة الجرحى / الجرحى: إلى + number within TALLY_REACH words, in the clause. */
function tallyAfter(text: string, tokens: readonly MatchToken[], trigger: number, k: number): (Found & { next: number }) | null {
  const counted = trigger > 0 && COUNT_OF.has(tokens[trigger - 1]!.norm) && !tokens[trigger]!.gap;
  if (counted) {
    const direct = numberAt(text, tokens, k);
    if (direct) return { ...direct, next: afterGroup(tokens, direct.next) };
  }
  for (let j = k; j < Math.min(tokens.length, k + (counted ? TALLY_REACH : 1)); j++) {
    if (tokens[j]!.gap) return null;
    if (TO.has(tokens[j]!.norm)) {
      const number = numberAt(text, tokens, j + 1);
      return number ? { ...number, next: afterGroup(tokens, number.next) } : null;
    }
  }
  return null;
}

const THE_TOLL = normalizeArabic('الحصيلة');
const RISEN = new Set(['ارتفعت', 'وارتفعت', 'ارتفاع', 'وصلت', 'ووصلت', 'بلغت', 'وبلغت'].map(normalizeArabic));

/** الحصيلة at token `k` right after a verb of rising (ارتفعت الحصيلة إلى 246 شخصا): the dead's figure after إلى. */
function risenTollAt(text: string, tokens: readonly MatchToken[], k: number): (Found & { next: number }) | null {
  if (tokens[k]!.norm !== THE_TOLL || k === 0 || !RISEN.has(tokens[k - 1]!.norm) || !joined(tokens, k)) return null;
  if (!joined(tokens, k + 1) || !TO.has(tokens[k + 1]!.norm)) return null;
  const number = numberAt(text, tokens, k + 2);
  // إلى 66 قتيلا وجريحا names its dead: the plural noun reads it.
  if (!number || number.value === null || pluralRun(tokens, number.next, true)) return null;
  return { ...number, next: afterGroup(tokens, number.next) };
}

/** The token after a victims' noun or plural noun at `k` (إلى 28 مدنيا، إلى 46 قتيلا), then after على الأقل. */
function afterGroup(tokens: readonly MatchToken[], k: number): number {
  const group = groupAt(tokens, k);
  const plural = pluralRun(tokens, k, true);
  return afterAtLeast(tokens, group?.next ?? plural?.next ?? k);
}

/** "Noun واحدا [على الأقل]" just before token `k`, in one clause, not before `floor`: one victim told first. */
function oneBefore(tokens: readonly MatchToken[], k: number, floor: number): { first: number; group: CasualtyGroup; atLeast: boolean } | null {
  let j = k - 1;
  const atLeast = AT_LEAST.every((w, n) => tokens[j - AT_LEAST.length + 1 + n]?.norm === w);
  if (atLeast) j -= AT_LEAST.length;
  const noun = j - 1;
  if (noun < floor || !ONE.has(tokens[j]?.norm ?? '') || tokens.slice(noun + 1, k + 1).some((t) => t.gap)) return null;
  const group = GROUPS.get(tokens[noun]!.norm);
  return group ? { first: noun, group: group.group, atLeast } : null;
}

/** The counted subject before a verb (12 سوريا قتلوا، 24 شخصا على الأقل قتلوا، 16 شخصا على الأقل قد قتلوا). */
function subjectBefore(text: string, tokens: readonly MatchToken[], verb: number, floor: number): (Found & { group?: CasualtyGroup }) | null {
  const subject = countedBefore(text, tokens, verb, verb - 1, floor);
  if (!subject) return null;
  // A part named after its whole (21 عسكريا من بينهم 9 إيرانيين قتلوا): the whole is who died.
  const part = subject.first - 1 >= floor && SUBSET_WORDS.has(tokens[subject.first - 1]!.norm) ? subject.first - 1 : -1;
  if (part >= 0 && subject.value !== null) {
    const outer = part - 1 >= floor && tokens[part - 1]!.norm === FROM ? part - 1 : part;
    const whole = countedBefore(text, tokens, outer, outer, floor);
    if (whole?.value != null && whole.value > subject.value) return whole;
  }
  // Two counted groups joined by و: 25 مقاتلا من الفصائل وثمانية من مقاتلي داعش قتلوا is 33.
  if (subject.value !== null && tokens[subject.first]!.norm.startsWith(AND)) {
    const earlier = countedBefore(text, tokens, subject.first, subject.first, floor);
    if (earlier?.value != null) {
      const approx = earlier.approx ?? subject.approx;
      return { value: earlier.value + subject.value, ...(approx ? { approx } : {}), first: earlier.first };
    }
  }
  return subject;
}

/**
 * A counted noun phrase ending before token `end` (its noun and words after it up to `until`):
 * a number within SUBJECT_REACH words, in the sentence, with no trigger or non-person unit between.
 */
function countedBefore(
  text: string, tokens: readonly MatchToken[], end: number, until: number, floor: number,
): (Found & { group?: CasualtyGroup }) | null {
  for (let first = until - 1; first >= Math.max(floor, until - SUBJECT_REACH); first--) {
    if (SENTENCE_END.test(text.slice(tokens[first]!.end, tokens[first + 1]!.start))) return null;
    if (triggerAt(tokens[first])) return null;
    let number = numberAt(text, tokens, first, true);
    if (!number || number.next >= end) continue;
    // Read back from the verb, ألف alone is a number; 400 ألف is the one that ends there (400 ألف شخص قتلوا).
    for (let longer = first - 1; longer >= Math.max(floor, first - 2); longer--) {
      const whole = numberAt(text, tokens, longer, true);
      if (whole?.next === number.next) ({ number, first } = { number: whole, first: longer });
    }
    if (tokens.slice(number.next, end).some((t) => NOT_PEOPLE.has(t.norm))) return null;
    const group = groupAt(tokens, number.next);
    const atLeast = afterAtLeast(tokens, group?.next ?? number.next) > (group?.next ?? number.next);
    const approx = number.approx ?? (atLeast ? 'at_least' : undefined);
    // A qualifier just before the number (أكثر من 25 انقلابيا قتلوا).
    const qualified = numberBefore(text, tokens, number.next);
    const start = qualified && qualified.first < first ? qualified.first : first;
    return {
      value: number.value, ...(approx ?? qualified?.approx ? { approx: approx ?? qualified!.approx } : {}),
      first: start, ...(group ? { group: group.group } : {}),
    };
  }
  return null;
}

/** لقي + [number] + [who] + حتفهم / مصرعهم: the count (a singular or dual noun counts itself). */
function perishAfter(text: string, tokens: readonly MatchToken[], k: number): (Found & { group?: CasualtyGroup; next: number }) | null {
  let death = -1;
  for (let j = k + 1; j < Math.min(tokens.length, k + 1 + PERISH_REACH); j++) {
    if (tokens[j]!.gap) return null;
    if (DEATH_NOUNS.some((d) => tokens[j]!.norm.startsWith(d))) {
      death = j;
      break;
    }
  }
  if (death < 0) return null;
  const number = numberAt(text, tokens, k + 1);
  const group = groupAt(tokens, number?.next ?? k + 1);
  const value = number?.value ?? group?.count ?? null;
  const approx = number?.approx ?? (afterAtLeast(tokens, group?.next ?? death) > (group?.next ?? death) ? 'at_least' : undefined);
  if (value === null && !approx) return null;
  return { value, ...(approx ? { approx } : {}), ...(group ? { group: group.group } : {}), first: k, next: death + 1 };
}
