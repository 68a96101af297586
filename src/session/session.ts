// The session: everything between the page and the store that is not rendering — the catalog, the
// scenario opened from the address (with its fallback), the rest of a long run recorded in idle
// time, playback's clock, the address kept in step, and the commands. Vanilla and testable: the
// host's timers and address come in as ports (ports.ts); React only subscribes (ui/hooks/useSession).
import { createSimStore } from '../store/createSimStore';
import type { SimInit, SimStoreApi } from '../store/createSimStore';
import type { FileMap } from '../lang';
import { lessonPath, newScenario } from '../scenarios';
import type { NewFrom } from '../scenarios';
import type { OpenResult, ScenarioCatalog } from './catalog';
import { runCommand } from './commands';
import type { CommandContext, RunResult } from './commands';
import { lazyActor } from './lazyActor';
import type { SessionActor, SessionPhase, SessionView } from './lazyActor';
import { requestFromAddress } from './openRequest';
import { initialSessionContext } from './sessionContext';
import { drivePlayback } from './playback';
import type { LocationPort, Scheduler } from './ports';
import { memoryDrafts } from './drafts';
import type { DraftPort } from './drafts';
import { previewRequest, showPreview } from './preview';
import type { PreviewPorts } from './preview';
import { openSharedCode } from './sharedCode';
import { syncUrl } from './urlSync';
import { resolveEmbed } from './url/embedSettings';
import type { EmbedSettings } from './url/embedSettings';
import { readAddressOptions } from './url/options';

export interface SessionDeps {
  readonly loadCatalog: () => Promise<ScenarioCatalog>;
  readonly scheduler: Scheduler;
  readonly location: LocationPort;
  /** The page runs inside a frame (embed mode is then the default). */
  readonly framed?: boolean;
  /** Store options (view options from the address come on top); or a store to use. */
  readonly init?: SimInit;
  readonly store?: SimStoreApi;
  /** Where drafts are kept (the page: localStorage); in memory when not given. */
  readonly drafts?: DraftPort;
  /**
   * The worker's preview of the first lesson (preview.ts): shown, and painted, before the catalog
   * is loaded. Without it the catalog loads at once.
   */
  readonly preview?: PreviewPorts;
}

export interface TextOpen {
  readonly id?: string;
  readonly step?: number;
  readonly maxSteps?: number;
  readonly files?: FileMap;
  readonly path?: string;
}

export type SessionSnapshot = SessionView;
export type { SessionPhase };

export interface Session {
  readonly store: SimStoreApi;
  /** Embed mode, keyboard policy, deck dialect, parent origin, autoplay: fixed for the load. */
  readonly embed: EmbedSettings;
  readonly commands: CommandContext;
  readonly actor: SessionActor;
  readonly drafts: DraftPort;
  /** Runs a command by name with arguments from outside (checked); says why when it cannot. */
  run(name: string, args?: unknown): RunResult;
  /** Opens a built-in scenario (the picker). */
  open(id: string, step?: number): void;
  /**
   * Opens a scenario given as text under `id` (a draft, a generated run), with its own files; the
   * promise gives what the catalog said (diagnostics included). A failed text leaves the last good
   * run on show; a step past the new run's end shows its last step.
   */
  openText(text: string, options?: TextOpen): Promise<OpenResult>;
  /** Resolves once the session is `ready` or `failed` (tests, the bench). */
  settled(): Promise<SessionPhase>;
  /** Stops recording, playback and URL sync. */
  dispose(): void;
}

export function createSession(deps: SessionDeps): Session {
  const { scheduler, location } = deps;
  const address = readAddressOptions(location.search(), location.hash());
  const o = address.options;
  const embed = resolveEmbed(o, deps.framed ?? false);
  const store =
    deps.store ??
    createSimStore({
      ...deps.init,
      controls: o.controls ?? embed.defaultControls,
      ...(o.theme !== undefined ? { theme: o.theme === 'auto' ? null : o.theme } : {}),
      ...(o.fontScale !== undefined ? { fontScale: o.fontScale } : {}),
      ...(o.granularity !== undefined ? { granularity: o.granularity } : {}),
      hidden: o.hidden ?? embed.defaultHidden,
      ...(o.speed !== undefined ? { speed: o.speed } : {}),
      ...(o.animate === false ? { animate: false } : {}),
    });

  const first = requestFromAddress(address);
  const wanted = deps.preview ? previewRequest(first, location.hash()) : null;
  // The preview, if any, is on screen before the catalog is asked for; the machine is told of it
  // (PREVIEWED) so that the whole run takes its place without moving the cursor.
  const previewed =
    wanted === null || deps.preview === undefined
      ? Promise.resolve()
      : showPreview(store, wanted, deps.preview, scheduler, (source) =>
          actor.send({ type: 'PREVIEWED', source }),
        );

  // The statechart and XState come in their own chunk once the preview (or nothing) is painted.
  const actor = lazyActor(
    initialSessionContext(store, first),
    () =>
      previewed.then(() => {
        // Both chunks at once: the statechart's and the catalog's.
        const catalog = deps.loadCatalog();
        catalog.catch(() => undefined); // told by the machine's `loading`
        return import('./sessionActor').then((m) =>
          m.sessionActor({ store, request: first, loadCatalog: () => catalog, scheduler }),
        );
      }),
    (error) =>
      store
        .getState()
        .setNotice(
          `The scenarios could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        ),
  );

  const drafts = deps.drafts ?? memoryDrafts();
  const open = (id: string, step = 0) => {
    // A built-in opened from the picker: the editor then starts from it (or from its draft).
    store.getState().setCode(null);
    actor.send({ type: 'OPEN', request: { kind: 'id', id, step, fallback: false } });
  };
  const newCode = (from: NewFrom) => {
    const s = store.getState();
    const files = actor.getSnapshot().context.catalog?.files ?? {};
    const id = s.scenarioId ?? 'draft';
    const text =
      s.code !== null && s.code.key === id
        ? s.code.workspace.own[s.code.workspace.path]
        : files[lessonPath(id)];
    const lesson = from === 'lesson' && text !== undefined ? { id, text } : null;
    if (from === 'lesson' && lesson === null) return null;
    return newScenario(
      lesson,
      drafts.list().map((d) => d.key),
    );
  };
  const commands: CommandContext = { store, openScenario: open, newCode };
  const stops = [drivePlayback(store, scheduler), syncUrl(store, location, scheduler, embed)];

  const session: Session = {
    store,
    embed,
    commands,
    actor,
    drafts,
    run: (name, args) => runCommand(commands, name, args),
    open,
    openText(text, options = {}) {
      return new Promise<OpenResult>((resolve) => {
        // Told once the catalog answers; resolved once the session has shown (or kept) a run.
        const reply = (result: OpenResult) => {
          const sub = actor.subscribe((snap) => {
            if (snap.matches('opening')) return;
            sub.unsubscribe();
            resolve(result);
          });
        };
        actor.send({
          type: 'OPEN',
          request: {
            kind: 'text',
            text,
            id: options.id ?? 'draft',
            step: options.step ?? 0,
            reply,
            ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
            ...(options.files !== undefined ? { files: options.files } : {}),
            ...(options.path !== undefined ? { path: options.path } : {}),
          },
        });
      });
    },
    settled() {
      return new Promise((resolve) => {
        const check = (s: SessionSnapshot) => {
          if (s.matches('ready') || s.matches('failed')) {
            sub.unsubscribe();
            resolve(s.value);
          }
        };
        const sub = actor.subscribe(check);
        check(actor.getSnapshot());
      });
    },
    dispose() {
      actor.stop();
      for (const stop of stops) stop();
    },
  };
  void openSharedCode(store, location.hash(), o, () => session.settled());
  return session;
}
