import OpusScript from "opusscript";
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, type RTCDataChannel } from "werift";

export interface RtviIn {
  label: string;
  type: string;
  id?: string;
  data?: Record<string, unknown>;
}

export interface ReceivedRtp {
  at: number;
  seq: number;
  ts: number;
  marker: boolean;
  pcm: Int16Array;
}

const ICE = { iceServers: [{ urls: "stun:127.0.0.1:3478" }], iceStunGatherTimeout: 0.2, iceAdditionalHostAddresses: ["127.0.0.1"], iceUseIpv6: false };

/** Resolve when `pred` holds for an item already seen or arriving later; reject after `ms`. */
export class Waitable<T> {
  readonly items: T[] = [];
  private waiters = new Set<{ pred: (t: T) => boolean; resolve: (t: T) => void }>();
  push(t: T): void {
    this.items.push(t);
    for (const w of [...this.waiters]) {
      if (w.pred(t)) {
        this.waiters.delete(w);
        w.resolve(t);
      }
    }
  }
  wait(pred: (t: T) => boolean, ms = 15_000, what = "event"): Promise<T> {
    const found = this.items.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const w = { pred, resolve: (t: T) => (clearTimeout(timer), resolve(t)) };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      this.waiters.add(w);
    });
  }
}

export interface ConnectOptions {
  /** Use POST /start then /sessions/:id/api/offer (the client's default), or the runner's /api/offer. */
  viaStart?: boolean;
  /** Keep received RTP decoded (costs CPU; the bench turns it off). */
  decode?: boolean;
  /** Act as the transport after an ICE failure: a fresh peer offered with the old pc_id and restart_pc. */
  restartOf?: { offerUrl: string; pcId: string };
}

/** A werift peer that behaves like @pipecat-ai/small-webrtc-transport on the wire. */
export class TestClient {
  readonly pc = new RTCPeerConnection(ICE);
  readonly track = new MediaStreamTrack({ kind: "audio" });
  readonly messages = new Waitable<RtviIn>();
  readonly raw: string[] = [];
  readonly rtp = new Waitable<ReceivedRtp>();
  dc!: RTCDataChannel;
  pcId = "";
  sessionId = "";
  offerUrl = "";
  private encoder = new OpusScript(48000, 1, OpusScript.Application.VOIP);
  private decoder = new OpusScript(48000, 1, OpusScript.Application.VOIP);
  private pinger: NodeJS.Timeout | null = null;
  private sender: NodeJS.Timeout | null = null;
  private seq = 0;
  /** Send time of each outgoing frame, by RTP timestamp. */
  rtpCount = 0;

  constructor(
    readonly baseUrl: string,
    private readonly opts: ConnectOptions = {},
  ) {}

  async connect(): Promise<void> {
    if (this.opts.restartOf) {
      this.offerUrl = this.opts.restartOf.offerUrl;
      this.pcId = this.opts.restartOf.pcId;
    } else if (this.opts.viaStart !== false) {
      const r = await fetch(`${this.baseUrl}/start`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (!r.ok) throw new Error(`/start ${r.status}`);
      this.sessionId = ((await r.json()) as { sessionId: string }).sessionId;
      this.offerUrl = `${this.baseUrl}/sessions/${this.sessionId}/api/offer`;
    } else this.offerUrl = `${this.baseUrl}/api/offer`;
    this.pc.addTransceiver(this.track, { direction: "sendrecv" });
    this.pc.addTransceiver("video", { direction: "sendrecv" });
    const audio = this.pc.getTransceivers()[0]!;
    audio.onTrack.subscribe((t) =>
      t.onReceiveRtp.subscribe((p) => {
        const pcm = this.opts.decode === false ? new Int16Array(0) : this.decode(p.payload);
        this.rtp.push({ at: performance.now(), seq: p.header.sequenceNumber, ts: p.header.timestamp, marker: p.header.marker, pcm });
      }),
    );
    this.dc = this.pc.createDataChannel("chat", { ordered: true });
    this.dc.onMessage.subscribe((m) => {
      const s = m.toString();
      this.raw.push(s);
      try {
        this.messages.push(JSON.parse(s) as RtviIn);
      } catch {
        // not JSON; kept in raw
      }
    });
    const opened = new Promise<void>((resolve) => this.dc.stateChanged.subscribe((s) => s === "open" && resolve()));
    await this.negotiate(!!this.opts.restartOf);
    await withTimeout(opened, 15_000, "data channel open");
    this.dc.send(JSON.stringify({ type: "signalling", message: { type: "trackStatus", receiver_index: 0, enabled: true } }));
    this.pinger = setInterval(() => this.dc.readyState === "open" && this.dc.send(`ping: ${Date.now()}`), 1000);
  }

  async negotiate(restart: boolean): Promise<void> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    await new Promise<void>((resolve) => {
      if (this.pc.iceGatheringState === "complete") return resolve();
      this.pc.iceGatheringStateChange.subscribe((s) => s === "complete" && resolve());
    });
    const r = await fetch(this.offerUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sdp: this.pc.localDescription!.sdp, type: "offer", pc_id: this.pcId || null, restart_pc: restart }),
    });
    if (!r.ok) throw new Error(`offer ${r.status} ${await r.text()}`);
    const answer = (await r.json()) as { sdp: string; type: "answer"; pc_id: string };
    this.pcId = answer.pc_id;
    await this.pc.setRemoteDescription({ type: "answer", sdp: answer.sdp });
  }

  sendRtvi(type: string, data?: unknown, id?: string): void {
    this.dc.send(JSON.stringify({ label: "rtvi-ai", type, id, data }));
  }

  /** client-ready → bot-ready, as the client does on connect. */
  async ready(): Promise<RtviIn> {
    const id = `ready-${Math.random().toString(36).slice(2)}`;
    this.sendRtvi("client-ready", { version: "2.1.0", about: { library: "test" } }, id);
    return this.messages.wait((m) => m.type === "bot-ready" && m.id === id, 20_000, "bot-ready");
  }

  /** Stream 48 kHz mono PCM as 20 ms Opus frames, paced by absolute time; silence after `pcm` ends. */
  startAudio(pcm: Int16Array): void {
    const t0 = performance.now();
    let k = 0;
    const tsBase = 1000;
    const tick = (): void => {
      const due = Math.floor((performance.now() - t0) / 20);
      for (; k <= due; k++) {
        const frame = new Int16Array(960);
        if (k * 960 < pcm.length) frame.set(pcm.subarray(k * 960, Math.min(pcm.length, (k + 1) * 960)));
        const payload = this.encoder.encode(Buffer.from(frame.buffer), 960);
        this.track.writeRtp(new RtpPacket(new RtpHeader({ payloadType: 111, sequenceNumber: this.seq++ & 0xffff, timestamp: tsBase + k * 960, marker: k === 0 }), Buffer.from(payload)));
        this.rtpCount++;
      }
      this.sender = setTimeout(tick, Math.max(0, t0 + k * 20 - performance.now()));
    };
    tick();
  }

  stopAudio(): void {
    if (this.sender) clearTimeout(this.sender);
    this.sender = null;
  }

  private decode(payload: Buffer): Int16Array {
    const b = this.decoder.decode(payload);
    const out = new Int16Array(b.length >> 1);
    for (let i = 0; i < out.length; i++) out[i] = b.readInt16LE(i * 2);
    return out;
  }

  async close(): Promise<void> {
    this.stopAudio();
    if (this.pinger) clearInterval(this.pinger);
    await this.pc.close();
    this.encoder.delete();
    this.decoder.delete();
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/** 48 kHz tone with short fades, `secs` long. */
export function tone(freq: number, secs: number, amp = 0.4, rate = 48000): Int16Array {
  const n = Math.round(secs * rate);
  const out = new Int16Array(n);
  const fade = rate * 0.01;
  for (let i = 0; i < n; i++) out[i] = Math.round(amp * 32767 * Math.min(1, i / fade, (n - i) / fade) * Math.sin((2 * Math.PI * freq * i) / rate));
  return out;
}

export function rms(pcm: Int16Array): number {
  let s = 0;
  for (let i = 0; i < pcm.length; i++) s += (pcm[i]! / 32768) ** 2;
  return Math.sqrt(s / Math.max(1, pcm.length));
}
