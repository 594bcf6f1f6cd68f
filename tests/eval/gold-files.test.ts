// The labelled gold sets that `npm run eval` and the incident model's training read (docs/annotation.md): every
// line is a record of the guide's shape, every code is one the scorer can match, and every drawn id is labelled once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';
import { ACLED_SUB_TYPES, type AcledEventType } from '../../src/understand/acled-types.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';

const KINDS = new Set([
  'attack', 'armed_clash', 'bombing', 'car_bomb', 'ied', 'suicide_attack', 'air_strike', 'shelling', 'chemical', 'assassination',
  'execution', 'abduction', 'prison_attack', 'raid_arrest', 'disrupted', 'protest', 'riot', 'territory', 'other',
]);
const EVENT_FIELDS = ['event_type', 'sub_event_type', 'kind', 'country', 'admin1', 'location', 'fatalities', 'injuries', 'date', 'actor1', 'actor2', 'evidence'];

interface Line { file: string; split: string; record: Record<string, unknown> }

function lines(set: string): Line[] {
  const dir = repoPath('tests', 'eval', set);
  return readdirSync(dir).filter((f) => /^(dev|heldout)-[a-z]+\.jsonl$/.test(f)).sort().flatMap((file) =>
    readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((l) => ({ file, split: file.split('-')[0]!, record: JSON.parse(l) as Record<string, unknown> })));
}

/** Every `<id>\t<split>…` row of a set's sample lists. */
function drawn(set: string): [string, string][] {
  const dir = repoPath('tests', 'eval', set);
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).flatMap((f) =>
    readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => l.split('\t').slice(0, 2) as [string, string]));
}

/** What is wrong with one event of the events gold, or null. */
function eventProblem(e: Record<string, unknown>): string | null {
  const gazetteer = loadGazetteer();
  if (JSON.stringify(Object.keys(e)) !== JSON.stringify(EVENT_FIELDS)) return `fields ${Object.keys(e).join(',')}`;
  const subTypes = ACLED_SUB_TYPES[e.event_type as AcledEventType];
  if (subTypes === undefined) return `event_type ${String(e.event_type)}`;
  if (!subTypes.includes(e.sub_event_type as string)) return `sub_event_type ${String(e.sub_event_type)} of ${String(e.event_type)}`;
  if (!KINDS.has(e.kind as string)) return `kind ${String(e.kind)}`;
  const admin1 = e.admin1 as string | null;
  if (admin1 !== null) {
    const syriaOrIraq = /^(SY|IQ)/.test(admin1);
    if (syriaOrIraq && gazetteer.get(admin1)?.level !== 'admin1') return `admin1 ${admin1} is no governorate`;
    if (!syriaOrIraq && !/^[A-Z]{2}$/.test(admin1)) return `admin1 ${admin1} is no country code`;
    if (e.country !== (syriaOrIraq ? admin1.slice(0, 2) : admin1)) return `country ${String(e.country)} beside admin1 ${admin1}`;
  }
  for (const k of ['fatalities', 'injuries'] as const) if (!Number.isInteger(e[k]) || (e[k] as number) < 0) return `${k} ${String(e[k])}`;
  if (e.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(e.date as string)) return `date ${String(e.date)}`;
  if (typeof e.evidence !== 'string' || e.evidence === '') return 'no evidence';
  return null;
}

describe.each(['events-gold', 'topic-gold'])('%s', (set) => {
  const all = lines(set);

  it('labels every drawn report once, in the split it was drawn for', () => {
    const labelled = new Map<string, string>();
    for (const l of all) {
      expect(labelled.has(l.record.id as string), `${l.record.id} twice`).toBe(false);
      labelled.set(l.record.id as string, l.split);
    }
    for (const [id, split] of drawn(set)) expect([id, labelled.get(id)]).toEqual([id, split]);
  });

  it('has records of the guide\'s shape: split as in the file name, an incident only on topic', () => {
    const problems = all.flatMap(({ file, split, record: r }) => {
      const out: string[] = [];
      const fields = set === 'events-gold'
        ? ['id', 'split', 'on_topic', 'incident', 'events', 'notes']
        : ['id', 'split', 'on_topic', 'incident', 'main_event_type', 'notes'];
      if (JSON.stringify(Object.keys(r)) !== JSON.stringify(fields)) out.push(`fields ${Object.keys(r).join(',')}`);
      if (r.split !== split) out.push(`split ${String(r.split)}`);
      if (r.incident === true && r.on_topic !== true) out.push('an incident off topic');
      if (set === 'topic-gold' && (r.main_event_type === null) === (r.incident === true)) out.push(`main type ${String(r.main_event_type)}`);
      if (set === 'topic-gold' && r.main_event_type !== null && !(r.main_event_type as string in ACLED_SUB_TYPES)) out.push(`main type ${String(r.main_event_type)}`);
      if (set === 'events-gold') {
        const events = r.events as Record<string, unknown>[];
        if ((events.length > 0) !== (r.incident === true)) out.push(`${events.length} events, incident ${String(r.incident)}`);
        for (const e of events) {
          const p = eventProblem(e);
          if (p !== null) out.push(p);
        }
      }
      return out.map((p) => `${file} ${String(r.id)}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
});

describe('the events set\'s topic draws (events-gold/{dev,heldout}-t<part>.jsonl)', () => {
  const events = lines('events-gold').filter((l) => /^(dev|heldout)-t[a-z]\.jsonl$/.test(l.file));
  const topic = lines('topic-gold');

  it('carry each topic part\'s reports, in order and in their split, and its non-incidents as it labelled them', () => {
    expect(events.map((l) => [l.file.replace('-t', '-'), l.record.id])).toEqual(topic.map((l) => [l.file, l.record.id]));
    const byId = new Map(topic.map((l) => [l.record.id, l.record]));
    const changed = events.filter((l) => {
      const t = byId.get(l.record.id)!;
      return t.incident === false && (l.record.incident !== false || l.record.on_topic !== t.on_topic || l.record.notes !== t.notes);
    });
    expect(changed.map((l) => l.record.id)).toEqual([]);
  });
});

describe('eventProblem', () => {
  const good = {
    event_type: 'Battles', sub_event_type: 'Armed clash', kind: 'armed_clash', country: 'SY', admin1: 'SY11', location: 'Tabqa',
    fatalities: 3, injuries: 0, date: '2018-06-23', actor1: 'ISIS', actor2: 'SDF', evidence: 'اشتباكات في الطبقة',
  };
  it.each<[string, Record<string, unknown>, string | null]>([
    ['a good event', good, null],
    ['a sub-type of another type', { ...good, sub_event_type: 'Suicide bomb' }, 'sub_event_type Suicide bomb of Battles'],
    ['a district for a governorate', { ...good, admin1: 'SY1103' }, 'admin1 SY1103 is no governorate'],
    ['a country elsewhere', { ...good, country: 'TR', admin1: 'TR' }, null],
    ['a province code elsewhere', { ...good, country: 'YE', admin1: 'YE-TA' }, 'admin1 YE-TA is no country code'],
    ['a country beside another\'s governorate', { ...good, country: 'IQ' }, 'country IQ beside admin1 SY11'],
    ['a toll as a string', { ...good, fatalities: '3' }, 'fatalities 3'],
    ['an unknown kind', { ...good, kind: 'skirmish' }, 'kind skirmish'],
  ])('%s', (_case, event, problem) => {
    expect(eventProblem(event)).toBe(problem);
  });
});
