// Test helper: reads the bundled seed pages (data/corpus/NNN_*.txt) by their number.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CORPUS_DIR = fileURLToPath(new URL('../../data/corpus/', import.meta.url));

/** The raw text of seed page `number` ("000".."004"). */
export function readSeed(number: string): string {
  const name = readdirSync(CORPUS_DIR).find((f) => f.startsWith(`${number}_`));
  if (name === undefined) throw new Error(`seed ${number} not found in ${CORPUS_DIR}`);
  return readFileSync(CORPUS_DIR + name, 'utf8');
}

/** The seed numbers, in order. */
export const SEED_NUMBERS: readonly string[] = ['000', '001', '002', '003', '004'];
