import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const kitSource = fileURLToPath(new URL("../src/", import.meta.url));
// Inside the rtvi-react-kit repository the app uses the kit's source; copied out, it uses
// the published package from node_modules like any other dependency.
const inRepo = existsSync(`${kitSource}index.ts`);
const botServer = process.env.BOT_SERVER_URL ?? "http://127.0.0.1:7860";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: inRepo
      ? [
          { find: /^rtvi-react-kit$/, replacement: `${kitSource}index.ts` },
          { find: /^rtvi-react-kit\/styles\.css$/, replacement: `${kitSource}styles.css` },
        ]
      : [],
    dedupe: ["react", "react-dom", "@pipecat-ai/client-js"],
  },
  // `npm run dev` talks to the bot server started with `npm run server`.
  server: { proxy: { "/start": botServer, "/sessions": botServer, "/api": botServer } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
