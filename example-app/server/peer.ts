import {
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  type RTCDataChannel,
  type RTCRtpTransceiver,
} from "werift";
import type { IceServer } from "./config.js";
import type { Logger } from "./logger.js";
import type { RtpOut } from "./audio/outbound.js";

export interface PeerOptions {
  iceServers: IceServer[];
  iceHostAddresses: string[];
  iceStunGatherTimeoutSec: number;
  logger: Logger;
  /** How long a "disconnected" peer may take to come back before it counts as gone. */
  disconnectGraceMs?: number;
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
}

/** The bot's side of one WebRTC connection: audio sendrecv, the `chat` data channel, no video. */
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
        video: [],
      },
    });
    this.pc.onDataChannel.subscribe((ch) => this.events?.onDataChannel(ch));
    // onTrack fires inside setRemoteDescription, so listen from the start; renegotiation may repeat it.
    const seen = new WeakSet<MediaStreamTrack>();
    this.pc.onTrack.subscribe((track) => {
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
