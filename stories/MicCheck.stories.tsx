import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MicCheck } from "rtvi-react-kit";
import { toneTrack } from "./support/play";

/**
 * A microphone check before joining: pick a microphone, see its level (on the level bus,
 * no React render per reading), and read why when it is denied or missing. The microphone
 * is released on unmount and when the call starts; the chosen one carries into the call.
 * The stories stand in a tone for the microphone (or a refusal), so they need no hardware.
 */
const meta = {
  title: "Components/MicCheck",
  component: MicCheck,
  parameters: { session: {} },
} satisfies Meta<typeof MicCheck>;

export default meta;
type Story = StoryObj<typeof meta>;

const DEVICES = [
  { deviceId: "tone-mic", label: "Tone microphone", kind: "audioinput", groupId: "g", toJSON: () => ({}) },
  { deviceId: "second-mic", label: "Second microphone", kind: "audioinput", groupId: "g", toJSON: () => ({}) },
] as MediaDeviceInfo[];

/** Replaces getUserMedia for one story; the story's cleanup puts the browser's back. */
function fakeMicrophone(answer: () => Promise<MediaStream>) {
  return () => {
    const own = Object.getOwnPropertyDescriptor(navigator, "mediaDevices");
    const fake = Object.assign(new EventTarget(), { getUserMedia: answer, enumerateDevices: async () => DEVICES });
    Object.defineProperty(navigator, "mediaDevices", { configurable: true, value: fake });
    return () => {
      if (own) Object.defineProperty(navigator, "mediaDevices", own);
      else Reflect.deleteProperty(navigator, "mediaDevices");
    };
  };
}

const toneStream = async () => {
  const t = toneTrack();
  if (!t) throw Object.assign(new Error("no audio"), { name: "NotFoundError" });
  return new MediaStream([t]);
};

/** A working microphone (a tone): the level bar moves, devices are listed. */
export const Working: Story = {
  beforeEach: fakeMicrophone(toneStream),
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const root = canvasElement.querySelector("[data-rtvi-mic-check]");
    await waitFor(() => expect(root).toHaveAttribute("data-state", "live"), { timeout: 5_000 });
    await expect(c.getByRole("status")).toHaveTextContent("Speak: the bar should move.");
    await expect(await c.findByLabelText("Microphone")).toBeInTheDocument();
    // Whether the tone moves the bar depends on the page's audio being allowed to start
    // (autoplay policy); the unit tests check that readings reach it with no React commit.
    await expect(c.getByRole("meter", { name: "Microphone level" })).toHaveAttribute("aria-valuemin", "0");
  },
};

/** Started by a click (`autoStart={false}`), e.g. to avoid a permission prompt on page load. */
export const OnClick: Story = {
  args: { autoStart: false },
  beforeEach: fakeMicrophone(toneStream),
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await userEvent.click(c.getByRole("button", { name: "Test microphone" }));
    await waitFor(() => expect(canvasElement.querySelector("[data-rtvi-mic-check]")).toHaveAttribute("data-state", "live"), { timeout: 5_000 });
  },
};

/** The user blocked the microphone: explained in words, with a retry. */
export const Denied: Story = {
  beforeEach: fakeMicrophone(async () => {
    throw Object.assign(new Error("Permission denied"), { name: "NotAllowedError" });
  }),
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(await c.findByRole("alert")).toHaveTextContent("Microphone access is blocked. Allow it in the browser's site settings, then try again.");
    await expect(c.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  },
};

/** No microphone at all, with a translated sentence. */
export const Missing: Story = {
  args: { labels: { problems: { "no-device": "未找到麦克风。请连接一个麦克风后重试。" }, retry: "重试", level: "麦克风音量" } },
  beforeEach: fakeMicrophone(async () => {
    throw Object.assign(new Error("Requested device not found"), { name: "NotFoundError" });
  }),
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(await c.findByRole("alert")).toHaveTextContent("未找到麦克风");
    await expect(c.getByRole("button", { name: "重试" })).toBeInTheDocument();
  },
};
