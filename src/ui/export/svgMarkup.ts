// Small pieces of SVG text for the snapshot (snapshot.ts): escaping, attribute lists, and the
// computed style properties that decide how a shape or a text is painted, resolved to values (the
// theme's CSS variables become colours, `var(--sans)` becomes the font's names).

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** ` a="1" b="2"`, values escaped; null and undefined values left out. */
export function attrs(list: Readonly<Record<string, string | number | null | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(list)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** Painting properties copied from an SVG element's computed style onto its copy. */
export const SVG_PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Values that are each property's initial one: not written, to keep the file small. */
const INITIAL: Readonly<Record<string, string>> = {
  'fill-opacity': '1',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'paint-order': 'normal',
  opacity: '1',
  'font-style': 'normal',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  visibility: 'visible',
};

/** `prop: value; …` of `props` from `style`, initial values left out. */
export function styleText(style: CSSStyleDeclaration, props: readonly string[]): string {
  const parts: string[] = [];
  for (const p of props) {
    const value = style.getPropertyValue(p).trim();
    if (value === '' || INITIAL[p] === value) continue;
    parts.push(`${p}: ${value}`);
  }
  return parts.join('; ');
}

/** A CSS colour that paints nothing. */
export function isClear(colour: string): boolean {
  return colour === '' || colour === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(colour);
}
