// RFC 4180 CSV writing: the counterpart of parse-csv.ts, for exports a spreadsheet opens.

/** A cell as CSV: quoted (quotes doubled) when it holds a comma, a quote, a line break or edge spaces; null is empty. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends (RFC 4180), a header first. */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
