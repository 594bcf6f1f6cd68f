// RFC 4180 CSV parsing: quoted cells, doubled quotes, CRLF or LF line ends.

import { BYTE_ORDER_MARK } from '../arabic/letters.js';

/**
 * Parses CSV text into rows of cells. Handles quoted cells containing commas, quotes (`""`)
 * and line breaks; accepts LF or CRLF line ends; a trailing newline does not make an empty row.
 *
 * @example parseCsv('a,"b,c"\n1,"say ""hi"""\n') → [['a', 'b,c'], ['1', 'say "hi"']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy a run of ordinary characters at once.
      const next = text.indexOf('"', i);
      const stop = next === -1 ? n : next;
      cell += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      let stop = i + 1;
      while (stop < n) {
        const c = text[stop];
        if (c === ',' || c === '\n' || c === '\r' || c === '"') break;
        stop++;
      }
      cell += text.slice(i, stop);
      i = stop;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into records keyed by column name (missing cells become ''). */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text);
  if (!header) return [];
  return rows.map((cells) => {
    const record: Record<string, string> = {};
    header.forEach((name, k) => {
      record[name] = cells[k] ?? '';
    });
    return record;
  });
}
