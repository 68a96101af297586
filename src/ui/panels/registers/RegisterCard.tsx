// One thread's registers: MR0 as a bit strip, MR1..MRn in hex (named by the protocol's struct
// fields when the scenario gives them), changed words marked, the ErrorCode TCR and BR0 decoded.
import { memo } from 'react';
import type { WordKind } from '../../../kernel/abi/kinds';
import { decodeTypedItem } from '../../../kernel/abi/typedItem';
import type { Abi } from '../../../kernel/abi/word';
import { hex } from '../../../kernel/abi/word';
import type { RegisterView, ThreadView } from '../../../store/viewModel';
import { useSim, useSimApi } from '../../hooks/useSim';
import { sameData } from '../sameData';
import { TagStrip } from './TagStrip';
import { WordButton } from './WordButton';

export type CardRole = 'sender' | 'receiver' | 'selected' | null;

interface RegisterCardProps {
  readonly thread: ThreadView;
  readonly abi: Abi;
  readonly role: CardRole;
  /** MR indices that travel in this step's transfer (highlighted as "copied"). */
  readonly copied: number;
  readonly fontSize: number;
  /** Where the card sits (cards shown, a transfer between them, its place): its strip's width. */
  readonly place: string;
}

/**
 * MR i as the decoder reads it: a typed item's two words with the item's kind (a click on either
 * word opens the pair), else the plain word (kind null: the decoder keeps its kind).
 */
function decoderWords(
  r: RegisterView,
  i: number,
  abi: Abi,
): { word: bigint; kind: WordKind | null; word2?: bigint } {
  const { u, t } = r.tag;
  if (r.fpages && i < r.fpages.count) return { word: r.mrs[i] ?? 0n, kind: 'fpage' };
  const plain = { word: r.mrs[i] ?? 0n, kind: null };
  if (i <= u || i > u + t) return plain;
  const first = i - ((i - u - 1) % 2);
  const w0 = r.mrs[first] ?? 0n;
  const w1 = r.mrs[first + 1] ?? 0n;
  const type = decodeTypedItem(w0, w1, abi).type;
  const kind = ITEM_KINDS[type];
  return kind === undefined ? plain : { word: w0, kind, word2: w1 };
}

const ITEM_KINDS: Partial<Record<string, WordKind>> = {
  map: 'mapitem',
  grant: 'grantitem',
  string: 'stringitem',
};

function PinButton({ name }: { readonly name: string }) {
  const store = useSimApi();
  const pinned = useSim((s) => s.pins.includes(name));
  return (
    <button
      type="button"
      className={`regs__pin${pinned ? ' regs__pin--on' : ''}`}
      aria-pressed={pinned}
      title={pinned ? `Unpin ${name}'s registers` : `Keep ${name}'s registers on the panel`}
      data-testid={`regs.${name}.pin`}
      // A control, not part of the picture: the SVG and PNG exports leave it out.
      data-export="omit"
      onClick={() => store.getState().togglePin(name)}
    >
      <span aria-hidden="true">{pinned ? '✓' : '+'}</span> {pinned ? 'pinned' : 'pin'}
    </button>
  );
}

const ROLE_TEXT: Readonly<Record<Exclude<CardRole, null>, string>> = {
  sender: 'sender',
  receiver: 'receiver',
  selected: 'selected',
};

/**
 * The same card: a thread that moved on a line is a new object with equal registers, so the card
 * compares what it shows (the name, the state's words, the registers) rather than the object.
 */
function sameCard(a: RegisterCardProps, b: RegisterCardProps): boolean {
  return (
    a.abi === b.abi &&
    a.role === b.role &&
    a.copied === b.copied &&
    a.fontSize === b.fontSize &&
    a.place === b.place &&
    a.thread.name === b.thread.name &&
    a.thread.stateLabel === b.thread.stateLabel &&
    sameData(a.thread.registers, b.thread.registers)
  );
}

export const RegisterCard = memo(function RegisterCard({
  thread,
  abi,
  role,
  copied,
  fontSize,
  place,
}: RegisterCardProps) {
  const { name, registers: r } = thread;
  const changed = new Set(r.changed);
  const rows = Array.from({ length: Math.max(0, r.shown - 1) }, (_, k) => k + 1);
  return (
    <article
      className={`regs${role ? ` regs--${role}` : ''}`}
      data-testid={`regs.${name}`}
      aria-label={`Registers of ${name}`}
    >
      <header className="regs__head">
        <h3 className="regs__name">{name}</h3>
        {role && <span className={`regs__role regs__role--${role}`}>{ROLE_TEXT[role]}</span>}
        <span className="regs__state">{thread.stateLabel}</span>
        <PinButton name={name} />
      </header>
      <div className={`regs__mr0${changed.has(0) ? ' mr--changed' : ''}`}>
        <span className="regs__mr-name">MR0</span>
        <span className="regs__mr0-what" data-testid={`mr0what.${name}`}>
          {r.fpages ? `${r.typed?.[0] ?? 'fpage'} (back from ${r.fpages.by})` : 'message tag'}
        </span>
        <WordButton
          word={r.mrs[0] ?? 0n}
          kind={r.fpages ? 'fpage' : 'msgtag'}
          abi={abi}
          label={`${name} MR0`}
          testId={`mr.${name}.0`}
          {...(copied > 0 ? { travel: 0 } : {})}
        />
        {changed.has(0) && <ChangedMark />}
      </div>
      {!r.fpages && (
        <TagStrip thread={name} tag={r.tag} abi={abi} fontSize={fontSize} place={place} />
      )}
      <table className="regs__table">
        <tbody>
          {rows.map((i) => {
            const field = r.fieldNames?.[i - 1];
            const inMessage = i <= r.tag.u + r.tag.t || i < (r.fpages?.count ?? 0);
            const classes = ['mr'];
            if (changed.has(i)) classes.push('mr--changed');
            if (!inMessage) classes.push('mr--outside');
            return (
              <tr key={i} className={classes.join(' ')}>
                <th scope="row" className="regs__mr-name">
                  MR{i}
                </th>
                <td className="mr__field" data-testid={`mrfield.${name}.${i}`}>
                  {r.typed?.[i] ?? field ?? ''}
                </td>
                <td>
                  <WordButton
                    {...decoderWords(r, i, abi)}
                    display={r.mrs[i] ?? 0n}
                    abi={abi}
                    label={`${name} MR${i}`}
                    testId={`mr.${name}.${i}`}
                    {...(i < copied ? { travel: i } : {})}
                  />
                </td>
                <td className="mr__mark">{changed.has(i) && <ChangedMark />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="regs__tcrs">
        <div className={r.errorCode ? 'tcr tcr--error' : 'tcr'}>
          <dt>ErrorCode</dt>
          <dd data-testid={`errorcode.${name}`}>
            {r.errorCode ? (
              <>
                <span aria-hidden="true">⚠ </span>
                {r.errorCode.phase} phase: {r.errorCode.description} (code {r.errorCode.code}
                {r.errorCode.offset > 0n ? `, offset ${hex(r.errorCode.offset)}` : ''}){' '}
                <WordButton
                  word={r.errorCode.raw}
                  kind="errorcode"
                  abi={abi}
                  label={`${name} ErrorCode`}
                />
              </>
            ) : (
              <span className="muted">0 — no IPC error</span>
            )}
          </dd>
        </div>
        <div className="tcr">
          <dt>BR0</dt>
          <dd data-testid={`br0.${name}`}>
            {r.br0.summary}{' '}
            <WordButton word={r.br0.raw} kind="acceptor" abi={abi} label={`${name} BR0`} />
          </dd>
        </div>
        {r.timeouts && (
          <div className="tcr">
            <dt>Timeouts</dt>
            <dd data-testid={`timeouts.${name}`}>
              {r.timeouts.text}{' '}
              <WordButton
                word={r.timeouts.raw}
                kind="timeouts"
                abi={abi}
                label={`${name} Timeouts`}
              />
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}, sameCard);

function ChangedMark() {
  return (
    <span className="changed-mark" title="changed in this step">
      <span aria-hidden="true">◆</span>
      <span className="visually-hidden"> changed</span>
    </span>
  );
}
