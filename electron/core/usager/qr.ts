// The fiche's public address as a QR code, made here from the address alone (never fetched from the net): an SVG
// for the window and the print layout, a PNG for the e-mail (mail readers show inline PNGs, rarely SVGs).
import QRCode from 'qrcode';

// Medium correction survives a crumpled or badly printed sheet and keeps the code small for a long URL.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** The QR code of `url` as an SVG document: only paths drawn from the modules, no text of the URL in it. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}

/** The QR code of `url` as a PNG of about 300 pixels, for the e-mail's inline image. */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: 300 });
}
