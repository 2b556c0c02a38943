/** Why a microphone cannot be used, in the kit's words. */
export type MicProblem = "denied" | "no-device" | "in-use" | "error";

/** The sentence the kit shows for each microphone problem. */
export const MIC_PROBLEM_MESSAGES: Readonly<Record<MicProblem, string>> = {
  denied: "Microphone access is blocked. Allow it in the browser's site settings, then try again.",
  "no-device": "No microphone was found. Connect one and try again.",
  "in-use": "The microphone is in use by another application.",
  error: "The microphone could not be started.",
};

type PermissionAnswer = "granted" | "denied" | "prompt" | null;

async function micPermission(): Promise<PermissionAnswer> {
  const permissions = typeof navigator !== "undefined" ? navigator.permissions : undefined;
  if (typeof permissions?.query !== "function") return null;
  try {
    // Firefox before 131 and some WebViews reject the "microphone" name: that is "cannot answer".
    const { state } = await permissions.query({ name: "microphone" as PermissionName });
    return state === "granted" || state === "denied" || state === "prompt" ? state : null;
  } catch {
    return null;
  }
}

/**
 * Asks the browser why there is no microphone track. Some media managers swallow the
 * first getUserMedia failure (WavMediaManager registers its error listener only after its
 * first attempt), so the call would go on silently. The Permissions API is asked first, as
 * it never prompts: denied is the answer; "prompt" means the user has not decided, and a
 * probe would be a second, uninvited prompt (and on iOS can take the track from the
 * transport), so there is nothing to say; granted leaves only "is there a microphone at
 * all", which the device list tells. Only when the Permissions API cannot answer does it
 * probe with getUserMedia, stopping the probe's track at once.
 */
export async function diagnoseMic(): Promise<{ problem: MicProblem; message: string } | null> {
  const media = typeof navigator !== "undefined" ? navigator.mediaDevices : undefined;
  if (!media?.getUserMedia) return { problem: "error", message: "This page cannot use a microphone: it needs https or localhost, and a browser with media support." };
  const found = (problem: MicProblem) => ({ problem, message: MIC_PROBLEM_MESSAGES[problem] });
  const permission = await micPermission();
  if (permission === "denied") return found("denied");
  if (permission === "prompt") return null;
  if (permission === "granted") {
    try {
      const devices = await media.enumerateDevices();
      return devices.some((d) => d.kind === "audioinput") ? null : found("no-device");
    } catch {
      return null;
    }
  }
  try {
    const stream = await media.getUserMedia({ audio: true });
    for (const t of stream.getTracks()) t.stop();
    return null;
  } catch (e) {
    return found(problemOfMediaError(e));
  }
}

/** A getUserMedia rejection (a DOMException) in the kit's words. */
export function problemOfMediaError(e: unknown): MicProblem {
  // DOMException is not an Error subclass everywhere: read the name by shape.
  const name = typeof e === "object" && e !== null && typeof (e as { name?: unknown }).name === "string" ? (e as { name: string }).name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "no-device";
  if (name === "NotReadableError" || name === "AbortError") return "in-use";
  return "error";
}

/**
 * client-js's DeviceError in the kit's words. Transports often report "unknown" with the
 * browser's own error attached (`details.sourceError`), which tells the real reason.
 */
export function problemOfDeviceError(err: { type?: string; message?: string; details?: { sourceError?: unknown } }): MicProblem {
  if (err.type === "permissions") return "denied";
  if (err.type === "not-found" || err.type === "undefined-mediadevices") return "no-device";
  if (err.type === "in-use") return "in-use";
  const source = problemOfMediaError(err.details?.sourceError);
  if (source !== "error") return source;
  return /denied|not allowed|permission/i.test(err.message ?? "") ? "denied" : "error";
}
