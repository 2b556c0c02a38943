import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Storybook's own Vite config: React only. The repo's vite.config.ts builds the library
// (lib mode, bundled d.ts), which a component catalogue must not inherit.
export default defineConfig({
  plugins: [react()],
});
