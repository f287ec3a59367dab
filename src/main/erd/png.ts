/**
 * SVG → PNG with resvg (a Rust renderer: no browser, no canvas). The diagram SVG names a
 * monospace font stack; resvg loads the system fonts and falls back to its monospace family, so
 * text renders without any bundled font file.
 */
import { existsSync } from 'node:fs';

/** PNG options. */
export interface PngOptions {
  /** Pixels per SVG unit (default 2: sharp on high-density screens). */
  scale?: number;
  /** Largest image in pixels (width × height); bigger diagrams are scaled down to fit (default 60 M). */
  maxPixels?: number;
}

/** Monospace families, in order of preference, whose files are commonly installed. */
const MONO_CANDIDATES: { family: string; files: string[] }[] = [
  { family: 'DejaVu Sans Mono', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', '/Library/Fonts/DejaVuSansMono.ttf'] },
  { family: 'Liberation Mono', files: ['/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf'] },
  { family: 'Menlo', files: ['/System/Library/Fonts/Menlo.ttc'] },
  { family: 'Consolas', files: ['C:\\Windows\\Fonts\\consola.ttf'] },
];

/** The monospace family resvg should use for the `monospace` generic name on this machine. */
function monospaceFamily(): string | undefined {
  return MONO_CANDIDATES.find((c) => c.files.some((f) => existsSync(f)))?.family;
}

/** Width and height of an SVG document from its root attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const head = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string): number => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(head)?.[1] ?? 0);
  return { width: num('width'), height: num('height') };
}

/** Renders an SVG document to PNG bytes. */
export async function svgToPng(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const { width, height } = svgSize(svg);
  let scale = opts.scale ?? 2;
  const maxPixels = opts.maxPixels ?? 60_000_000;
  if (width > 0 && height > 0 && width * height * scale * scale > maxPixels) scale = Math.sqrt(maxPixels / (width * height));
  const mono = monospaceFamily();
  const image = await renderAsync(svg, {
    fitTo: width > 0 ? { mode: 'width', value: Math.max(1, Math.round(width * scale)) } : { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, ...(mono ? { monospaceFamily: mono, defaultFontFamily: mono } : {}) },
    logLevel: 'off',
  });
  return image.asPng();
}
