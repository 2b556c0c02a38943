import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/react-vite";
import { mergeConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");
// The RTVI session fixtures are the project's own files, shared with the unit tests.
const fixtures = resolve(repoRoot, "test/fixtures/rtvi");

const config: StorybookConfig = {
  stories: ["../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: {
    name: "@storybook/react-vite",
    // The root vite.config.ts is the library build (d.ts bundling, lib mode): Storybook gets its own.
    options: { builder: { viteConfigPath: ".storybook/vite.config.ts" } },
  },
  typescript: {
    // Props tables from the components' TypeScript types and TSDoc, including inherited
    // props of our own interfaces but not the hundreds of DOM attributes.
    reactDocgen: "react-docgen-typescript",
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Applied for `storybook dev`, `storybook build` and the vitest story tests alike.
    return mergeConfig(viteConfig, {
      resolve: {
        // Stories import the kit as a user would; these point the package names at the source.
        alias: [
          { find: /^@fixtures\//, replacement: `${fixtures}/` },
          { find: /^rtvi-react-kit$/, replacement: resolve(repoRoot, "src/index.ts") },
          { find: /^rtvi-react-kit\/testing$/, replacement: resolve(repoRoot, "src/testing.ts") },
          { find: /^rtvi-react-kit\/styles\.css$/, replacement: resolve(repoRoot, "src/styles.css") },
        ],
      },
      server: { fs: { allow: [repoRoot] } },
    });
  },
};

export default config;
