import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./harness";

const work = mkdtempSync(join(tmpdir(), "rtvi-example-copy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sh(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: "pipe", env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false", npm_config_update_notifier: "false" } });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${err.stdout ?? ""}${err.stderr ?? ""}`.slice(0, 4000));
  }
}

describe("example-app is copyable", () => {
  it("installs against the packed kit outside the repo, type-checks and builds", () => {
    sh("npx", ["vite", "build", "--logLevel", "warn"], ROOT);
    const [{ filename }] = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", work], ROOT)) as [{ filename: string }];
    const app = join(work, "app");
    cpSync(join(ROOT, "example-app"), app, {
      recursive: true,
      filter: (src) => !/(\/node_modules|\/dist|\/\.env)(\/|$)/.test(src.slice(join(ROOT, "example-app").length)),
    });
    const pkgPath = join(app, "package.json");
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { dependencies: Record<string, string> };
    pkg.dependencies["rtvi-react-kit"] = `file:${join(work, filename)}`;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));

    sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], app);
    expect(existsSync(join(app, "node_modules/rtvi-react-kit/dist/index.js"))).toBe(true);
    sh("npm", ["run", "typecheck"], app);
    sh("npm", ["run", "build"], app);
    const html = readFileSync(join(app, "dist/index.html"), "utf8");
    expect(html).toMatch(/<script type="module"[^>]+src="\/assets\/index-[\w-]+\.js"/);
  }, 600_000);
});
