/**
 * Pictures on the console: written as PNG files into the pictures folder (`RASID_PICTURES`, by
 * default `data/pictures/`, git-ignored), and their path printed with the caption. Not the OS temp
 * folder: under systemd (`PrivateTmp`) or in a container it is private to the service and emptied
 * on restart, so the printed path would lead nowhere for the operator reading it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `png` as `<dir>/<fileName>` (creating the folder) and returns the file's path. */
export async function savePicture(dir: string, fileName: string, png: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, fileName);
  await writeFile(path, png);
  return path;
}

/** What the console prints for a picture: where it is, then its caption. */
export function pictureLines(path: string, caption: string): string {
  return `[picture: ${path}]\n${caption}`;
}

/** A file name for a picture answered in the chat: the time, a counter, and the picture's own name. */
export function chatPictureName(now: Date, count: number, name: string): string {
  return `chat-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${count}-${name}`;
}
