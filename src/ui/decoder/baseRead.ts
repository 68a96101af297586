// Which base a typed word was read in, for the words under the decoder's field: `0x…` is hex,
// plain digits are decimal (shown with their hex), anything else is not a number (the error says
// so). A user who types `12340005` meaning hex sees at once that it was read as decimal.
import { isNumberText } from '../../kernel/abi/kinds';
import { hex } from '../../kernel/abi/word';

export function baseRead(text: string): string {
  const t = text.trim();
  if (t === '' || !isNumberText(t)) return '';
  if (/^0[xX]/.test(t)) return 'read as hex';
  return `read as decimal = ${hex(BigInt(t))}`;
}
