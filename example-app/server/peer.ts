import {
  Event,
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  useH264 as h264Codec,
  useVP8 as vp8Codec,
  type RTCDataChannel,
  type RTCRtpTransceiver,
} from "werift";
import type { IceServer } from "./config.js";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import type { RtpOut } from "./audio/outbound.js";
import { rtvi } from "./rtvi.js";
import { installFastRtpHeader } from "./rtpHeader.js";
import type { VideoRtp } from "./video/depacketize.js";

installFastRtpHeader();

export interface PeerOptions {
  iceServers: IceServer[];
  iceHostAddresses: string[];
  iceStunGatherTimeoutSec: number;
  logger: Logger;
  /** How long a "disconnected" peer may take to come back before it counts as gone. */
  disconnectGraceMs?: number;
  /** Largest data-channel message let through (bytes); 0 = no limit. */
  maxMessageBytes?: number;
  /** Data-channel messages per second let through, in bursts of twice that; 0 = no limit. */
  messagesPerSec?: number;
  /** Of those, `send-text` messages (each one is a model turn) per second, in bursts of twice that. */
  textPerSec?: number;
  metrics?: Metrics;
}

interface Bucket {
  perSec: number;
  tokens: number;
  at: number;
}

/** Why the gate stopped a message, or null when it passes. */
export type GateVerdict = null | "too large" | "too fast" | "flood";

/**
 * The per-call bound on what a browser may put on the data channel: a token bucket for the rate
 * and a size cap. A caller that keeps sending far past the rate (50× over a 10 s window) is cut
 * off: dropping costs little, but decrypting and reassembling its packets still costs the loop.
 */
export class ChannelGate {
  private tokens: number;
  private at: number;
  private text: Bucket;
  private windowStart: number;
  private windowDrops = 0;
  dropped = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly perSec: number,
    private readonly now: () => number = performance.now.bind(performance),
    textPerSec = 0,
  ) {
    this.tokens = perSec * 2;
    this.at = this.windowStart = now();
    this.text = { perSec: textPerSec, tokens: textPerSec * 2, at: this.at };
  }

  check(data: string | Buffer): GateVerdict {
    const size = typeof data === "string" ? (data.length * 3 <= this.maxBytes ? 0 : Buffer.byteLength(data)) : data.length;
    if (this.maxBytes > 0 && size > this.maxBytes) return this.drop("too large");
    if (this.perSec <= 0) return null;
    const t = this.now();
    this.tokens = Math.min(this.perSec * 2, this.tokens + ((t - this.at) / 1000) * this.perSec);
    this.at = t;
    if (this.tokens < 1) return this.drop("too fast");
    // A typed turn costs a model answer, far more than a ping: it has its own, slower bucket.
    if (this.text.perSec > 0 && typeof data === "string" && data.includes('"send-text"')) {
      const b = this.text;
      b.tokens = Math.min(b.perSec * 2, b.tokens + ((t - b.at) / 1000) * b.perSec);
      b.at = t;
      if (b.tokens < 1) return this.drop("too fast");
      b.tokens--;
    }
    this.tokens--;
    return null;
  }

  private drop(why: "too large" | "too fast"): GateVerdict {
    this.dropped++;
    const t = this.now();
    if (t - this.windowStart > 10_000) {
      this.windowStart = t;
      this.windowDrops = 0;
    }
    this.windowDrops++;
    return this.perSec > 0 && this.windowDrops > this.perSec * 10 * 50 ? "flood" : why;
  }
}

export interface CandidateInit {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

export interface PeerEvents {
  onDataChannel(ch: RTCDataChannel): void;
  onRtp(payload: Buffer, receivedAt: number): void;
  onClosed(reason: string): void;
  /**
   * Video RTP from the browser. `mid` "1" is the camera and "2" the screen (SmallWebRTC's
   * transceiver order); `requestKeyframe` sends the browser an RTCP PLI.
   */
  onVideoRtp?(mid: string, codec: "vp8" | "h264", rtp: VideoRtp, requestKeyframe: () => void): void;
}

/** The bot's side of one WebRTC connection: audio sendrecv, the `chat` data channel, video received (camera, screen). */
export class BotPeer {
  readonly pc: RTCPeerConnection;
  private readonly track = new MediaStreamTrack({ kind: "audio" });
  private audio: RTCRtpTransceiver | null = null;
  private closed = false;
  private graceTimer: NodeJS.Timeout | null = null;
  private events: PeerEvents | null = null;

  constructor(private readonly opts: PeerOptions) {
    this.pc = new RTCPeerConnection({
      iceServers: opts.iceServers,
      iceAdditionalHostAddresses: opts.iceHostAddresses,
      iceStunGatherTimeout: opts.iceStunGatherTimeoutSec,
      iceUseIpv6: false,
      codecs: {
        audio: [new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: 48000, channels: 2, payloadType: 111 })],
        // VP8 first: every browser has it. H.264 when the browser prefers it.
        video: [vp8Codec({ payloadType: 96 }), h264Codec({ payloadType: 102 })],
      },
    });
    this.pc.onDataChannel.subscribe((ch) => this.events?.onDataChannel(this.gate(ch)));
    // onTrack fires inside setRemoteDescription, so listen from the start; renegotiation may repeat it.
    const seen = new WeakSet<MediaStreamTrack>();
    this.pc.onTrack.subscribe((track) => {
      if (track.kind === "video" && !seen.has(track)) {
        seen.add(track);
        return this.watchVideo(track);
      }
      if (track.kind !== "audio" || seen.has(track)) return;
      seen.add(track);
      track.onReceiveRtp.subscribe((rtp) => this.events?.onRtp(rtp.payload, performance.now()));
    });
    this.pc.connectionStateChange.subscribe((state) => {
      if (state === "connected" && this.graceTimer) {
        clearTimeout(this.graceTimer);
        this.graceTimer = null;
      }
      if (state === "failed" || state === "closed") this.finish(`peer ${state}`);
      if (state === "disconnected" && !this.graceTimer) {
        this.graceTimer = setTimeout(() => this.finish("peer disconnected"), opts.disconnectGraceMs ?? 10_000);
      }
    });
  }

  private watchVideo(track: MediaStreamTrack): void {
    const t = this.pc.getTransceivers().find((x) => x.receiver.tracks.includes(track));
    if (!t) return;
    const pli = (): void => {
      if (track.ssrc !== undefined && !this.closed) t.receiver.sendRtcpPLI(track.ssrc).catch(() => undefined);
    };
    track.onReceiveRtp.subscribe((rtp) => {
      const mime = (track.codec?.mimeType ?? "").toLowerCase();
      const codec = mime === "video/h264" ? "h264" : mime === "video/vp8" ? "vp8" : null;
      const { sequenceNumber, timestamp, marker } = rtp.header;
      if (codec) this.events?.onVideoRtp?.(t.mid ?? "", codec, { sequenceNumber, timestamp, marker, payload: rtp.payload }, pli);
    });
  }

  /**
   * Put the gate in front of the channel's message event. werift offers no hook that runs before
   * other subscribers (nor a way to stop them), so this channel's event gets its own `execute`,
   * which werift calls per message: the gate first, then the subscribers. If the event is not
   * the shape we expect, messages pass ungated (and we say so).
   */
  private gate(ch: RTCDataChannel): RTCDataChannel {
    const ev: unknown = ch.onMessage;
    const maxBytes = this.opts.maxMessageBytes ?? 0;
    const perSec = this.opts.messagesPerSec ?? 0;
    if (maxBytes <= 0 && perSec <= 0) return ch;
    if (!(ev instanceof Event) || typeof ev.execute !== "function") {
      this.opts.logger.warn("data channel has no onMessage event; messages are not rate-limited");
      return ch;
    }
    const deliver = (ev as Event<[string | Buffer]>).execute;
    const gate = new ChannelGate(maxBytes, perSec, undefined, this.opts.textPerSec ?? 0);
    let lastNotice = -Infinity;
    const gated = (data: string | Buffer): void => {
      const verdict = gate.check(data);
      this.opts.metrics?.channelMessage(verdict === null);
      if (verdict === null) return deliver(data);
      if (verdict === "flood") {
        this.opts.logger.warn(`closing peer: data channel flood (${gate.dropped} messages dropped)`);
        return this.finish("data channel flood");
      }
      const now = performance.now();
      if (now - lastNotice < 1000 || ch.readyState !== "open") return;
      lastNotice = now;
      const error = verdict === "too large" ? `Data channel message over ${maxBytes} bytes dropped` : `More than ${perSec} data channel messages a second; some were dropped`;
      try {
        ch.send(JSON.stringify(rtvi("error", { error, fatal: false })));
      } catch (e) {
        this.opts.logger.debug("gate notice not sent", e);
      }
    };
    Object.defineProperty(ev, "execute", { value: gated, writable: true, configurable: true, enumerable: true });
    return ch;
  }

  get id(): string {
    return this.pc.id;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  attach(events: PeerEvents): void {
    this.events = events;
  }

  /** Apply an offer (first or renegotiated) and return the complete answer SDP, candidates included. */
  async answer(sdp: string): Promise<string> {
    await this.pc.setRemoteDescription({ type: "offer", sdp });
    const audio = this.pc.getTransceivers().find((t) => t.kind === "audio");
    if (audio && audio !== this.audio) {
      this.audio = audio;
      audio.setDirection("sendrecv");
      audio.sender.replaceTrack(this.track);
    }
    // The bot sends no video: it only receives the camera and the screen.
    for (const t of this.pc.getTransceivers()) if (t.kind === "video" && t.direction !== "recvonly" && t.direction !== "inactive") t.setDirection("recvonly");
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    await this.gathered(5000);
    const local = this.pc.localDescription;
    if (!local) throw new Error("no local description");
    return local.sdp;
  }

  private gathered(timeoutMs: number): Promise<void> {
    if (this.pc.iceGatheringState === "complete") return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const sub = this.pc.iceGatheringStateChange.subscribe((s) => s === "complete" && done());
      function done(): void {
        clearTimeout(timer);
        sub.unSubscribe();
        resolve();
      }
    });
  }

  async addCandidate(c: CandidateInit): Promise<void> {
    if (this.closed || !c.candidate) return;
    await this.pc.addIceCandidate({ candidate: c.candidate, sdpMid: c.sdpMid ?? undefined, sdpMLineIndex: c.sdpMLineIndex ?? undefined });
  }

  writeRtp(p: RtpOut): void {
    if (this.closed) return;
    const header = new RtpHeader({ payloadType: 111, sequenceNumber: p.sequenceNumber, timestamp: p.timestamp, marker: p.marker });
    this.track.writeRtp(new RtpPacket(header, p.payload));
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.close();
    this.events?.onClosed(reason);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    this.pc.close().catch((e: unknown) => this.opts.logger.debug("peer close failed", e));
  }
}
