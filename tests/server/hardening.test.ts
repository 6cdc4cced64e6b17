import { request as httpRequest } from "node:http";
import { describe, expect, it, onTestFinished } from "vitest";
import { REPORT_CSP } from "../../src/server/security-headers.ts";
import { createTestApp, smallFields, uploadInit } from "./helpers.ts";

describe("a multipart body of many parts", () => {
  it("refuses a 64 MiB body of a million tiny parts in under a second, with RSS growing under 50 MB", async () => {
    const app = await createTestApp();
    const boundary = "----flood";
    const part = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n`);
    const count = Math.floor((64 * 1024 * 1024 - 64) / part.length);
    const body = Buffer.concat([
      ...Array.from({ length: count }, () => part),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const response = await app.request("/api/submissions", {
      method: "POST",
      headers: {
        authorization: `Bearer ${app.tokens.teamA}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(body.length),
      },
      body: chunked(body, 64 * 1024),
      duplex: "half",
    } as RequestInit);
    const answer = await response.json();
    const seconds = (performance.now() - started) / 1000;
    const growthMb = (process.memoryUsage().rss - rssBefore) / 1e6;
    expect({
      count: count > 1_000_000,
      status: response.status,
      answer,
      fast: seconds < 1,
      small: growthMb < 50,
    }).toEqual({
      count: true,
      status: 413,
      answer: {
        error:
          "The upload has more than 64 multipart parts; send the topic, one file per evidence role and its format, or one zipped submission.",
      },
      fast: true,
      small: true,
    });
  });

  it("still accepts a browser-sized upload split across chunks of one byte", async () => {
    const app = await createTestApp();
    const init = uploadInit(app.tokens.teamA, smallFields(50));
    const request = new Request("http://claimcheck.test/api/submissions", init);
    const bytes = Buffer.from(await request.arrayBuffer());
    // Waits for the verdict: a 201 shows the files arrived whole, not only that a body was stored.
    const response = await app.request("/api/submissions?wait=true", {
      method: "POST",
      headers: {
        ...(init.headers as Record<string, string>),
        "content-type": request.headers.get("content-type") ?? "",
      },
      body: chunked(bytes, 1),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(201);
  });
});

describe("headers on every answer", () => {
  it("serves report pages with no script and no framing, and nosniff on every answer, errors too", async () => {
    const app = await createTestApp();
    const created = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.teamA, smallFields(50)),
    );
    const { id } = (await created.json()) as { id: string };
    const auth = { headers: { authorization: `Bearer ${app.tokens.teamA}` } };
    const paths = ["/", "/topics/1.2", "/api/topics", `/api/submissions/${id}`, "/nowhere", "/openapi.json"];
    const sniff = [];
    for (const path of paths)
      sniff.push((await app.request(path, auth)).headers.get("x-content-type-options"));
    const report = await app.request(`/api/submissions/${id}/report.html`, auth);
    const pageCsp = (await app.request("/")).headers.get("content-security-policy") ?? "";
    expect({
      sniff,
      created: created.headers.get("x-content-type-options"),
      report: [report.status, report.headers.get("content-security-policy")],
      pageFraming: /frame-ancestors 'none'/.test(pageCsp),
    }).toEqual({
      sniff: paths.map(() => "nosniff"),
      created: "nosniff",
      report: [200, REPORT_CSP],
      pageFraming: true,
    });
    expect(REPORT_CSP).toMatch(/script-src 'none'.*frame-ancestors 'none'/);
  });

  it("answers HEAD as GET, without a body", async () => {
    const app = await createTestApp();
    const answers = [];
    for (const path of ["/", "/api/topics", "/topics/1.2", "/topics/1.2/export.csv", "/nowhere"]) {
      const get = await app.request(path);
      const head = await app.request(path, { method: "HEAD" });
      answers.push({
        path,
        same:
          [head.status, head.headers.get("content-type")].join() ===
          [get.status, get.headers.get("content-type")].join(),
        body: await head.text(),
      });
    }
    expect(answers.map((a) => [a.path, a.same, a.body])).toEqual([
      ["/", true, ""],
      ["/api/topics", true, ""],
      ["/topics/1.2", true, ""],
      ["/topics/1.2/export.csv", true, ""],
      ["/nowhere", true, ""],
    ]);
  });
});

// --- internal ---

function chunked(bytes: Buffer, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + size)));
      offset += size;
    },
  });
}

describe("a multipart flood over a socket", () => {
  it("answers 413 to a million tiny parts sent to a running server within a second", async () => {
    const { startServer } = await import("../../src/server/start-server.ts");
    const { createSqliteStore } = await import("../../src/store/sqlite-store.ts");
    const store = createSqliteStore(":memory:");
    const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
    const server = await startServer({ store, port: 0, log: () => {} });
    onTestFinished(async () => {
      await server.close();
      await store.close();
    });
    const boundary = "----flood";
    const part = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n`);
    const count = Math.floor((64 * 1024 * 1024 - 64) / part.length);
    const body = Buffer.concat([
      ...Array.from({ length: count }, () => part),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.url}/api/submissions`);
      const request = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": `multipart/form-data; boundary=${boundary}`,
            "content-length": body.length,
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      // The server refuses and closes before the 64 MiB are sent; the client's last writes then fail
      // with EPIPE on a socket the request has already let go of, which is the refusal working.
      request.on("socket", (socket) => socket.on("error", () => {}));
      request.end(body);
    });
    expect([status, (performance.now() - started) / 1000 < 1]).toEqual([413, true]);
  });
});
