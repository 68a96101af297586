// A part of the page as one self-contained SVG file, built from what the browser drew (so every
// change to the chart's or the registers' rendering is in the export as it is on screen): HTML
// boxes become rects with their computed background and border, text becomes <text> at the place
// and in the font the browser laid it out, and inline <svg> drawings (the sequence chart) are
// copied element by element with their computed paint. No stylesheet, no CSS variable, no web
// font is needed to show it: colours are resolved values and fonts are named. Elements marked
// data-export="omit" (controls such as the registers' pin button) are left out.
import { attrs, escapeXml, isClear, SVG_NS, SVG_PAINT, styleText } from './svgMarkup';

export interface Snapshot {
  readonly svg: string;
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
}

/** Attributes not copied: behaviour, accessibility, test hooks and the class-driven style. */
const DROPPED = /^(style|role|tabindex|aria-.*|data-testid|focusable)$/;

interface Box {
  readonly left: number;
  readonly top: number;
}

const r = (n: number): number => Math.round(n * 100) / 100;

function visible(style: CSSStyleDeclaration): boolean {
  return style.display !== 'none' && style.visibility !== 'hidden' && style.opacity !== '0';
}

/** An element of an inline SVG drawing, its computed paint written on it, and its children. */
function svgElement(el: Element): string {
  const style = getComputedStyle(el);
  if (style.display === 'none') return '';
  const list: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) if (!DROPPED.test(a.name)) list[a.name] = a.value;
  const paint = el.tagName === 'title' ? '' : styleText(style, SVG_PAINT);
  if (paint) list.style = paint;
  let inner = '';
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) inner += escapeXml(child.textContent ?? '');
    else if (child instanceof Element) inner += svgElement(child);
  }
  return `<${el.tagName}${attrs(list)}>${inner}</${el.tagName}>`;
}

/** An inline <svg> placed where it is on the page (its own viewBox kept). */
function inlineSvg(svg: SVGSVGElement, origin: Box): string {
  const rect = svg.getBoundingClientRect();
  const viewBox = svg.getAttribute('viewBox');
  let inner = '';
  for (const child of Array.from(svg.children)) inner += svgElement(child);
  const font = styleText(getComputedStyle(svg), ['font-family', 'font-size']);
  return `<svg${attrs({
    x: r(rect.left - origin.left),
    y: r(rect.top - origin.top),
    width: r(rect.width),
    height: r(rect.height),
    viewBox,
    overflow: 'hidden',
    style: font || null,
  })}>${inner}</svg>`;
}

/** An HTML element's background and border as a rect (or a line per differing side). */
function boxOf(el: Element, style: CSSStyleDeclaration, origin: Box): string {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return '';
  const x = rect.left - origin.left;
  const y = rect.top - origin.top;
  const fill = isClear(style.backgroundColor) ? null : style.backgroundColor;
  const sides = (['top', 'right', 'bottom', 'left'] as const).map((side) => ({
    side,
    width: parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0,
    colour: style.getPropertyValue(`border-${side}-color`),
    shown: style.getPropertyValue(`border-${side}-style`) !== 'none',
  }));
  const drawn = sides.filter((s) => s.shown && s.width > 0 && !isClear(s.colour));
  const first = drawn[0];
  const uniform =
    drawn.length === 4 && drawn.every((s) => s.width === first?.width && s.colour === first.colour);
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  let out = '';
  if (fill || uniform) {
    const w = uniform ? (first?.width ?? 0) : 0;
    out += `<rect${attrs({
      x: r(x + w / 2),
      y: r(y + w / 2),
      width: r(rect.width - w),
      height: r(rect.height - w),
      rx: radius ? r(radius) : null,
      fill: fill ?? 'none',
      stroke: uniform ? first?.colour : null,
      'stroke-width': uniform ? w : null,
    })}/>`;
  }
  if (!uniform) {
    for (const s of drawn) {
      const h = s.width / 2;
      const [x1, y1, x2, y2] =
        s.side === 'top'
          ? [x, y + h, x + rect.width, y + h]
          : s.side === 'bottom'
            ? [x, y + rect.height - h, x + rect.width, y + rect.height - h]
            : s.side === 'left'
              ? [x + h, y, x + h, y + rect.height]
              : [x + rect.width - h, y, x + rect.width - h, y + rect.height];
      out += `<line${attrs({ x1: r(x1), y1: r(y1), x2: r(x2), y2: r(y2), stroke: s.colour, 'stroke-width': s.width })}/>`;
    }
  }
  return out;
}

function transformed(text: string, style: CSSStyleDeclaration): string {
  if (style.textTransform === 'uppercase') return text.toUpperCase();
  if (style.textTransform === 'lowercase') return text.toLowerCase();
  return text;
}

/** A text node as one <text> per line the browser broke it into. */
function textOf(node: Text, style: CSSStyleDeclaration, origin: Box): string {
  const raw = node.textContent ?? '';
  if (raw.trim() === '') return '';
  const pre = style.whiteSpace.startsWith('pre');
  const range = document.createRange();
  // Words with their boxes, gathered into lines by their top.
  const lines: { top: number; left: number; height: number; text: string }[] = [];
  const words = pre
    ? [{ at: 0, word: raw }]
    : Array.from(raw.matchAll(/\S+/g), (m) => ({ at: m.index, word: m[0] }));
  for (const { at, word } of words) {
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    const box = range.getBoundingClientRect();
    if (box.width === 0) continue;
    const line = lines.find((l) => Math.abs(l.top - box.top) < 1);
    if (line) line.text += ` ${word}`;
    else lines.push({ top: box.top, left: box.left, height: box.height, text: word });
  }
  const font = styleText(style, ['font-family', 'font-size', 'font-weight', 'font-style']);
  return lines
    .map(
      (l) =>
        `<text${attrs({
          x: r(l.left - origin.left),
          y: r(l.top - origin.top + l.height / 2),
          'dominant-baseline': 'central',
          fill: style.color,
          style: font,
          'xml:space': pre ? 'preserve' : null,
        })}>${escapeXml(transformed(l.text, style))}</text>`,
    )
    .join('');
}

/** Clip paths made so far in one snapshot (each box that hides its overflow gets one). */
interface Clips {
  defs: string;
  count: number;
}

function htmlElement(el: Element, origin: Box, clips: Clips): string {
  if (el instanceof SVGSVGElement) return inlineSvg(el, origin);
  // Controls that are no part of the picture (a pin button) say so with data-export="omit".
  if (el instanceof HTMLElement && el.dataset.export === 'omit') return '';
  const style = getComputedStyle(el);
  if (!visible(style)) return '';
  let inner = '';
  for (const child of Array.from(el.childNodes)) {
    if (child instanceof Text) inner += textOf(child, style, origin);
    else if (child instanceof Element) inner += htmlElement(child, origin, clips);
  }
  const box = boxOf(el, style, origin);
  if (inner === '' || style.overflow === 'visible') return box + inner;
  // What the box hides on screen stays hidden: its content is clipped to its padding box.
  const rect = el.getBoundingClientRect();
  const id = `clip${++clips.count}`;
  clips.defs += `<clipPath id="${id}"><rect${attrs({
    x: r(rect.left - origin.left + el.clientLeft),
    y: r(rect.top - origin.top + el.clientTop),
    width: r(el.clientWidth),
    height: r(el.clientHeight),
  })}/></clipPath>`;
  return `${box}<g clip-path="url(#${id})">${inner}</g>`;
}

/** The first background up the tree that paints (the panel's surface), for the file's own. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (!isClear(colour)) return colour;
  }
  return '#ffffff';
}

/** `root` as it is on screen, as a standalone SVG file titled `title`. */
export function snapshotSvg(root: Element, title: string): Snapshot {
  const rect = root.getBoundingClientRect();
  const width = Math.ceil(rect.width);
  const height = Math.ceil(rect.height);
  const clips: Clips = { defs: '', count: 0 };
  const body = htmlElement(root, rect, clips);
  const font = getComputedStyle(root).fontFamily;
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg${attrs({ xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font })}>` +
    `<title>${escapeXml(title)}</title>` +
    (clips.defs ? `<defs>${clips.defs}</defs>` : '') +
    `<rect width="100%" height="100%" fill="${escapeXml(backgroundOf(root))}"/>` +
    `${body}</svg>\n`;
  return { svg, width, height };
}
