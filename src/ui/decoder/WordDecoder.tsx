// The word decoder panel: paste a raw word, pick its kind and ABI, see every field, bit by bit.
// Its input lives in the query string, so a link reproduces it.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { wordBits } from '../../kernel/abi/word';
import { replaceQuery } from '../../session/browserPorts';
import { BitStrip } from './BitStrip';
import { DecoderControls } from './DecoderControls';
import { decodeWords } from './decodeWords';
import { decoderQuery, onOpenInDecoder, readDecoderInput } from './decoderQuery';
import type { DecoderInput } from './decoderQuery';
import { FieldDetails } from './FieldDetails';
import { FieldTable } from './FieldTable';
import '../styles/decoder.css';

interface WordDecoderProps {
  /** The page's font scale (1, 1.25, 1.5): the strip's text follows it. */
  readonly fontScale: number;
}

/** A band of a strip: strip index and field index. */
interface BandRef {
  readonly strip: number;
  readonly field: number;
}

export function WordDecoder({ fontScale }: WordDecoderProps) {
  const [input, setInput] = useState<DecoderInput>(() => readDecoderInput(window.location.search));
  const [hovered, setHovered] = useState<BandRef | null>(null);
  const [focused, setFocused] = useState<BandRef | null>(null);
  const id = useId();
  const errorId = `${id}-error`;

  const decoded = useMemo(
    () => decodeWords(input.kind, [input.word, input.word2], input.abi),
    [input],
  );
  useEffect(() => replaceQuery(decoderQuery(input)), [input]);
  // A register word clicked in the register panel arrives here, and the decoder comes into view.
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(
    () =>
      onOpenInDecoder((change) => {
        setHovered(null);
        setInput((prev) => ({ ...prev, ...change }));
        sectionRef.current?.scrollIntoView({ block: 'nearest' });
      }),
    [],
  );

  const activeRef = hovered ?? focused;
  const activeLayout = decoded.ok && activeRef ? decoded.layouts[activeRef.strip] : undefined;
  const activeField = activeRef ? activeLayout?.fields[activeRef.field] : undefined;
  const active =
    activeLayout && activeField ? { field: activeField, word: activeLayout.title } : null;

  return (
    <section
      className="panel decoder"
      aria-labelledby={`${id}-heading`}
      ref={sectionRef}
      data-testid="decoder"
    >
      <h2 id={`${id}-heading`} className="panel__title">
        Word decoder
      </h2>
      <DecoderControls
        input={input}
        invalid={!decoded.ok}
        errorId={errorId}
        onChange={(change) => {
          setHovered(null);
          setInput((prev) => ({ ...prev, ...change }));
        }}
      />
      <div id={errorId} className="decoder__error" role="alert" data-testid="decoder.error">
        {decoded.ok ? '' : decoded.message}
      </div>
      {decoded.ok && (
        <>
          <div className="decoder__strips">
            {decoded.layouts.map((layout, strip) => (
              <BitStrip
                key={strip}
                layout={layout}
                stripIndex={strip}
                wordBits={wordBits(input.abi)}
                fontScale={fontScale}
                activeField={activeRef?.strip === strip ? activeRef.field : null}
                onHover={(field) => setHovered(field === null ? null : { strip, field })}
                onFocusField={(field) => setFocused(field === null ? null : { strip, field })}
              />
            ))}
          </div>
          <div className="decoder__readout">
            <FieldDetails active={active} />
            <FieldTable fields={decoded.fields} />
          </div>
        </>
      )}
    </section>
  );
}
