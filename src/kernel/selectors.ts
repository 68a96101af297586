/** Read-only views of a world for the UI, the CLI and tests. */
import type { Thread, World } from './types';

export function threadByName(world: World, name: string): Thread | undefined {
  return world.threads.find((t) => t.name === name);
}
