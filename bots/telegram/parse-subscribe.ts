/** Reads `/subscribe [@channel] [HH:MM | "cron"] [filter…]` into its parts. */

export interface SubscribeArgs {
  /** A channel to subscribe from a private chat: `@name` or a numeric id. */
  readonly target: string | null;
  readonly cron: string | null;
  readonly filter: string | null;
}

const TARGET = /^(@[A-Za-z][\w]{3,}|-100\d{5,})$/;
const CLOCK = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const QUOTED_CRON = /^["“'`]([^"”'`]+)["”'`]\s*/u;

export function parseSubscribe(text: string): SubscribeArgs {
  let rest = text.trim();
  let target: string | null = null;
  let cron: string | null = null;
  const first = rest.split(/\s+/)[0] ?? '';
  if (TARGET.test(first)) {
    target = first;
    rest = rest.slice(first.length).trim();
  }
  const quoted = QUOTED_CRON.exec(rest);
  if (quoted) {
    cron = quoted[1]!.trim();
    rest = rest.slice(quoted[0].length).trim();
  } else {
    const word = rest.split(/\s+/)[0] ?? '';
    const clock = CLOCK.exec(word);
    if (clock) {
      cron = `${Number(clock[2])} ${Number(clock[1])} * * *`;
      rest = rest.slice(word.length).trim();
    }
  }
  return { target, cron, filter: rest === '' ? null : rest };
}
