/** CLI: `npm run standin` in example-app. A Gemini Live look-alike on STANDIN_PORT (default 8765). */
import { createLogger } from "../logger.js";
import { startStandIn } from "./server.js";

const port = Number(process.env.STANDIN_PORT || 8765);
const understand = process.env.STANDIN_UNDERSTAND !== "0";
const standIn = await startStandIn({ host: process.env.STANDIN_HOST || "127.0.0.1", port, logger: createLogger({}), understand });
console.log(`Gemini Live stand-in on ${standIn.url} (speaks with ${standIn.engine}${standIn.demo.understands ? ", understands speech" : ""})`);
console.log(`  point the bot server at it: GEMINI_API_KEY=any GEMINI_WS_URL=${standIn.baseUrl} npm run server`);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void standIn.close().then(() => process.exit(0)));
