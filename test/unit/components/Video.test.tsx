import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CameraToggle, DeviceSelect, RTVIClientProvider, ScreenShareToggle, VideoTile, useCamera, useScreenShare } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";
import { READY } from "./helpers";
import { FakeVideoTrack, asTrack, installMedia } from "./videoFakes";

let undo: () => void = () => undefined;
afterEach(() => undo());

function setup(camera?: "denied" | "no-device", screenShare?: false) {
  const made: FakeVideoTrack[] = [];
  const make = (label: string) => () => {
    const t = new FakeVideoTrack(label);
    made.push(t);
    return asTrack(t);
  };
  const { client, transport } = scriptedClient(READY, {
    speed: Infinity,
    video: { camera: camera ?? make("cam"), screen: screenShare ?? make("screen") },
  });
  return { client, transport, made };
}

const video = (tile: HTMLElement): HTMLVideoElement & { srcObject: { getTracks(): unknown[] } | null } =>
  tile.querySelector("video") as HTMLVideoElement & { srcObject: { getTracks(): unknown[] } | null };

describe("camera", () => {
  beforeEach(() => {
    undo = installMedia();
  });

  it("CameraToggle turns the camera on and off; the tile goes off → starting → live → off and lets go of the track", async () => {
    const { client, transport, made } = setup();
    renderWithClient(client, (
      <>
        <CameraToggle />
        <VideoTile source="camera" />
      </>
    ));
    await act(() => client.connect());
    const button = screen.getByRole("button", { name: "Camera" });
    const tile = screen.getByRole("group", { name: "Your camera" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(tile).toHaveAttribute("data-state", "off");
    expect(tile).toHaveTextContent("Camera off");
    expect(tile).toHaveAttribute("data-mirrored", "");

    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(transport.isCamEnabled).toBe(true);
    expect(made).toHaveLength(1);
    expect(tile).toHaveAttribute("data-state", "starting");
    expect(video(tile).srcObject?.getTracks()).toEqual([made[0]]);

    act(() => void fireEvent(video(tile), new Event("loadeddata")));
    expect(tile).toHaveAttribute("data-state", "live");
    expect(button).toHaveAttribute("data-state", "on");
    expect(tile.querySelector('[data-slot="placeholder"]')).toBeNull();

    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(made[0]!.readyState).toBe("ended");
    expect(tile).toHaveAttribute("data-state", "off");
    expect(video(tile).srcObject).toBeNull();
  });

  it("a blocked camera says so on the toggle and the tile", async () => {
    const { client } = setup("denied");
    renderWithClient(client, (
      <>
        <CameraToggle />
        <VideoTile />
      </>
    ));
    await act(() => client.connect());
    await userEvent.click(screen.getByRole("button", { name: "Camera" }));
    const button = screen.getByRole("button", { name: "Camera" });
    expect(button).toHaveAttribute("data-state", "error");
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(button).toHaveAccessibleDescription(/Camera access is blocked/);
    expect(screen.getByRole("group", { name: "Your camera" })).toHaveAttribute("data-state", "error");
  });

  it("a track that ends by itself (camera unplugged) turns the camera off", async () => {
    const { client, made } = setup();
    let cam: ReturnType<typeof useCamera> | null = null;
    function Probe() {
      cam = useCamera();
      return null;
    }
    renderWithClient(client, <Probe />);
    await act(() => client.connect());
    await act(() => cam!.setEnabled(true));
    expect(cam!.state).toBe("live");
    expect(cam!.track).toBe(made[0]);
    act(() => made[0]!.endByBrowser());
    expect(cam!.track).toBeNull();
    expect(cam!.enabled).toBe(false);
    expect(cam!.state).toBe("off");
  });

  it("DeviceSelect kind=camera lists cameras and switches", async () => {
    const { client, transport } = setup();
    renderWithClient(client, <DeviceSelect kind="camera" />);
    await act(() => client.connect());
    const select = screen.getByRole("combobox", { name: "Camera" });
    expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["System default", "Scripted camera", "Second camera"]);
    await userEvent.selectOptions(select, "scripted-cam-2");
    expect(transport.selectedCam).toMatchObject({ deviceId: "scripted-cam-2" });
    expect(select).toHaveValue("scripted-cam-2");
  });

  it("labels, a forwarded ref and asChild", async () => {
    const { client } = setup();
    const ref = createRef<HTMLAnchorElement>();
    const tileRef = createRef<HTMLDivElement>();
    renderWithClient(client, (
      <>
        <CameraToggle asChild labels={{ label: "摄像头" }}>
          <a href="#cam" ref={ref} />
        </CameraToggle>
        <VideoTile ref={tileRef} labels={{ name: "我的摄像头", off: "摄像头已关闭" }} mirror={false} id="me" />
      </>
    ));
    await act(() => client.connect());
    expect(ref.current).toHaveTextContent("摄像头");
    expect(ref.current).toHaveAttribute("aria-pressed", "false");
    expect(tileRef.current).toBe(screen.getByRole("group", { name: "我的摄像头" }));
    expect(tileRef.current).toHaveAttribute("id", "me");
    expect(tileRef.current).not.toHaveAttribute("data-mirrored");
    expect(tileRef.current).toHaveTextContent("摄像头已关闭");
  });

  it("unmounting a live tile clears its srcObject", async () => {
    const { client } = setup();
    const view = render(
      <RTVIClientProvider client={client}>
        <VideoTile />
      </RTVIClientProvider>,
    );
    await act(() => client.connect());
    await act(() => client.enableCam(true));
    const el = video(view.container);
    expect(el.srcObject).not.toBeNull();
    view.unmount();
    expect(el.srcObject).toBeNull();
  });
});

describe("screen share", () => {
  it("is disabled and says so where the browser cannot share a screen", async () => {
    undo = installMedia({ screen: false });
    const { client } = setup();
    renderWithClient(client, <ScreenShareToggle />);
    await act(() => client.connect());
    const button = screen.getByRole("button", { name: "Share screen" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("data-state", "unsupported");
    expect(button).toHaveAccessibleDescription("Screen sharing is not supported here.");
  });

  it("shares, shows the screen in a tile, and stops when the browser's own bar ends it", async () => {
    undo = installMedia();
    const { client, made } = setup();
    let share: ReturnType<typeof useScreenShare> | null = null;
    function Probe() {
      share = useScreenShare();
      return null;
    }
    renderWithClient(client, (
      <>
        <ScreenShareToggle />
        <VideoTile source="screen" />
        <Probe />
      </>
    ));
    await act(() => client.connect());
    const button = screen.getByRole("button", { name: "Share screen" });
    const tile = screen.getByRole("group", { name: "Your screen" });
    expect(tile).not.toHaveAttribute("data-mirrored");
    await userEvent.click(button);
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(share!.sharing).toBe(true);
    expect(video(tile).srcObject?.getTracks()).toEqual([made[0]]);
    act(() => made[0]!.endByBrowser());
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(tile).toHaveAttribute("data-state", "off");
    expect(share!.sharing).toBe(false);
  });

  it("a transport that cannot share reports it unsupported", async () => {
    undo = installMedia();
    const { client } = setup(undefined, false);
    renderWithClient(client, <ScreenShareToggle />);
    await act(() => client.connect());
    await userEvent.click(screen.getByRole("button", { name: "Share screen" }));
    const button = screen.getByRole("button", { name: "Share screen" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(button).toHaveAccessibleDescription("Screen sharing is not supported here.");
  });
});
