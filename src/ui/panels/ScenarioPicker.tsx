// The scenario picker: a labelled select over the built-in scenarios. ← / → on it switch nothing
// (a student reaching for the step keys must not lose the lesson).
import { useId } from 'react';
import type { ScenarioChoice } from '../../session/catalog';

interface ScenarioPickerProps {
  readonly scenarios: readonly ScenarioChoice[];
  readonly current: string | null;
  readonly onChange: (id: string) => void;
}

export function ScenarioPicker({ scenarios, current, onChange }: ScenarioPickerProps) {
  const id = useId();
  const known = scenarios.some((s) => s.id === current);
  return (
    <label className="controls__field controls__scenario" htmlFor={id}>
      <span className="visually-hidden">Scenario</span>
      <select
        id={id}
        data-testid="scenario.picker"
        value={known && current !== null ? current : ''}
        title="Scenario"
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
