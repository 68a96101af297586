// One line for an RPC message read by capnp-es: 'Call #1: get on import 0'.
import type { CapnpMessageView } from '../../../lang';

type Rpc = CapnpMessageView['rpc'];

const METHODS = ['get', 'put', 'bucket'];

export function rpcSummary(r: Rpc): string {
  switch (r.kind) {
    case 'bootstrap':
      return `Bootstrap (question ${r.question})`;
    case 'call': {
      const target =
        r.target.kind === 'import'
          ? `imported capability ${r.target.id}`
          : `promisedAnswer(question ${r.target.question})`;
      return `Call (question ${r.question}): ${METHODS[r.methodId] ?? `method ${r.methodId}`} on ${target}`;
    }
    case 'return':
      return `Return (answer ${r.answer})${r.caps.length > 0 ? `, capTable [senderHosted ${r.caps.join(', ')}]` : ''}`;
    case 'exception':
      return `Return.exception (answer ${r.answer}): "${r.reason}", ${r.type}`;
    case 'finish':
      return `Finish (question ${r.question}, releaseResultCaps = ${r.releaseResultCaps})`;
    case 'other':
      return `a Message with union member ${r.which}`;
    case 'invalid':
      return `words that are not a message: ${r.reason}`;
  }
}
