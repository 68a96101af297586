// The catalog the app uses: the built-in lessons (src/scenarios), each compiled and run on the
// kernel when first opened; `__fake` stays reachable by URL for the bench.
import { BUILTIN_SCENARIOS } from '../../scenarios/index';
import { openScenarioText } from '../../store/openScenario';
import { createCatalog } from './catalog';

export const defaultCatalog = createCatalog(
  BUILTIN_SCENARIOS.map((s) => ({
    id: s.id,
    title: s.title,
    open: () => {
      const opened = openScenarioText(s.source, s.protocols);
      if (!opened.ok) throw new Error(opened.message);
      return opened.source;
    },
  })),
);
