import { version } from "react";
import { version as domVersion } from "react-dom";
import { describe, expect, it } from "vitest";

// Guards the matrix itself: each project really runs the React it claims.
describe("React version under test", () => {
  it("matches the project's React and React DOM", () => {
    const project = (globalThis as { __vitest_worker__?: { ctx?: { projectName?: string } } }).__vitest_worker__?.ctx?.projectName ?? process.env.VITEST_PROJECT ?? "";
    const major = project.endsWith("react18") ? "18" : "19";
    expect(version.split(".")[0]).toBe(major);
    expect(domVersion.split(".")[0]).toBe(major);
  });
});
