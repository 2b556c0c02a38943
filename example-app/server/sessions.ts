import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { EncoderThread } from "./audio/encoderThread.js";
import { Call, type Mode } from "./call.js";
import type { ServerConfig } from "./config.js";
import type { GeminiOptions } from "./gemini/client.js";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import { HttpError, tooMany } from "./http/errors.js";
import { BotPeer, type CandidateInit } from "./peer.js";
import type { CallPeer, FrameCodec } from "./transports/types.js";

export { HttpError };

interface Session {
  id: string;
  lastSeen: number;
  /** pc_ids of this session's calls: a pc_id from another session is "unknown" here. */
  calls: Set<string>;
  /** Address that asked for it while no call has used it yet (counted against its pending cap); null once used. */
  pendingFor: string | null;
  createdAt: number;
  /** For a WebSocket call: the one-use ticket /start handed out (the socket's `token`). */
  ticket?: Buffer;
}

/** Offers larger than this are not SDP a browser writes (theirs are a few kB). */
export const MAX_SDP_BYTES = 32 * 1024;
const MAX_CANDIDATES = 64;

export interface OfferBody {
  sdp: string;
  type: string;
  pc_id: string | null;
  restart_pc: boolean;
}

export interface PatchBody {
  pc_id: string;
  candidates: CandidateInit[];
}

export interface SessionStats {
  sessions: number;
  /** Sessions from /start that no call has used yet. */
  pendingSessions: number;
  calls: number;
  peers: number;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function readOffer(v: unknown): OfferBody {
  if (!isObj(v)) throw new HttpError(400, "Body must be a JSON object");
  if (typeof v.sdp !== "string" || !v.sdp.trim()) throw new HttpError(400, "Missing sdp");
  if (v.pc_id !== undefined && v.pc_id !== null && typeof v.pc_id !== "string") throw new HttpError(400, "pc_id must be a string");
  if (v.restart_pc !== undefined && typeof v.restart_pc !== "boolean") throw new HttpError(400, "restart_pc must be a boolean");
  if (v.sdp.length > MAX_SDP_BYTES) throw new HttpError(413, `SDP larger than ${MAX_SDP_BYTES} bytes`);
  // werift accepts almost any text; check the parts a WebRTC offer cannot do without.
  if (!/^v=0\r?\n/.test(v.sdp) || !/\nm=(audio|application) /.test(v.sdp) || !/a=ice-ufrag:/.test(v.sdp) || !/a=fingerprint:/.test(v.sdp)) {
    throw new HttpError(400, "Invalid SDP offer");
  }
  if (v.type !== undefined && v.type !== "offer") throw new HttpError(400, 'type must be "offer"');
  return { sdp: v.sdp, type: "offer", pc_id: typeof v.pc_id === "string" ? v.pc_id : null, restart_pc: v.restart_pc === true };
}

export function readPatch(v: unknown): PatchBody {
  if (!isObj(v)) throw new HttpError(400, "Body must be a JSON object");
  if (typeof v.pc_id !== "string") throw new HttpError(400, "Missing pc_id");
  if (!Array.isArray(v.candidates)) throw new HttpError(400, "Missing candidates");
  if (v.candidates.length > MAX_CANDIDATES) throw new HttpError(413, `More than ${MAX_CANDIDATES} candidates in one request`);
  const candidates = v.candidates.map((c: unknown) => {
    if (!isObj(c) || typeof c.candidate !== "string") throw new HttpError(400, "Each candidate needs a string candidate");
    if (c.sdp_mid !== undefined && c.sdp_mid !== null && typeof c.sdp_mid !== "string") throw new HttpError(400, "sdp_mid must be a string");
    if (c.sdp_mline_index !== undefined && c.sdp_mline_index !== null && !Number.isInteger(c.sdp_mline_index)) throw new HttpError(400, "sdp_mline_index must be an integer");
    return {
      candidate: c.candidate.slice(0, 1024),
      sdpMid: typeof c.sdp_mid === "string" ? c.sdp_mid : null,
      sdpMLineIndex: typeof c.sdp_mline_index === "number" ? c.sdp_mline_index : null,
    };
  });
  return { pc_id: v.pc_id, candidates };
}

export interface SessionManagerOptions {
  config: ServerConfig;
  /** Shared by every call's outbound audio (config.encodeAhead). */
  encoder?: EncoderThread;
  mode: Mode;
  gemini: Omit<GeminiOptions, "logger">;
  logger: Logger;
  metrics: Metrics;
}

/** Sessions (from /start), their calls keyed by pc_id, and the idle sweep. */
export class SessionManager {
  private readonly sessions = new Map<string, Session>();
  private readonly calls = new Map<string, Call>();
  private readonly owner = new Map<string, string>();
  private readonly sweeper: NodeJS.Timeout;
  private livePeers = 0;
  /** Offers past the MAX_CALLS check still awaiting their answer: they hold a slot. */
  private reserved = 0;
  private readonly pendingBy = new Map<string, number>();
  private pendingTotal = 0;
  private readonly idleListeners = new Set<() => void>();

  constructor(private readonly o: SessionManagerOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(10_000, Math.max(250, Math.min(o.config.sessionIdleTtlMs, o.config.mediaTimeoutMs, o.config.pendingSessionTtlMs) / 4)));
    this.sweeper.unref();
  }

  /** A session for `client` (its address) that counts as pending until a call uses it. */
  createSession(client: string | null = null): string {
    const c = this.o.config;
    const now = Date.now();
    if (client !== null) {
      if ((this.pendingBy.get(client) ?? 0) >= c.maxPendingSessionsPerClient) {
        throw tooMany("Too many unused sessions from this address; use one (offer) or wait for them to expire", this.oldestPendingExpiry(client) - now);
      }
      if (this.pendingTotal >= c.maxPendingSessions) throw tooMany("Too many unused sessions; try again later", c.pendingSessionTtlMs, 503);
      this.pendingBy.set(client, (this.pendingBy.get(client) ?? 0) + 1);
      this.pendingTotal++;
    }
    const id = randomUUID();
    this.sessions.set(id, { id, lastSeen: now, createdAt: now, calls: new Set(), pendingFor: client });
    return id;
  }

  private oldestPendingExpiry(client: string): number {
    let oldest = Infinity;
    for (const s of this.sessions.values()) if (s.pendingFor === client && s.createdAt < oldest) oldest = s.createdAt;
    return (Number.isFinite(oldest) ? oldest : Date.now()) + this.o.config.pendingSessionTtlMs;
  }

  private unpend(s: Session): void {
    const client = s.pendingFor;
    if (client === null) return;
    s.pendingFor = null;
    this.pendingTotal--;
    const n = (this.pendingBy.get(client) ?? 1) - 1;
    if (n <= 0) this.pendingBy.delete(client);
    else this.pendingBy.set(client, n);
  }

  private dropSession(s: Session): void {
    this.unpend(s);
    this.sessions.delete(s.id);
  }

  hasSession(id: string): boolean {
    return this.sessions.has(id);
  }

  /** sessionId null is the runner's plain /api/offer: each new call gets an implicit session. */
  async offer(sessionId: string | null, body: OfferBody): Promise<{ sdp: string; type: "answer"; pc_id: string }> {
    const session = sessionId === null ? null : this.sessions.get(sessionId);
    if (sessionId !== null && !session) throw new HttpError(404, "Unknown session");
    const existing = body.pc_id ? this.lookup(sessionId, body.pc_id) : undefined;
    if (existing && !(existing.currentPeer instanceof BotPeer || existing.currentPeer === null)) throw new HttpError(409, "That call is not a WebRTC call");
    if (existing && !existing.isEnded && existing.currentPeer instanceof BotPeer && !existing.currentPeer.isClosed) {
      if (!body.restart_pc) {
        // A renegotiation werift cannot apply is the caller's error; the call it belongs to goes on.
        const sdp = await existing.currentPeer.answer(body.sdp).catch((e: unknown) => {
          this.o.logger.info("rejected renegotiation offer", e);
          throw new HttpError(400, "Invalid SDP offer");
        });
        return { sdp, type: "answer", pc_id: body.pc_id! };
      }
      const peer = this.newPeer();
      const sdp = await this.answerOrClose(peer, body.sdp);
      existing.attachPeer(peer);
      return { sdp, type: "answer", pc_id: body.pc_id! };
    }
    if (this.calls.size + this.reserved >= this.o.config.maxCalls) throw tooMany("Too many calls; try again later", 10_000, 503);
    // Hold the slot across the awaited answer, or concurrent offers all pass the check above.
    this.reserved++;
    let sdp: string;
    let peer: BotPeer;
    try {
      peer = this.newPeer();
      sdp = await this.answerOrClose(peer, body.sdp);
    } finally {
      this.reserved--;
    }
    // The session may have expired or been closed while the answer was gathered.
    if (session && !this.sessions.has(session.id)) {
      peer.close();
      throw new HttpError(404, "Unknown session");
    }
    const owner = session ?? this.sessions.get(this.createSession())!;
    return { sdp, type: "answer", pc_id: this.newCall(owner, peer) };
  }

  private newCall(owner: Session, peer: CallPeer, codec?: FrameCodec): string {
    this.unpend(owner);
    const pcId = randomUUID();
    const call = new Call({
      id: pcId,
      sessionId: owner.id,
      mode: this.o.mode,
      gemini: this.o.gemini,
      logger: this.o.logger,
      metrics: this.o.metrics,
      codec,
      encoder: this.o.encoder,
      onEnded: (c) => this.removeCall(c.id),
    });
    call.attachPeer(peer);
    this.calls.set(pcId, call);
    this.owner.set(pcId, owner.id);
    owner.calls.add(pcId);
    owner.lastSeen = Date.now();
    return pcId;
  }

  /** The one-use ticket for this session's WebSocket (/start with `"transport": "websocket"`). */
  issueTicket(sessionId: string): string {
    const s = this.sessions.get(sessionId);
    if (!s) throw new HttpError(404, "Unknown session");
    const t = randomBytes(24);
    s.ticket = t;
    return t.toString("base64url");
  }

  /**
   * May a WebSocket with `ticket` start the call of `sessionId`? Throws the HTTP refusal. Checked
   * in the same tick as acceptWebSocket (the upgrade completes synchronously), so no slot is held.
   */
  checkWebSocket(sessionId: string, ticket: string | null): void {
    const s = this.sessions.get(sessionId);
    if (!s || !s.ticket) throw new HttpError(404, "Unknown session");
    const got = Buffer.from(ticket ?? "", "base64url");
    if (got.length !== s.ticket.length || !timingSafeEqual(got, s.ticket)) throw new HttpError(401, "Missing or wrong token for this session");
    if (this.calls.size + this.reserved >= this.o.config.maxCalls) throw tooMany("Too many calls; try again later", 10_000, 503);
  }

  /** Start the call of a checked WebSocket session; the ticket is spent. */
  acceptWebSocket(sessionId: string, peer: CallPeer, codec: FrameCodec): string {
    const s = this.sessions.get(sessionId);
    if (!s) {
      peer.close();
      throw new HttpError(404, "Unknown session");
    }
    delete s.ticket;
    return this.newCall(s, peer, codec);
  }

  async addCandidates(sessionId: string | null, body: PatchBody): Promise<void> {
    if (sessionId !== null && !this.sessions.has(sessionId)) throw new HttpError(404, "Unknown session");
    const call = this.lookup(sessionId, body.pc_id);
    const peer = call?.currentPeer;
    if (!call || !(peer instanceof BotPeer)) throw new HttpError(404, "Unknown pc_id");
    call.lastActivity = Date.now();
    for (const c of body.candidates) {
      try {
        await peer.addCandidate(c);
      } catch (e) {
        this.o.logger.debug("bad ICE candidate ignored", e);
      }
    }
  }

  private lookup(sessionId: string | null, pcId: string): Call | undefined {
    if (sessionId !== null && this.owner.get(pcId) !== sessionId) return undefined;
    return this.calls.get(pcId);
  }

  private newPeer(): BotPeer {
    const c = this.o.config;
    const peer = new BotPeer({
      iceServers: c.iceServers,
      iceHostAddresses: c.iceHostAddresses,
      iceStunGatherTimeoutSec: c.iceStunGatherTimeoutSec,
      logger: this.o.logger,
      maxMessageBytes: c.dcMaxMessageBytes,
      messagesPerSec: c.dcMessagesPerSec,
      textPerSec: c.dcTextPerSec,
      metrics: this.o.metrics,
    });
    this.livePeers++;
    let counted = true;
    peer.pc.connectionStateChange.subscribe((s) => {
      if (s === "closed" && counted) {
        counted = false;
        this.livePeers--;
        this.checkIdle();
      }
    });
    return peer;
  }

  private async answerOrClose(peer: BotPeer, sdp: string): Promise<string> {
    try {
      return await peer.answer(sdp);
    } catch (e) {
      peer.close();
      this.o.logger.info("rejected offer", e);
      throw new HttpError(400, "Invalid SDP offer");
    }
  }

  private removeCall(pcId: string): void {
    this.calls.delete(pcId);
    const sid = this.owner.get(pcId);
    this.owner.delete(pcId);
    const s = sid ? this.sessions.get(sid) : undefined;
    if (s) {
      s.calls.delete(pcId);
      // A session is one conversation: once its last call is over, it is spent.
      if (s.calls.size === 0) this.dropSession(s);
    }
    this.checkIdle();
  }

  private sweep(): void {
    const now = Date.now();
    const ttl = this.o.config.sessionIdleTtlMs;
    // A browser that vanished (tab killed, network gone) never says goodbye, and the peer
    // takes ~30 s to notice; a live call whose browser sends nothing at all (browsers send
    // audio, silent or not, and data-channel pings) is over much sooner.
    for (const call of this.calls.values()) {
      const quiet = now - call.lastActivity;
      if (quiet > ttl) call.end("idle timeout");
      else if (call.live && quiet > this.o.config.mediaTimeoutMs) call.end("the browser went silent");
    }
    const pendingTtl = this.o.config.pendingSessionTtlMs;
    for (const s of this.sessions.values()) {
      if (s.calls.size === 0 && (now - s.lastSeen > ttl || (s.pendingFor !== null && now - s.createdAt > pendingTtl))) this.dropSession(s);
    }
  }

  stats(): SessionStats {
    return { sessions: this.sessions.size, pendingSessions: this.pendingTotal, calls: this.calls.size, peers: this.livePeers };
  }

  /** Resolves once no call and no peer is left (sessions without calls may remain until their TTL). */
  whenIdle(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.calls.size === 0 && this.livePeers === 0) {
          clearTimeout(timer);
          this.idleListeners.delete(check);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.idleListeners.delete(check);
        reject(new Error(`not idle after ${timeoutMs} ms: ${JSON.stringify(this.stats())}`));
      }, timeoutMs);
      this.idleListeners.add(check);
      check();
    });
  }

  private checkIdle(): void {
    for (const fn of [...this.idleListeners]) fn();
  }

  closeAll(): void {
    clearInterval(this.sweeper);
    for (const call of [...this.calls.values()]) call.end("server shutting down");
    this.sessions.clear();
    this.pendingBy.clear();
    this.pendingTotal = 0;
  }
}
