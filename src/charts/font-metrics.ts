/**
 * Text widths from the chart font's own advance widths (its `cmap` and `hmtx` tables), for Vega's
 * layout: without a canvas Vega guesses 0.8 em a character, which leaves Arabic labels far too much
 * room and would cut English ones. An Arabic letter is measured in its isolated form, a little wider
 * than its joined forms, so a label is never given less room than it takes.
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  /** Width of `text` at `size` px. */
  width(text: string, size: number): number;
}

/** Reads a TrueType/OpenType font's horizontal advances per BMP code point. */
export function loadFontMetrics(file: string): FontMetrics {
  const buf = readFileSync(file);
  const u16 = (o: number) => buf.readUInt16BE(o);
  const tables = new Map<string, number>();
  for (let k = 0, n = u16(4); k < n; k++) {
    const rec = 12 + k * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string) => {
    const o = tables.get(tag);
    if (o === undefined) throw new Error(`font ${file} has no ${tag} table`);
    return o;
  };
  const unitsPerEm = u16(table('head') + 18);
  const numberOfHMetrics = u16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => u16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  // cmap: the Unicode BMP subtable (format 4).
  const cmap = table('cmap');
  let sub = -1;
  for (let k = 0, n = u16(cmap + 2); k < n; k++) {
    const rec = cmap + 4 + k * 8;
    const offset = cmap + buf.readUInt32BE(rec + 4);
    if (u16(offset) === 4 && (u16(rec) === 3 || u16(rec) === 0)) sub = offset;
  }
  if (sub < 0) throw new Error(`font ${file} has no format 4 cmap`);
  const segs = u16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  const widths = new Map<number, number>();
  for (let s = 0; s < segs; s++) {
    const start = u16(starts + s * 2);
    const end = u16(ends + s * 2);
    const delta = u16(deltas + s * 2);
    const ro = u16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = u16(rangeOffsets + s * 2 + ro + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) widths.set(c, advance(glyph) / unitsPerEm);
    }
  }
  const fallback = widths.get(0x0647) ?? 0.55; // ه
  return {
    width(text, size) {
      let em = 0;
      for (const ch of text) {
        const c = ch.codePointAt(0)!;
        // Marks (harakat, shadda) take no room; tatweel and the rest their advance.
        if (c >= 0x064b && c <= 0x065f) continue;
        em += widths.get(c) ?? fallback;
      }
      return em * size;
    },
  };
}
