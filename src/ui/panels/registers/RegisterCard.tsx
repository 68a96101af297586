// One thread's registers: MR0 as a bit strip, MR1..MRn in hex (named by the protocol's struct
// fields when the scenario gives them), changed words marked, the ErrorCode TCR and BR0 decoded.
import { memo } from 'react';
import type { Abi } from '../../../kernel/abi/word';
import { hex } from '../../../kernel/abi/word';
import type { ThreadView } from '../../../store/viewModel';
import { TagStrip } from './TagStrip';

export type CardRole = 'sender' | 'receiver' | 'selected' | null;

interface RegisterCardProps {
  readonly thread: ThreadView;
  readonly abi: Abi;
  readonly role: CardRole;
  /** MR indices that travel in this step's transfer (highlighted as "copied"). */
  readonly copied: number;
  readonly fontSize: number;
}

const ROLE_TEXT: Readonly<Record<Exclude<CardRole, null>, string>> = {
  sender: 'sender',
  receiver: 'receiver',
  selected: 'selected',
};

export const RegisterCard = memo(function RegisterCard({
  thread,
  abi,
  role,
  copied,
  fontSize,
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
      </header>
      <div className={`regs__mr0${changed.has(0) ? ' mr--changed' : ''}`}>
        <span className="regs__mr-name">MR0</span>
        <span className="regs__mr0-what">message tag</span>
        <code
          className="mr__value"
          data-testid={`mr.${name}.0`}
          data-travel={copied > 0 ? 0 : undefined}
        >
          {hex(r.mrs[0] ?? 0n)}
        </code>
        {changed.has(0) && <ChangedMark />}
      </div>
      <TagStrip thread={name} tag={r.tag} abi={abi} fontSize={fontSize} />
      <table className="regs__table">
        <tbody>
          {rows.map((i) => {
            const field = r.fieldNames?.[i - 1];
            const inMessage = i <= r.tag.u + r.tag.t;
            const classes = ['mr'];
            if (changed.has(i)) classes.push('mr--changed');
            if (!inMessage) classes.push('mr--outside');
            return (
              <tr key={i} className={classes.join(' ')}>
                <th scope="row" className="regs__mr-name">
                  MR{i}
                </th>
                <td className="mr__field">
                  {field ?? (i <= r.tag.u ? '' : i <= r.tag.u + r.tag.t ? 'typed' : '')}
                </td>
                <td>
                  <code
                    className="mr__value"
                    data-testid={`mr.${name}.${i}`}
                    data-travel={i < copied ? i : undefined}
                  >
                    {hex(r.mrs[i] ?? 0n)}
                  </code>
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
                <code>{hex(r.errorCode.raw)}</code>
              </>
            ) : (
              <span className="muted">0 — no IPC error</span>
            )}
          </dd>
        </div>
        <div className="tcr">
          <dt>BR0</dt>
          <dd data-testid={`br0.${name}`}>
            {r.br0.summary} <code>{hex(r.br0.raw)}</code>
          </dd>
        </div>
      </dl>
    </article>
  );
});

function ChangedMark() {
  return (
    <span className="changed-mark" title="changed in this step">
      <span aria-hidden="true">◆</span>
      <span className="visually-hidden"> changed</span>
    </span>
  );
}
