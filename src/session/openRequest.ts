// What the session is asked to open, and the pure step from a request to what the store shows:
// the wanted scenario, or the default one with a notice saying why.
import type { FileMap } from '../lang';
import { MAX_RECORDED_STEPS, recordLimitMessage } from '../scenarios/limits';
import type { OpenResult, ScenarioCatalog } from './catalog';
import { FIRST_STEPS } from './recordInParts';
import { STEP_NUMBER } from './stepNumber';
import type { ReadOptions } from './url/options';

export type OpenRequest =
  | {
      readonly kind: 'id';
      /** The lesson's id; null for the catalog's default. */
      readonly id: string | null;
      /** The step to show; NaN when the address held something that is not a step. */
      readonly step: number;
      /** Open the default lesson instead when this one cannot be opened (the first load). */
      readonly fallback: boolean;
      /** A remark to show with it (options of the address that were not understood). */
      readonly notice?: string;
    }
  | {
      readonly kind: 'text';
      readonly text: string;
      /** The id the store and the address give it. */
      readonly id: string;
      readonly step: number;
      readonly maxSteps?: number;
      /** Its own files (what its `#include`s read before the built-ins) and its path among them. */
      readonly files?: FileMap;
      readonly path?: string;
      /** Told the result, whatever it is (the editor reads the diagnostics from it). */
      readonly reply?: (result: OpenResult) => void;
    };

export type Opened =
  | {
      readonly ok: true;
      readonly result: OpenResult & { readonly ok: true };
      readonly id: string;
      readonly step: number;
      /** Why this is not what was asked for, or a remark on the step; null when all is well. */
      readonly notice: string | null;
    }
  | { readonly ok: false; readonly message: string };

/** The open the address asks for: its scenario (or the default) at its step. */
export function requestFromAddress({ options, notices }: ReadOptions): OpenRequest {
  return {
    kind: 'id',
    id: options.scenario ?? null,
    step: options.step ?? 0,
    fallback: true,
    ...(notices.length ? { notice: notices.join(' ') } : {}),
  };
}

/** The one rule (stepNumber.ts): `-1`, `1e20`, `Infinity`, `NaN`, 100,000 nines all show step 0. */
const NOT_A_STEP = `The step in the address is not ${STEP_NUMBER}; showing step 0.`;

/** What a run that ran into the step cap says (at MAX_RECORDED_STEPS: that no run keeps more). */
export const capNotice = (steps: number): string =>
  steps >= MAX_RECORDED_STEPS
    ? recordLimitMessage()
    : `The run stopped at the step cap (${steps.toLocaleString('en')} steps) before it finished, went idle or deadlocked.`;

/** Opens `request` from `catalog`; falls back to the default lesson when the request says so. */
export async function openRequest(catalog: ScenarioCatalog, request: OpenRequest): Promise<Opened> {
  const badStep = Number.isNaN(request.step);
  const step = badStep ? 0 : Math.max(0, request.step);
  const firstSteps = Math.max(FIRST_STEPS, Math.min(step, Number.MAX_SAFE_INTEGER - 1) + 1);
  const id = request.id ?? catalog.defaultId;
  const result =
    request.kind === 'id'
      ? await catalog.open(id, { firstSteps, showStep: step })
      : await catalog.openText(request.text, {
          firstSteps,
          showStep: step,
          ...(request.maxSteps !== undefined ? { maxSteps: request.maxSteps } : {}),
          ...(request.files !== undefined ? { files: request.files } : {}),
          ...(request.path !== undefined ? { path: request.path } : {}),
        });
  const remark = request.kind === 'id' ? (request.notice ?? null) : null;
  if (request.kind === 'text') request.reply?.(result);
  if (result.ok) {
    const shown = request.kind === 'text' ? Math.min(step, result.source.length - 1) : step;
    const capped = result.capped === true ? capNotice(result.source.length - 1) : null;
    return {
      ok: true,
      result,
      id,
      step: shown,
      notice: joined(badStep ? NOT_A_STEP : capped, remark),
    };
  }
  if (request.kind === 'text' || !request.fallback || id === catalog.defaultId)
    return { ok: false, message: result.message };
  const fallback = await catalog.open(catalog.defaultId, { firstSteps: FIRST_STEPS, showStep: 0 });
  if (!fallback.ok) return { ok: false, message: `${result.message} ${fallback.message}` };
  return {
    ok: true,
    result: fallback,
    id: catalog.defaultId,
    step: 0,
    notice: joined(`${result.message} Showing "${catalog.defaultId}" instead.`, remark),
  };
}

function joined(...notices: readonly (string | null)[]): string | null {
  const some = notices.filter((n): n is string => n !== null && n !== '');
  return some.length ? some.join(' ') : null;
}
