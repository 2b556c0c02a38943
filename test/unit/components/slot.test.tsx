import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { describe, expect, it, vi } from "vitest";
import { Slot } from "../../../src/components/Slot";

// The kit's own asChild slot (it replaced @radix-ui/react-slot): the Radix contract for one element.
describe("Slot", () => {
  it("gives the element both the slot's ref and the child's own ref", () => {
    const slotRef = createRef<HTMLElement>();
    const childRef = createRef<HTMLButtonElement>();
    render(
      <Slot ref={slotRef}>
        <button ref={childRef}>go</button>
      </Slot>,
    );
    const button = screen.getByRole("button", { name: "go" });
    expect(slotRef.current).toBe(button);
    expect(childRef.current).toBe(button);
  });

  it("keeps the child's ref when the slot has none", () => {
    const childRef = createRef<HTMLButtonElement>();
    render(
      <Slot>
        <button ref={childRef}>go</button>
      </Slot>,
    );
    expect(childRef.current).toBe(screen.getByRole("button"));
  });

  it("runs the child's handler before the slot's, joins class names and lets the child's style and attributes win", async () => {
    const calls: string[] = [];
    render(
      <Slot className="kit" style={{ color: "red", margin: 1 }} title="kit" data-x="kit" onClick={() => calls.push("slot")}>
        <button className="mine" style={{ color: "blue" }} title="mine" onClick={() => calls.push("child")}>
          go
        </button>
      </Slot>,
    );
    const button = screen.getByRole("button");
    await userEvent.setup().click(button);
    expect(calls).toEqual(["child", "slot"]);
    expect(button.className).toBe("kit mine");
    expect(button.style.color).toBe("blue");
    expect(button.style.margin).toBe("1px");
    expect(button).toHaveAttribute("title", "mine");
    expect(button).toHaveAttribute("data-x", "kit");
  });

  it("passes the slot's handler when the child has none", async () => {
    const onClick = vi.fn();
    render(
      <Slot onClick={onClick}>
        <button>go</button>
      </Slot>,
    );
    await userEvent.setup().click(screen.getByRole("button"));
    expect(onClick).toHaveBeenCalledOnce();
  });

  it("refuses more than one child", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() =>
      render(
        <Slot>
          <button>a</button>
          <button>b</button>
        </Slot>,
      ),
    ).toThrow(/exactly one React element/);
    vi.restoreAllMocks();
  });
});
