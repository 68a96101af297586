// Layout of a statechart drawn from its definition: top-level states as boxes (the busiest one,
// usually `running`, in the middle and the rest on an ellipse around it), nested states listed in
// their parent's box (each with its own sub-states, such as "timeout armed", as small tokens on its
// line), and one curved arrow per pair of top-level states that a transition joins, from box edge
// to box edge (so no arrow runs over the words inside a box).
import { path as d3path } from 'd3-path';
import type { StatechartView } from '../../store/viewModel';

/** Average width of a sans-serif character, in font sizes (a little over, for bold). */
const CHAR_WIDTH = 0.56;

/** Room between two columns of boxes, in font sizes: wide enough for the arrows that pass. */
const COLUMN_GAP = 2.6;

export interface StateNode {
  readonly id: string;
  readonly label: string;
  /** Centre and size of the box. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly children: readonly ChildState[];
}

export interface ChildState {
  readonly id: string;
  readonly label: string;
  /** Its own sub-states ("no timeout", "timeout armed"), drawn as tokens on its line. */
  readonly subStates: readonly { readonly id: string; readonly label: string }[];
}

export interface TransitionEdge {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly d: string;
  readonly head: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly label: string;
}

export interface StatechartLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly StateNode[];
  readonly edges: readonly TransitionEdge[];
  /** Top-level state that contains `id` (itself when top-level), or null when unknown. */
  readonly topOf: (id: string) => string | null;
  /** The child of `id`'s top-level state that contains `id`, or null (top-level or unknown). */
  readonly childOf: (id: string) => string | null;
  /** The grandchild of the top-level state that contains `id` (a timed sub-state), or null. */
  readonly subOf: (id: string) => string | null;
  /** y of a line inside a box: 0 the names of its threads, 1.. its child states. */
  readonly rowY: (node: StateNode, row: number) => number;
}

export interface StatechartOptions {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
}

/** Where the segment from a box's centre towards (tx, ty) leaves the box. */
export function boxExit(node: StateNode, tx: number, ty: number): { x: number; y: number } {
  const dx = tx - node.x;
  const dy = ty - node.y;
  if (dx === 0 && dy === 0) return { x: node.x, y: node.y };
  const sx = dx === 0 ? Infinity : node.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : node.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: node.x + dx * s, y: node.y + dy * s };
}

type Point = { readonly x: number; readonly y: number };

/** The quadratic curve p0 → p2 (control q) stays outside every box of `nodes`. */
export function clearOf(nodes: readonly StateNode[], p0: Point, q: Point, p2: Point): boolean {
  for (let k = 1; k < 40; k++) {
    const t = k / 40;
    const x = (1 - t) ** 2 * p0.x + 2 * (1 - t) * t * q.x + t ** 2 * p2.x;
    const y = (1 - t) ** 2 * p0.y + 2 * (1 - t) * t * q.y + t ** 2 * p2.y;
    for (const n of nodes)
      if (Math.abs(x - n.x) < n.width / 2 + 2 && Math.abs(y - n.y) < n.height / 2 + 2) return false;
  }
  return true;
}

export function statechartLayout(
  chart: StatechartView,
  options: StatechartOptions,
): StatechartLayout {
  const { width, height, fontSize } = options;
  const parentOf = new Map(chart.states.map((s) => [s.id, s.parent]));
  /** `id` and its ancestors up to a top-level state; null for an unknown id or a parent cycle. */
  const pathToTop = (id: string): string[] | null => {
    const path: string[] = [];
    for (let at = id; !path.includes(at);) {
      path.push(at);
      const parent = parentOf.get(at);
      if (parent === undefined) return null;
      if (parent === null) return path;
      at = parent;
    }
    return null;
  };
  const topOf = (id: string): string | null => pathToTop(id)?.at(-1) ?? null;
  const childOf = (id: string): string | null => pathToTop(id)?.at(-2) ?? null;
  const subOf = (id: string): string | null => pathToTop(id)?.at(-3) ?? null;
  const tops = chart.states.filter((s) => s.parent === null);
  const pairs = new Map<string, { from: string; to: string; events: string[] }>();
  for (const t of chart.transitions) {
    const from = topOf(t.from);
    const to = topOf(t.to);
    if (!from || !to || from === to) continue;
    const key = `${from}->${to}`;
    const pair = pairs.get(key) ?? { from, to, events: [] };
    if (!pair.events.includes(t.event)) pair.events.push(t.event);
    pairs.set(key, pair);
  }
  const lineH = fontSize * 1.2;

  const sized = tops.map((s) => {
    const children = chart.states
      .filter((c) => c.parent === s.id)
      .map((c) => ({
        id: c.id,
        label: c.label,
        subStates: chart.states
          .filter((g) => g.parent === c.id)
          .map((g) => ({ id: g.id, label: g.label })),
      }));
    // Title, a line for the names of the threads in it, then one line per child state.
    return { s, children, h: lineH * (1.5 + (1 + children.length) * 0.95) };
  });
  const grid = chart.grid;
  // Every top state has its cell (the kernel's machine places each one).
  const cells = sized.map((n) => ({ ...n, cell: grid[n.s.id] ?? [0, 0] }));
  const cols = Math.max(...cells.map((c) => c.cell[0])) + 1;
  // Boxes wide enough for their words (titles bold at fontSize, child lines at 0.78 of it with
  // room for their sub-state tokens); when the panel is narrower, the drawing is laid out wider
  // and the SVG scales it down as a whole, so no word ever leaves its box.
  const need = Math.max(
    ...sized.map(({ s: top, children }) =>
      Math.max(
        top.label.length * CHAR_WIDTH * 1.05 * fontSize,
        ...children.map(
          (c) =>
            (c.label.length + 2) * CHAR_WIDTH * 0.78 * fontSize +
            c.subStates.length * 1.2 * fontSize,
        ),
      ),
    ),
  );
  const boxNeed = need + fontSize * 1.4;
  const layoutWidth = Math.max(width, cols * (boxNeed + COLUMN_GAP * fontSize));
  const boxW = Math.max(boxNeed, Math.min(layoutWidth / 2.9, fontSize * 13));
  const rows = Math.max(...cells.map((c) => c.cell[1])) + 1;
  const rowH = Array.from({ length: rows }, (_, r) =>
    Math.max(0, ...cells.filter((c) => c.cell[1] === r).map((c) => c.h)),
  );
  const content = rowH.reduce((a, b) => a + b, 0);
  const gap = Math.max(fontSize * 1.6, (height - content) / (rows + 1));
  /** The height the drawing needs: more than asked when the boxes do not fit (the SVG then scales). */
  const drawnHeight = Math.max(height, content + gap * (rows + 1));
  const w = Math.min(boxW, layoutWidth / cols - COLUMN_GAP * fontSize);
  const rowTop = rowH.map((_, r) => gap * (r + 1) + rowH.slice(0, r).reduce((a, b) => a + b, 0));
  const nodes: StateNode[] = cells.map(({ s, children, h, cell }) => ({
    id: s.id,
    label: s.label,
    x: (layoutWidth / cols) * (cell[0] + 0.5),
    y: (rowTop[cell[1]] ?? 0) + h / 2,
    width: w,
    height: h,
    children,
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const edges: TransitionEdge[] = [];
  for (const [key, pair] of pairs) {
    const a = byId.get(pair.from);
    const b = byId.get(pair.to);
    if (!a || !b) continue;
    const both = pairs.has(`${pair.to}->${pair.from}`);
    // Bend to the right of the direction of travel, so A→B and B→A take different curves.
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const base = both ? fontSize * 1.6 : fontSize * 0.4;
    const control = (bend: number) => ({
      x: mx + (-(b.y - a.y) / len) * bend,
      y: my + ((b.x - a.x) / len) * bend,
    });
    // The least bend whose curve passes through no other box (over no box's words); a pair with
    // arrows both ways keeps bending to its own side.
    const others = nodes.filter((n) => n !== a && n !== b);
    const bends = [1, 2, 3, 4, 6, 8].flatMap((k) => (both ? [base * k] : [base * k, -base * k]));
    const q =
      bends
        .map(control)
        .find((c) => clearOf(others, boxExit(a, c.x, c.y), c, boxExit(b, c.x, c.y))) ??
      control(base);
    const qx = q.x;
    const qy = q.y;
    const start = boxExit(a, qx, qy);
    const end = boxExit(b, qx, qy);
    const p = d3path();
    p.moveTo(start.x, start.y);
    p.quadraticCurveTo(qx, qy, end.x, end.y);
    const ex = end.x - qx;
    const ey = end.y - qy;
    const el = Math.hypot(ex, ey) || 1;
    const size = fontSize * 0.55;
    const ux = ex / el;
    const uy = ey / el;
    const head = d3path();
    head.moveTo(end.x, end.y);
    head.lineTo(end.x - ux * size - uy * size * 0.5, end.y - uy * size + ux * size * 0.5);
    head.lineTo(end.x - ux * size + uy * size * 0.5, end.y - uy * size - ux * size * 0.5);
    head.closePath();
    edges.push({
      key,
      from: pair.from,
      to: pair.to,
      d: p.toString(),
      head: head.toString(),
      labelX: (start.x + 2 * qx + end.x) / 4,
      labelY: (start.y + 2 * qy + end.y) / 4,
      label: pair.events.join(' / '),
    });
  }
  const rowY = (node: StateNode, row: number) =>
    node.y - node.height / 2 + lineH * (2.15 + row * 0.95);
  return { width: layoutWidth, height: drawnHeight, nodes, edges, topOf, childOf, subOf, rowY };
}
