/**
 * A werift peer that behaves like @pipecat-ai/small-webrtc-transport on the wire. The bench drives
 * many of them in a child process, and the server tests use it as their caller; it lives in example-app/tools (beside the bench, outside server/) so
 * the example app never imports from the test folder.
 */
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
const FRAME = 960;
/** After a stall the sender sends at most this many overdue frames at once and skips the rest (counted). */
const MAX_CATCH_UP = 3;

/** Resolve when `pred` holds for an item already seen or arriving later; reject after `ms`. */
export class Waitable<T> {
  readonly items: T[] = [];
  private waiters = new Set<{ pred: (t: T) => boolean; resolve: (t: T) => void }>();
  /** With keep=false only waiters see items (long bench runs would otherwise hoard them). */
  constructor(private readonly keep = true) {}
  push(t: T): void {
    if (this.keep) this.items.push(t);
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
  /** Keep every received packet in `rtp.items` (the bench only counts them). */
  keepRtp?: boolean;
  /** Act as the transport after an ICE failure: a fresh peer offered with the old pc_id and restart_pc. */
  restartOf?: { offerUrl: string; pcId: string };
}

/** Encode 48 kHz mono PCM into 20 ms Opus packets once, so many callers can replay them cheaply. */
export function encodeOpus(pcm: Int16Array): Buffer[] {
  const enc = new OpusScript(48000, 1, OpusScript.Application.VOIP);
  const out: Buffer[] = [];
  for (let k = 0; k * FRAME < pcm.length; k++) {
    const frame = new Int16Array(FRAME);
    frame.set(pcm.subarray(k * FRAME, Math.min(pcm.length, (k + 1) * FRAME)));
    out.push(Buffer.from(enc.encode(Buffer.from(frame.buffer), FRAME)));
  }
  enc.delete();
  return out;
}

export class LoopbackClient {
  readonly pc = new RTCPeerConnection(ICE);
  readonly track = new MediaStreamTrack({ kind: "audio" });
  readonly messages = new Waitable<RtviIn>();
  readonly raw: string[] = [];
  readonly rtp: Waitable<ReceivedRtp>;
  dc!: RTCDataChannel;
  pcId = "";
  sessionId = "";
  offerUrl = "";
  /** Frames sent, frames skipped because this process fell behind, packets received. */
  rtpCount = 0;
  framesSkipped = 0;
  rtpReceived = 0;
  private encoder: OpusScript | null = null;
  private decoder: OpusScript | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private sender: NodeJS.Timeout | null = null;
  private seq = 0;
  private ts = 1000;

  constructor(
    readonly baseUrl: string,
    private readonly opts: ConnectOptions = {},
  ) {
    this.rtp = new Waitable<ReceivedRtp>(opts.keepRtp !== false);
  }

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
        this.rtpReceived++;
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
    this.encoder ??= new OpusScript(48000, 1, OpusScript.Application.VOIP);
    const enc = this.encoder;
    // Every frame, silence too, goes through the live encoder: its packets depend on what came before.
    this.send((k) => {
      const frame = new Int16Array(FRAME);
      if (k * FRAME < pcm.length) frame.set(pcm.subarray(k * FRAME, Math.min(pcm.length, (k + 1) * FRAME)));
      return this.encodeFrame(enc, frame);
    });
  }

  /** Replay pre-encoded packets in a loop starting at `offset` (the bench staggers callers this way). */
  loopPackets(packets: Buffer[], offset = 0): void {
    this.send((k) => packets[(k + offset) % packets.length]!);
  }

  /**
   * Send frame k at t0 + 20k ms. A late wake-up sends at most MAX_CATCH_UP overdue frames and skips
   * older ones (counted in framesSkipped), so a stalled client cannot dump a burst on the server.
   */
  private send(frameAt: (k: number) => Buffer): void {
    this.stopAudio();
    const t0 = performance.now();
    let k = 0;
    let marker = true;
    const tick = (): void => {
      const due = Math.floor((performance.now() - t0) / 20);
      if (due - k >= MAX_CATCH_UP) {
        this.framesSkipped += due - k - MAX_CATCH_UP + 1;
        this.ts += (due - k - MAX_CATCH_UP + 1) * FRAME;
        k = due - MAX_CATCH_UP + 1;
      }
      for (; k <= due; k++) {
        const header = new RtpHeader({ payloadType: 111, sequenceNumber: this.seq++ & 0xffff, timestamp: this.ts >>> 0, marker });
        this.track.writeRtp(new RtpPacket(header, frameAt(k)));
        this.ts += FRAME;
        marker = false;
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

  private encodeFrame(enc: OpusScript, frame: Int16Array): Buffer {
    return Buffer.from(enc.encode(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), FRAME));
  }

  private decode(payload: Buffer): Int16Array {
    this.decoder ??= new OpusScript(48000, 1, OpusScript.Application.VOIP);
    const b = this.decoder.decode(payload);
    const out = new Int16Array(b.length >> 1);
    for (let i = 0; i < out.length; i++) out[i] = b.readInt16LE(i * 2);
    return out;
  }

  async close(): Promise<void> {
    this.stopAudio();
    if (this.pinger) clearInterval(this.pinger);
    await this.pc.close();
    this.encoder?.delete();
    this.decoder?.delete();
    this.encoder = this.decoder = null;
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
