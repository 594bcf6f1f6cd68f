/** A small PNG with a known pixel pattern, made with pngjs, and the means to check one. */
import { PNG } from 'pngjs';

/** The colour of pixel (x, y): a checkerboard of red and blue, with green rising along x. */
export function patternPixel(x: number, y: number): [number, number, number, number] {
  return (x + y) % 2 === 0 ? [255, x * 6, 0, 255] : [0, x * 6, 255, 255];
}

/** A width × height PNG of patternPixel. */
export function testPng(width = 40, height = 20): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set(patternPixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png);
}

/** Decodes a PNG and says whether every pixel is patternPixel's; with its size. */
export function readTestPng(data: Buffer): { width: number; height: number; patternHolds: boolean } {
  const png = PNG.sync.read(data);
  let patternHolds = true;
  for (let y = 0; y < png.height && patternHolds; y++) {
    for (let x = 0; x < png.width && patternHolds; x++) {
      const at = (y * png.width + x) * 4;
      patternHolds = patternPixel(x, y).every((v, k) => png.data[at + k] === v);
    }
  }
  return { width: png.width, height: png.height, patternHolds };
}
