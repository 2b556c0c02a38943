// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import {
  AudioUnlockButton,
  BotAudio,
  CaptionsOverlay,
  ConnectButton,
  DeviceSelect,
  LatencyBadge,
  MicToggle,
  RTVIClientProvider,
  TextInput,
  TranscriptExportButton,
  TranscriptPanel,
  VoiceVisualizer,
  VolumeSlider,
} from "../../src";

describe("server rendering in plain Node (no window)", () => {
  it("renders every exported component inside a provider without constructing a client", () => {
    expect(typeof window).toBe("undefined");
    const createClient = vi.fn(() => {
      throw new Error("a client must not be constructed on the server");
    });
    const html = renderToString(
      <RTVIClientProvider createClient={createClient}>
        <VoiceVisualizer participant="bot" />
        <VoiceVisualizer participant="local" variant="circle" />
        <ConnectButton startBot={{ endpoint: "/start" }} />
        <MicToggle />
        <MicToggle mode="push-to-talk" />
        <TranscriptPanel />
        <TranscriptExportButton />
        <VolumeSlider />
        <DeviceSelect kind="mic" />
        <DeviceSelect kind="speaker" />
        <BotAudio />
        <AudioUnlockButton />
        <TextInput />
        <CaptionsOverlay />
        <LatencyBadge />
      </RTVIClientProvider>,
    );
    expect(createClient).not.toHaveBeenCalled();
    expect(html).toContain('role="img"');
    expect(html).toContain(">Connect<");
    expect(html).toContain('role="log"');
    expect(html).toContain("<textarea");
    expect(html).toContain("<select");
    expect(html).toContain('role="slider"');
  });
});
