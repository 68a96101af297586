// Control icons as inline SVG (fonts on lecture-hall machines often lack ⏮ ⏭ ⏵), drawn in the
// text colour and hidden from screen readers: every button also has words or an aria-label.
export type IconName = 'first' | 'prev' | 'next' | 'last' | 'play' | 'pause';

const PATHS: Readonly<Record<IconName, string>> = {
  first: 'M3 2h2v12H3zM14 2v12L6 8z',
  prev: 'M12 2v12L4 8z',
  next: 'M4 2v12l8-6z',
  last: 'M11 2h2v12h-2zM2 2v12l8-6z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
};

export function Icon({ name }: { readonly name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
