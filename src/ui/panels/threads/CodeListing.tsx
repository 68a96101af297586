// A thread's C code with the file's own line numbers and two marks, as Python Tutor draws them: ▶
// on the line that runs next (highlight, aria-current="step") and ✓ on the line that just ran
// (its own symbol and a lighter band, so colour is never the only signal). Lines never wrap (the
// listing scrolls sideways); their indentation is drawn narrower than the text's spaces (the text
// itself, as copied, keeps them). The next line is kept in view by one IntersectionObserver made at
// mount: its callback runs after layout and carries the line's box, so stepping reads no layout; a
// report that comes after a newer step (the page may be changed again) is asked for once more.
// While the thread runs in a helper function, that function is listed under the thread's own code,
// after a dashed rule (the column's head names it).
import { memo, useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import type { SimStoreApi } from '../../../store/createSimStore';
import type { CodeBlock } from '../../../store/viewModel';
import { useSimApi } from '../../hooks/useSim';
import { shownLines } from './codeText';

interface CodeListingProps {
  readonly thread: string;
  readonly code: CodeBlock;
  /** The helper function the thread runs in (runningHelper), listed under its own code. */
  readonly helper: CodeBlock | undefined;
  readonly currentLine: number | null;
  /** The line this thread ran in the step to here, or null. */
  readonly lastLine: number | null;
}

type Mark = 'next' | 'ran' | 'both' | null;
const MARK_SYMBOL: Readonly<Record<Exclude<Mark, null>, string>> = {
  next: '▶',
  ran: '✓',
  both: '↻',
};
const MARK_WORDS: Readonly<Record<Exclude<Mark, null>, string>> = {
  next: 'runs next',
  ran: 'just ran',
  both: 'just ran and runs again',
};

const Line = memo(function Line({
  line,
  no,
  text,
  mark,
  first,
}: {
  readonly line: number;
  readonly no: number;
  readonly text: string;
  readonly mark: Mark;
  /** The first line of a helper listed under the thread's code. */
  readonly first: boolean;
}) {
  const next = mark === 'next' || mark === 'both';
  const indent = /^ */.exec(text)?.[0] ?? '';
  return (
    <li
      className={`code__line${mark ? ` code__line--${mark}` : ''}${first ? ' code__line--helper' : ''}`}
      {...(next ? { 'aria-current': 'step' as const } : {})}
      data-line={line}
      data-mark={mark ?? undefined}
    >
      <span className="code__no" aria-hidden="true">
        {no}
      </span>
      <span className="code__mark" aria-hidden="true">
        {mark ? MARK_SYMBOL[mark] : ''}
      </span>
      <code className="code__text">
        {indent && <span className="code__indent">{indent}</span>}
        {text.slice(indent.length) || (indent ? '' : ' ')}
        {mark && <span className="visually-hidden"> ({MARK_WORDS[mark]})</span>}
      </code>
    </li>
  );
});

function Lines({
  block,
  currentLine,
  lastLine,
  helper = false,
}: {
  readonly block: CodeBlock;
  readonly currentLine: number | null;
  readonly lastLine: number | null;
  readonly helper?: boolean;
}) {
  const shown = useMemo(() => shownLines(block.firstLine, block.lines, block.numbers), [block]);
  return shown.map(({ line, no, text }, i) => {
    const next = line === currentLine;
    const ran = line === lastLine;
    const mark: Mark = next && ran ? 'both' : next ? 'next' : ran ? 'ran' : null;
    return (
      <Line key={line} line={line} no={no} text={text} mark={mark} first={helper && i === 0} />
    );
  });
}

/**
 * Keeps the `aria-current` line of `list` in view: one observer for the listing's life; after each
 * commit where `key` changed, it watches the new line and its first report scrolls if needed. The
 * scroll is written in the report's callback, where layout is clean, unless a newer step came
 * first (a fast click: the page may have changed, and the write would force a layout); then it
 * asks for a fresh report, which comes after the next frame.
 */
function useKeepInView(list: RefObject<HTMLOListElement | null>, key: unknown, store: SimStoreApi) {
  const observer = useRef<IntersectionObserver | null>(null);
  const watched = useRef<Element | null>(null);
  // Only the report that follows a change moves the listing: scrolling by hand is left alone.
  const pending = useRef(false);
  /** The step the watched line was observed at. */
  const observedAt = useRef(-1);
  useEffect(() => {
    const el = list.current;
    if (!el || typeof IntersectionObserver !== 'function') return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        const root = entry?.rootBounds;
        if (!entry || !root || entry.target !== watched.current || !pending.current) return;
        const cursor = store.getState().cursor;
        if (cursor !== observedAt.current) {
          observedAt.current = cursor;
          io.unobserve(entry.target);
          io.observe(entry.target);
          return;
        }
        pending.current = false;
        const box = entry.boundingClientRect;
        if (entry.intersectionRatio >= 0.99 || box.height === 0) return;
        // Out of view: bring the line a third of the way down (context above it). Layout is
        // clean in this callback, so the write costs a scroll, not a forced layout.
        el.scrollTop += box.top - root.top - Math.min(box.height * 3, root.height / 3);
      },
      { root: el, threshold: [0, 0.99] },
    );
    observer.current = io;
    return () => {
      io.disconnect();
      observer.current = null;
      watched.current = null;
    };
  }, [list, store]);
  useEffect(() => {
    const io = observer.current;
    const line = list.current?.querySelector('[aria-current="step"]') ?? null;
    if (!io || line === watched.current) return;
    if (watched.current) io.unobserve(watched.current);
    watched.current = line;
    pending.current = line !== null;
    observedAt.current = store.getState().cursor;
    if (line) io.observe(line);
  }, [list, key, store]);
}

/** From this many lines a listing is windowed by the browser (threads.css, `.code--windowed`). */
const WINDOWED_FROM = 80;

export const CodeListing = memo(function CodeListing(props: CodeListingProps) {
  const { thread, code, helper, currentLine, lastLine } = props;
  const listRef = useRef<HTMLOListElement>(null);
  useKeepInView(listRef, `${currentLine ?? ''}:${helper?.name ?? ''}`, useSimApi());
  const windowed = code.lines.length + (helper?.lines.length ?? 0) >= WINDOWED_FROM;

  return (
    <ol
      ref={listRef}
      className={windowed ? 'code code--windowed' : 'code'}
      aria-label={`Code of ${thread}`}
      data-testid={`thread.${thread}.code`}
      tabIndex={0}
    >
      <Lines block={code} currentLine={currentLine} lastLine={lastLine} />
      {helper && <Lines block={helper} currentLine={currentLine} lastLine={lastLine} helper />}
    </ol>
  );
});
