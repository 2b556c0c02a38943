import type { Preview } from "@storybook/react-vite";
import "rtvi-react-kit/styles.css";
import "../stories/support/stories.css";
import { endScriptedSession, scriptedSessionLoader, withScriptedSession, withTheme } from "../stories/support/session";

const preview: Preview = {
  tags: ["autodocs"],
  // The provider sits inside the theme wrapper, so theme changes never rebuild the session.
  decorators: [withScriptedSession, withTheme],
  loaders: [scriptedSessionLoader],
  beforeEach: endScriptedSession,
  globalTypes: {
    theme: {
      description: "The kit stylesheet's theme (data-rtvi-theme on the story's wrapper)",
      toolbar: {
        title: "Theme",
        icon: "contrast",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "fullscreen",
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    // axe runs on every story; a violation fails its test (npm run test:stories).
    a11y: { test: "error" },
    docs: { codePanel: true },
  },
};

export default preview;
