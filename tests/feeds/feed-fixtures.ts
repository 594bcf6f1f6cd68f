// Test helper: reads the feed fixtures (tests/fixtures/feeds/) as text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));

/** The text of fixture `name` ("arabic-rss.xml"), read as UTF-8. */
export function readFeedFixture(name: string): string {
  return readFileSync(FIXTURE_DIR + name, 'utf8');
}

/** Every fixture file name, for tests that run over all of them. */
export const FEED_FIXTURES: readonly string[] = [
  'arabic-rss.xml', 'atom.xml', 'json-feed.json', 'json-feed-1.0.json', 'rdf.xml', 'malformed.xml',
  'html-page.html', 'empty-channel.xml', 'duplicate-items.xml', 'relative-links.xml', 'no-channel-link.xml',
  'windows-1256-declared.xml',
];
