import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/text/segment-text.js';

const sentencesOf = (text: string): [string, number][] =>
  segmentText(text).sentences.map((s) => [text.slice(s.start, s.end), s.paragraph]);

describe('segmentText', () => {
  it.each<[string, [string, number][]]>([
    ['الأولى. الثانية! الثالثة؟ الرابعة؛ الخامسة… السادسة', [
      ['الأولى.', 0], ['الثانية!', 0], ['الثالثة؟', 0], ['الرابعة؛ الخامسة…', 0], ['السادسة', 0],
    ]],
    ['الصحراوية؛ التي يسهل اختراقها; ثم', [['الصحراوية؛ التي يسهل اختراقها; ثم', 0]]],
    ['بنسبة 3.7 في المئة. ثم', [['بنسبة 3.7 في المئة.', 0], ['ثم', 0]]],
    ['ما يصل إلى (10,000) عضو. نعم', [['ما يصل إلى (10,000) عضو.', 0], ['نعم', 0]]],
    ['وكالة أ.ف.ب قالت. نعم', [['وكالة أ.ف.ب قالت.', 0], ['نعم', 0]]],
    ['قال: "انتهى." ثم ذهب', [['قال: "انتهى."', 0], ['ثم ذهب', 0]]],
    ['فقرة أولى\n\nفقرة ثانية\nفقرة ثالثة', [['فقرة أولى', 0], ['فقرة ثانية', 1], ['فقرة ثالثة', 2]]],
    ['السطر الأول\r\nالسطر الثاني', [['السطر الأول', 0], ['السطر الثاني', 1]]],
    ['جديدة..وربما مسميات أخرى.', [['جديدة..', 0], ['وربما مسميات أخرى.', 0]]],
    ['  \n\n  ', []],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('returns trimmed paragraph spans, skipping blank lines', () => {
    const text = '  أولى  \n\n\nثانية\n';
    expect(segmentText(text).paragraphs).toEqual([{ start: 2, end: 6 }, { start: 11, end: 16 }]);
  });
});
