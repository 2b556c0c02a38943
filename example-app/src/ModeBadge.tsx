import type { DemoInfo, ServerMode } from "./useServerStatus";

const MODE_LABEL: Record<ServerMode, string | null> = {
  gemini: "Gemini Live",
  "offline-demo": "Offline demo bot",
  unknown: null,
  unreachable: "Bot server unreachable",
};

/**
 * Which bot answers. For the offline demo bot the badge opens to say what it can and cannot do on
 * this server (no recogniser, no espeak-ng), so a silent or odd answer is not a mystery.
 */
export function ModeBadge({ mode, demo }: { mode: ServerMode; demo?: DemoInfo }) {
  const label = MODE_LABEL[mode];
  if (!label) return null;
  if (!demo?.limits.length) {
    return (
      <span className="app-mode" data-mode={mode}>
        {label}
      </span>
    );
  }
  return (
    <details className="app-mode-details" data-understands={demo.understands} data-speech={demo.speech}>
      <summary className="app-mode" data-mode={mode}>
        {label}
      </summary>
      <ul className="app-mode-limits">
        {demo.limits.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </details>
  );
}
