// The decoder's inputs: the word (and a second word for two-word kinds) with the base it was read
// in, the kind and the ABI.
import { useId } from 'react';
import { WORD_KINDS, wordCount } from '../../kernel/abi/kinds';
import type { WordKind } from '../../kernel/abi/kinds';
import { ABIS } from '../../kernel/abi/word';
import type { Abi } from '../../kernel/abi/word';
import { baseRead } from './baseRead';
import type { DecoderInput } from './decoderQuery';
import { KIND_NAMES } from './kindNames';

interface DecoderControlsProps {
  readonly input: DecoderInput;
  readonly invalid: boolean;
  readonly errorId: string;
  readonly onChange: (change: Partial<DecoderInput>) => void;
}

function isKind(value: string): value is WordKind {
  return (WORD_KINDS as readonly string[]).includes(value);
}

function isAbi(value: string): value is Abi {
  return (ABIS as readonly string[]).includes(value);
}

export function DecoderControls({ input, invalid, errorId, onChange }: DecoderControlsProps) {
  const id = useId();
  const two = wordCount(input.kind) === 2;
  const describedBy = invalid ? errorId : undefined;
  return (
    <div className="decoder-controls">
      <div className="control control--word">
        <label htmlFor={`${id}-word`}>{two ? 'Word 0' : 'Word'}</label>
        <input
          id={`${id}-word`}
          type="text"
          value={input.word}
          placeholder="0x12340005"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy}
          data-testid="decoder.word"
          onChange={(e) => onChange({ word: e.target.value })}
        />
        <output className="decoder__base" data-testid="decoder.base" htmlFor={`${id}-word`}>
          {baseRead(input.word)}
        </output>
      </div>
      {two && (
        <div className="control control--word">
          <label htmlFor={`${id}-word2`}>Word 1</label>
          <input
            id={`${id}-word2`}
            type="text"
            value={input.word2}
            placeholder="0x300147"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="decoder.word2"
            onChange={(e) => onChange({ word2: e.target.value })}
          />
          <output className="decoder__base" data-testid="decoder.base2" htmlFor={`${id}-word2`}>
            {baseRead(input.word2)}
          </output>
        </div>
      )}
      <div className="control">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={input.kind}
          data-testid="decoder.kind"
          onChange={(e) => {
            if (isKind(e.target.value)) onChange({ kind: e.target.value });
          }}
        >
          {WORD_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={`${id}-abi`}>ABI</label>
        <select
          id={`${id}-abi`}
          value={input.abi}
          data-testid="decoder.abi"
          onChange={(e) => {
            if (isAbi(e.target.value)) onChange({ abi: e.target.value });
          }}
        >
          {ABIS.map((a) => (
            <option key={a} value={a}>
              {a === 'amd64' ? 'amd64 (64-bit)' : 'ia32 (32-bit)'}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
