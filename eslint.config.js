import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "storybook-static", ".tmp", "test/consumer/node_modules", "node_modules", "example-app/dist", "example-app/node_modules", "bench/results", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["**/*.{js,mjs,cjs}"], languageOptions: { globals: { ...globals.node } } },
  // Scripts injected into or evaluated in a browser page.
  { files: ["test/browser/**/*.js", "test/stories/**/*.mjs", "bench/**/*.{js,mjs}"], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Two layers: the store, audio and testing code never import React (DESIGN.md §9.1).
    files: ["src/store/**", "src/audio/**", "src/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom", "zustand"].map((name) => ({ name, message: "src/store, src/audio and src/testing stay framework-free (zustand/vanilla is fine)." })),
          patterns: [{ group: ["react/*", "react-dom/*", "@radix-ui/*"], message: "src/store, src/audio and src/testing stay framework-free." }],
        },
      ],
    },
  },
);
