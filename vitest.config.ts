import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const nm = (p: string) => fileURLToPath(new URL(`./node_modules/${p}`, import.meta.url));

// React 18 runs the same unit suite through npm aliases (react-18, react-dom-18). Libraries
// that import React are inlined so they resolve the alias too, never a second React.
const react18 = [
  { find: /^react$/, replacement: nm("react-18/index.js") },
  { find: /^react\/jsx-runtime$/, replacement: nm("react-18/jsx-runtime.js") },
  { find: /^react\/jsx-dev-runtime$/, replacement: nm("react-18/jsx-dev-runtime.js") },
  { find: /^react-dom$/, replacement: nm("react-dom-18/index.js") },
  { find: /^react-dom\/client$/, replacement: nm("react-dom-18/client.js") },
  { find: /^react-dom\/server$/, replacement: nm("react-dom-18/server.node.js") },
  { find: /^react-dom\/test-utils$/, replacement: nm("react-dom-18/test-utils.js") },
  // Its CommonJS build would require() React DOM 19 past the aliases; the ESM build imports.
  { find: /^@testing-library\/react$/, replacement: nm("@testing-library/react/dist/@testing-library/react.esm.js") },
];

const unit = {
  environment: "jsdom",
  include: ["test/unit/**/*.test.{ts,tsx}"],
  setupFiles: ["test/unit/setup.ts"],
};

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      { extends: true, test: { name: "unit", ...unit } },
      {
        extends: true,
        resolve: { alias: react18 },
        test: {
          name: "unit-react18",
          ...unit,
          execArgv: ["--import", "./test/react18/register.mjs"],
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/globalSetup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "server",
          environment: "node",
          include: ["test/server/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
