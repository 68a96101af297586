// A register word as a button: hex on the card, decimal beside it on hover (its title), and a
// click opens it in the word decoder with its kind and the scenario's ABI. Memoised (its props are
// words and strings): a card drawn again at a step renders only the words that changed.
import { memo } from 'react';
import type { WordKind } from '../../../kernel/abi/kinds';
import { hex } from '../../../kernel/abi/word';
import type { Abi, Word } from '../../../kernel/abi/word';
import { useSimApi } from '../../hooks/useSim';
import { openInDecoder } from '../../decoder/decoderQuery';

interface WordButtonProps {
  readonly word: Word;
  /** What the word is; null for a plain data word (the decoder keeps the kind it shows). */
  readonly kind: WordKind | null;
  /** The second word of a typed item. */
  readonly word2?: Word;
  readonly abi: Abi;
  readonly label: string;
  readonly testId?: string;
  readonly travel?: number;
  /** The word shown, when the decoder gets another one (the first word of a typed item). */
  readonly display?: Word;
}

export const WordButton = memo(function WordButton(props: WordButtonProps) {
  const { word, kind, word2, abi, label, testId, travel, display } = props;
  const store = useSimApi();
  const text = hex(word);
  // The card shows the register's own word; the decoder may get the typed item's first word.
  const shown = hex(display ?? word);
  const decimal = (display ?? word).toString();
  const open = () => {
    const state = store.getState();
    if (state.hidden.includes('decoder'))
      state.setHidden(state.hidden.filter((p) => p !== 'decoder'));
    openInDecoder({
      abi,
      word: text,
      ...(kind === null ? {} : { kind }),
      ...(word2 === undefined ? {} : { word2: hex(word2) }),
    });
  };
  return (
    <button
      type="button"
      className="mr__word"
      title={`${shown} = ${decimal} (click to open in the word decoder)`}
      aria-label={`${label}: ${shown} = ${decimal}. Open in the word decoder`}
      onClick={open}
    >
      <code className="mr__value" data-testid={testId} data-travel={travel}>
        {shown}
      </code>
    </button>
  );
});
