// The share link with the learner's code: when the editor holds code for the scenario on show that
// differs from the lesson, the link carries it in its fragment (url/codeFragment.ts), compressed
// off the render path; the dialog says how long the link is.
import { useEffect, useMemo, useState } from 'react';
import { changedFrom } from '../../scenarios';
import { encodeCodeFragment } from '../../session/url/codeFragment';
import { withCodeFragment } from '../../session/url/links';
import { useSessionState } from '../hooks/useSession';
import { useSim } from '../hooks/useSim';

export type CodeLink =
  | { readonly kind: 'lesson' }
  | { readonly kind: 'packing' }
  | { readonly kind: 'code'; readonly href: string }
  | { readonly kind: 'failed'; readonly message: string };

export function useCodeLink(base: string): CodeLink {
  const code = useSim((s) => (s.code !== null && s.code.key === s.scenarioId ? s.code : null));
  const builtins = useSessionState((s) => s.context.catalog?.files);
  const carries = useMemo(
    () => code !== null && changedFrom(code.workspace, builtins ?? {}),
    [code, builtins],
  );
  const [packed, setPacked] = useState<{ readonly for: unknown; readonly link: CodeLink } | null>(
    null,
  );
  useEffect(() => {
    if (!carries || code === null) return undefined;
    let live = true;
    const { path, own } = code.workspace;
    encodeCodeFragment({ path, files: own }).then(
      (fragment) => live && setPacked({ for: code, link: { kind: 'code', href: fragment } }),
      (error: unknown) =>
        live &&
        setPacked({
          for: code,
          link: { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      live = false;
    };
  }, [carries, code]);
  if (!carries) return { kind: 'lesson' };
  if (packed === null || packed.for !== code) return { kind: 'packing' };
  return packed.link.kind === 'code'
    ? { kind: 'code', href: withCodeFragment(base, packed.link.href) }
    : packed.link;
}
