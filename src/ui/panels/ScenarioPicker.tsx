// The scenario picker: a labelled select over the built-in scenarios. ← / → on it switch nothing
// (a student reaching for the step keys must not lose the lesson). The closed select shows the
// lesson's title on up to two lines (a native select would cut it mid-word in a narrow bar): the
// select itself lies, transparent, over that text, so a click, the keyboard and a screen reader
// meet the real select (its name stays "Scenario").
import { useId } from 'react';
import type { ScenarioChoice } from '../../session/catalog';

interface ScenarioPickerProps {
  readonly scenarios: readonly ScenarioChoice[];
  readonly current: string | null;
  readonly onChange: (id: string) => void;
}

export function ScenarioPicker({ scenarios, current, onChange }: ScenarioPickerProps) {
  const id = useId();
  const chosen = scenarios.find((s) => s.id === current);
  const known = chosen !== undefined;
  const shown = chosen?.title ?? 'Choose a scenario…';
  return (
    <label className="controls__field controls__scenario" htmlFor={id}>
      <span className="visually-hidden">Scenario</span>
      <span className="controls__scenario-shown" aria-hidden="true" data-testid="scenario.shown">
        <span className="controls__scenario-text">{shown}</span>
      </span>
      <select
        id={id}
        data-testid="scenario.picker"
        value={known && current !== null ? current : ''}
        title={chosen ? `Scenario: ${chosen.title}` : 'Scenario'}
        // ← / → on a closed select would switch lessons: here they do nothing (↑ / ↓ still pick).
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') e.preventDefault();
        }}
        onChange={(e) => onChange(e.target.value)}
      >
        {!known && (
          <option value="" disabled>
            Choose a scenario…
          </option>
        )}
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}
