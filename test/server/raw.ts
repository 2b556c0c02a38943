import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { error?: string } & Record<string, unknown>;
}

/**
 * One HTTP request with full control of the headers fetch will not let us set (Host) and of the
 * source address (127.0.0.2 is "another client" on the same machine).
 */
export function raw(
  base: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<RawResponse> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.from, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as RawResponse["body"]) : {} }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

export const post = (base: string, path: string, headers: Record<string, string> = {}, body = "{}", from?: string): Promise<RawResponse> =>
  raw(base, path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, from });
