// A thread's C code with line numbers; the line that runs next is marked with ▶, a highlight and
// aria-current="step", and kept in view inside the listing (the page itself does not scroll).
// While the thread runs in a helper function, that function is listed under the thread's own code.
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { CodeBlock } from '../../../store/viewModel';
import { shownLines } from './codeText';

interface CodeListingProps {
  readonly thread: string;
  readonly code: CodeBlock;
  /** Helper functions of the scenario. */
  readonly functions: readonly CodeBlock[] | undefined;
  readonly currentLine: number | null;
}

/** The element is in a subtree the browser skips (content-visibility: auto, out of view). */
function isSkipped(el: Element): boolean {
  return (
    typeof el.checkVisibility === 'function' && !el.checkVisibility({ contentVisibilityAuto: true })
  );
}

const inBlock = (block: CodeBlock, line: number) =>
  line >= block.firstLine && line < block.firstLine + block.lines.length;

function Lines({
  block,
  currentLine,
}: {
  readonly block: CodeBlock;
  readonly currentLine: number | null;
}) {
  const shown = useMemo(() => shownLines(block.firstLine, block.lines), [block]);
  return shown.map(({ line, text }) => {
    const current = line === currentLine;
    return (
      <li
        key={line}
        className={current ? 'code__line code__line--current' : 'code__line'}
        {...(current ? { 'aria-current': 'step' as const } : {})}
        data-line={line}
      >
        <span className="code__no" aria-hidden="true">
          {line}
        </span>
        <span className="code__mark" aria-hidden="true">
          {current ? '▶' : ''}
        </span>
        <code className="code__text">{text || ' '}</code>
      </li>
    );
  });
}

export const CodeListing = memo(function CodeListing(props: CodeListingProps) {
  const { thread, code, functions, currentLine } = props;
  const helper =
    currentLine === null || inBlock(code, currentLine)
      ? undefined
      : functions?.find((f) => f.name !== code.name && inBlock(f, currentLine));
  const listRef = useRef<HTMLOListElement>(null);
  const mounted = useRef(false);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return undefined;
    const reveal = () => {
      const current = list.querySelector<HTMLElement>('[aria-current="step"]');
      if (!current) return;
      const box = list.getBoundingClientRect();
      const line = current.getBoundingClientRect();
      const stickyNow = list.querySelector('.code__helper')?.getBoundingClientRect().height ?? 0;
      if (line.top >= box.top + stickyNow && line.bottom <= box.bottom) return;
      // Out of view: bring its first row a little below the top, one line of context above it.
      const row = parseFloat(getComputedStyle(list).lineHeight) || 20;
      list.scrollTop += line.top - box.top - stickyNow - Math.min(row * 1.2, box.height / 3);
    };
    let resize: ResizeObserver | null = null;
    const keepInView = () => {
      reveal();
      // Wrapping changes when the layout settles or the window resizes: keep the line in view.
      if (typeof ResizeObserver !== 'function') return;
      resize = new ResizeObserver(reveal);
      resize.observe(list);
      const current = list.querySelector('[aria-current="step"]');
      if (current) resize.observe(current);
    };
    // A column scrolled out of the threads panel is not laid out (content-visibility): measuring
    // it would lay it out at every step. Its line is brought into view when it is scrolled in.
    // (On the first render the browser has not yet decided what is out of view: measure.)
    let shown: IntersectionObserver | null = null;
    const skipped = mounted.current && isSkipped(list);
    mounted.current = true;
    if (skipped && typeof IntersectionObserver === 'function') {
      shown = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        shown?.disconnect();
        keepInView();
      });
      shown.observe(list);
    } else keepInView();
    return () => {
      shown?.disconnect();
      resize?.disconnect();
    };
  }, [currentLine]);

  return (
    <ol
      ref={listRef}
      className="code"
      aria-label={`Code of ${thread}`}
      data-testid={`thread.${thread}.code`}
      tabIndex={0}
    >
      <Lines block={code} currentLine={currentLine} />
      {helper && (
        <>
          <li className="code__helper" aria-hidden="true">
            called: {helper.name}()
          </li>
          <Lines block={helper} currentLine={currentLine} />
        </>
      )}
    </ol>
  );
});
