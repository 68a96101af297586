// Human names of the word kinds, as the picker shows them.
import type { WordKind } from '../../kernel/abi/kinds';

export const KIND_NAMES: Readonly<Record<WordKind, string>> = {
  msgtag: 'Message tag (MR0)',
  threadid: 'Thread ID',
  fpage: 'Flexpage',
  mapitem: 'Map item',
  grantitem: 'Grant item',
  stringitem: 'String item',
  acceptor: 'Acceptor (BR0)',
  time: 'Time',
  timeouts: 'Timeouts',
  errorcode: 'ErrorCode TCR',
};
