// A PDF's pages as a reader sees them: rendered by poppler's pdftoppm (Debian's poppler-utils) to greyscale
// images, then measured — where the ink is, so a test can say the content stays inside the printable area.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InkBox {
  width: number;
  height: number;
  /** The first and last columns and rows holding a dark pixel; -1 on a blank page. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Rows holding at least one dark pixel. */
  inkedRows: number;
}

/** Width, height and pixels of a binary PGM (P5) image, as pdftoppm -gray writes it. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length) };
}

function inkBox(image: { width: number; height: number; pixels: Buffer }): InkBox {
  const { width, height, pixels } = image;
  let [left, right, top, bottom, inkedRows] = [width, -1, -1, -1, 0];
  for (let y = 0; y < height; y++) {
    let inked = false;
    for (let x = 0; x < width; x++) {
      if ((pixels[y * width + x] ?? 255) < 160) {
        inked = true;
        if (x < left) left = x;
        if (x > right) right = x;
      }
    }
    if (inked) {
      inkedRows++;
      if (top === -1) top = y;
      bottom = y;
    }
  }
  return { width, height, left: right === -1 ? -1 : left, right, top, bottom, inkedRows };
}

/** Renders the first `pages` pages of `pdf` at `dpi` into `folder` and measures each one's ink. */
export function pdfInk(pdf: Buffer, folder: string, pages = 3, dpi = 50): InkBox[] {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'document.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    String(pages),
    file,
    join(folder, 'page'),
  ]);
  return readdirSync(folder)
    .filter((name) => /^page-\d+\.pgm$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
    .map((name) => inkBox(readPgm(readFileSync(join(folder, name)))));
}
