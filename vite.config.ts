import { existsSync, readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import dts from "vite-plugin-dts";

// The optional stylesheet ships as-is: plain CSS on --rtvi-* variables, no build step. Its
// empty declaration lets `import "rtvi-react-kit/styles.css"` type-check under TypeScript's
// noUncheckedSideEffectImports (on by default since 6.0) without the user declaring `*.css`.
function copyStyles(): Plugin {
  return {
    name: "rtvi-copy-styles",
    generateBundle() {
      if (!existsSync("src/styles.css")) return;
      this.emitFile({ type: "asset", fileName: "styles.css", source: readFileSync("src/styles.css", "utf8") });
      this.emitFile({ type: "asset", fileName: "styles.css.d.ts", source: "export {};\n" });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    dts({ include: ["src"], exclude: ["**/*.test.*"], tsconfigPath: "./tsconfig.build.json", bundleTypes: true }),
    copyStyles(),
  ],
  build: {
    lib: {
      entry: { index: "src/index.ts", testing: "src/testing.ts" },
      formats: ["es"],
    },
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      external: (id) => /^(react|react-dom|zustand|@radix-ui\/|@pipecat-ai\/)/.test(id),
      output: {
        // React files keep "use client" for React Server Components frameworks (the index and
        // every React module, since bundlers may import a module past the index); the
        // framework-free store, audio and testing modules get none.
        banner: (chunk) => ((chunk.isEntry && chunk.name === "index") || /^(components|hooks|provider)\//.test(chunk.name) ? '"use client";' : ""),
        // One file per module: a consumer's bundler drops what the app does not import, as it
        // does from the sources (one bundled index.js kept ~6 KB of unused code in a typical app).
        preserveModules: true,
        preserveModulesRoot: "src",
      },
    },
  },
});
