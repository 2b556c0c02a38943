/**
 * A Node caller that speaks Pipecat's WebSocket transport the way @pipecat-ai/websocket-transport
 * 1.7 does — its own ProtobufFrameSerializer, /start with `{"transport":"websocket"}`, the token
 * appended as `?token=` — without a browser. The server tests and the transport bench drive it.
 */
import { ProtobufFrameSerializer } from "@pipecat-ai/websocket-transport";
import type { RTVIMessage } from "@pipecat-ai/client-js";
import WebSocket from "ws";
import { Waitable, type RtviIn } from "./loopbackClient.js";

export interface WsAudioIn {
  at: number;
  pcm: Int16Array;
}

export interface WsCallerOptions {
  /** Sent on /start and the upgrade, as a browser would. */
  origin?: string;
  /** Bearer token for a server started with START_TOKEN. */
  startToken?: string;
  /** Keep every audio frame in `audio.items` (long bench runs only count them). */
  keepAudio?: boolean;
  /** Where /start is, if not `${baseUrl}/start`. */
  startUrl?: string;
}

/** The client's recorder chunk (WavMediaManager(512, 16000)): 32 ms at 16 kHz. */
export const CHUNK = 512;
const RATE = 16000;

export class WsCaller {
  readonly serializer = new ProtobufFrameSerializer();
  readonly messages = new Waitable<RtviIn>();
  readonly audio: Waitable<WsAudioIn>;
  ws: WebSocket | null = null;
  wsUrl = "";
  audioFrames = 0;
  closeCode: number | null = null;
  private sender: NodeJS.Timeout | null = null;
  /** Audio and messages in the order they arrived (deserialising is async). */
  private chain: Promise<void> = Promise.resolve();
  onAudio: ((a: WsAudioIn) => void) | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly opts: WsCallerOptions = {},
  ) {
    this.audio = new Waitable<WsAudioIn>(opts.keepAudio !== false);
  }

  /** POST /start {"transport":"websocket"}: the connect parameters the client would get. */
  async start(): Promise<{ wsUrl: string; token?: string }> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.opts.origin) headers.origin = this.opts.origin;
    if (this.opts.startToken) headers.authorization = `Bearer ${this.opts.startToken}`;
    const r = await fetch(this.opts.startUrl ?? `${this.baseUrl}/start`, { method: "POST", headers, body: JSON.stringify({ transport: "websocket" }) });
    if (!r.ok) throw new Error(`/start ${r.status} ${await r.text()}`);
    return (await r.json()) as { wsUrl: string; token?: string };
  }

  /** As WebSocketTransport._connect: the token goes on the URL; resolves once open. */
  async connect(params?: { wsUrl: string; token?: string }): Promise<void> {
    const p = params ?? (await this.start());
    const sep = p.wsUrl.includes("?") ? "&" : "?";
    this.wsUrl = p.token ? `${p.wsUrl}${sep}token=${encodeURIComponent(p.token)}` : p.wsUrl;
    const ws = new WebSocket(this.wsUrl, { headers: this.opts.origin ? { origin: this.opts.origin } : {} });
    this.ws = ws;
    ws.on("message", (data: Buffer) => {
      const at = performance.now();
      const blob = new Blob([new Uint8Array(data)]);
      this.chain = this.chain.then(async () => {
        try {
          const f = await this.serializer.deserialize(blob);
          if (f.type === "audio") {
            this.audioFrames++;
            const a = { at, pcm: f.audio };
            this.onAudio?.(a);
            this.audio.push(a);
          } else this.messages.push(f.message as unknown as RtviIn);
        } catch {
          // the client logs and drops what it cannot read; so do we
        }
      });
    });
    ws.on("close", (code) => (this.closeCode = code));
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once("error", reject);
    });
  }

  sendRtvi(type: string, data?: unknown, id?: string): void {
    this.ws?.send(this.serializer.serializeMessage({ label: "rtvi-ai", type, id: id ?? "", data } as unknown as RTVIMessage));
  }

  async ready(): Promise<RtviIn> {
    const id = `ready-${Math.random().toString(36).slice(2)}`;
    this.sendRtvi("client-ready", { version: "2.1.0", about: { library: "test" } }, id);
    return this.messages.wait((m) => m.type === "bot-ready" && m.id === id, 20_000, "bot-ready");
  }

  /** Stream 16 kHz PCM in the recorder's 512-sample chunks, paced by absolute time; silence after. */
  startAudio(pcm: Int16Array): void {
    this.stopAudio();
    const t0 = performance.now();
    const period = (CHUNK / RATE) * 1000;
    let k = 0;
    const tick = (): void => {
      const due = Math.floor((performance.now() - t0) / period);
      for (; k <= due; k++) {
        const chunk = new Int16Array(CHUNK);
        if (k * CHUNK < pcm.length) chunk.set(pcm.subarray(k * CHUNK, Math.min(pcm.length, (k + 1) * CHUNK)));
        if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(this.serializer.serializeAudio(chunk.buffer, RATE, 1));
      }
      this.sender = setTimeout(tick, Math.max(0, t0 + k * period - performance.now()));
    };
    tick();
  }

  stopAudio(): void {
    if (this.sender) clearTimeout(this.sender);
    this.sender = null;
  }

  async close(): Promise<void> {
    this.stopAudio();
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once("close", () => resolve());
      ws.close();
      setTimeout(() => (ws.terminate(), resolve()), 3000).unref();
    });
  }
}
