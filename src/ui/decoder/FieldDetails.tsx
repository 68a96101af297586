// The active field of the bit strip, in words: name, bit range, value and what it means.
import type { BitField } from '../../kernel/abi/layout';
import { hex } from '../../kernel/abi/word';
import { bitCount, bitRange } from './fieldText';

interface FieldDetailsProps {
  /** The field and the title of its word, or null when no band is hovered or focused. */
  readonly active: { readonly field: BitField; readonly word: string } | null;
}

export function FieldDetails({ active }: FieldDetailsProps) {
  return (
    <section className="field-details" aria-live="polite" data-testid="decoder.details">
      <h3 className="field-details__heading">Field details</h3>
      {active === null ? (
        <p className="field-details__hint">
          Point at a band of the strip, or press Tab to reach one (← → move between bands).
        </p>
      ) : (
        <FieldDescription field={active.field} word={active.word} />
      )}
    </section>
  );
}

function FieldDescription({ field, word }: { readonly field: BitField; readonly word: string }) {
  const msb = field.lsb + field.width - 1;
  return (
    <>
      <p className="field-details__name" data-testid="decoder.details.name">
        <code>{field.name}</code> <span className="field-details__word">in {word}</span>
      </p>
      <dl className="field-details__facts">
        <dt>Bits</dt>
        <dd data-testid="decoder.details.bits">
          {bitRange(msb, field.lsb)} ({bitCount(field.width)})
        </dd>
        <dt>Value</dt>
        <dd data-testid="decoder.details.value">
          <code>{field.display}</code>
          {field.display !== hex(field.value) && (
            <span className="field-details__raw"> (raw {hex(field.value)})</span>
          )}
        </dd>
      </dl>
      <p className="field-details__description" data-testid="decoder.details.description">
        {field.description}
      </p>
    </>
  );
}
