import { describe, expect, it } from "vitest";
import { createTestApp, smallFields, type TestApp, uploadInit } from "./helpers.ts";

describe("browser sessions", () => {
  it("answers POST /api/session with the role and an HttpOnly, SameSite=Strict cookie holding a session id, not the token", async () => {
    const app = await createTestApp();
    const response = await login(app, app.tokens.example);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect({
      status: response.status,
      body: await response.json(),
      cookie: cookie.replace(/=cs_[A-Za-z0-9_-]{43};/, "=<id>;"),
      holdsToken: cookie.includes(app.tokens.example),
    }).toEqual({
      status: 200,
      body: { role: "team", team: "示例大学 Example University" },
      cookie: "claimcheck_session=<id>; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict",
      holdsToken: false,
    });
  });

  it("uses the __Host- prefix and Secure over TLS, and behind a proxy only when told to trust it", async () => {
    const direct = await createTestApp();
    const proxied = await createTestApp({}, undefined, { trustProxy: true });
    const forwarded = { "x-forwarded-proto": "https" };
    const cookieOf = async (app: TestApp, url: string, headers: Record<string, string> = {}) =>
      ((await login(app, app.tokens.officer, url, headers)).headers.get("set-cookie") ?? "").replace(
        /=cs_[A-Za-z0-9_-]{43};/,
        "=<id>;",
      );
    expect({
      https: await cookieOf(direct, "https://claimcheck.test/api/session"),
      untrustedProxy: await cookieOf(direct, "http://claimcheck.test/api/session", forwarded),
      trustedProxy: await cookieOf(proxied, "http://claimcheck.test/api/session", forwarded),
    }).toEqual({
      https: "__Host-claimcheck_session=<id>; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure",
      untrustedProxy: "claimcheck_session=<id>; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict",
      trustedProxy:
        "__Host-claimcheck_session=<id>; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure",
    });
  });

  it("reads as the session's team until DELETE /api/session clears the cookie and forgets the session", async () => {
    const app = await createTestApp();
    const cookie = cookiePair(await login(app, app.tokens.teamA));
    const whoAmI = async () => (await app.request("/api/session", { headers: { cookie } })).json();
    const before = await whoAmI();
    const out = await app.request("/api/session", { method: "DELETE", headers: { cookie } });
    expect([before, out.status, out.headers.get("set-cookie"), await whoAmI()]).toEqual([
      { role: "team", team: "Team A" },
      204,
      "claimcheck_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
      { role: "public" },
    ]);
  });

  it("refuses an unknown token and a body that is not JSON", async () => {
    const app = await createTestApp();
    const form = await app.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `token=${app.tokens.teamA}`,
    });
    const unknown = await login(app, "cc_unknown");
    expect([form.status, unknown.status, unknown.headers.get("set-cookie")]).toEqual([400, 401, null]);
  });

  it("treats a malformed or stale cookie as no session, never as an error", async () => {
    const app = await createTestApp();
    const cookies = [
      "claimcheck_token=%",
      "claimcheck_session=%",
      "claimcheck_session=%E0%A4%A",
      `claimcheck_session=cs_${"A".repeat(43)}`,
      `claimcheck_session="${app.tokens.teamA}"`,
      "=; ;;claimcheck_session",
    ];
    const answers = [];
    for (const cookie of cookies) {
      for (const path of ["/", "/topics/1.2", "/api/session", "/api/topics/1.2/submissions"]) {
        answers.push((await app.request(path, { headers: { cookie } })).status);
      }
    }
    expect(answers).toEqual(cookies.flatMap(() => [200, 200, 200, 200]));
  });

  it("lets the upload page submit with its session cookie, but not another site", async () => {
    const app = await createTestApp();
    const cookie = cookiePair(await login(app, app.tokens.teamA));
    const upload = (headers: Record<string, string>) => {
      const init = uploadInit(undefined, smallFields(50));
      return app.request("/api/submissions", { ...init, headers: { cookie, ...headers } });
    };
    const crossSite = await upload({ "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    const foreignOrigin = await upload({ origin: "https://evil.example" });
    const sameOrigin = await upload({ "sec-fetch-site": "same-origin", origin: "http://claimcheck.test" });
    // The upload page polls the status URL with the same cookie until the job has ended.
    const { id } = (await sameOrigin.json()) as { id: string };
    let status = "queued";
    for (let i = 0; i < 600 && (status === "queued" || status === "running"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const polled = await app.request(`/api/submissions/${id}/status`, { headers: { cookie } });
      status =
        polled.status === 200 ? ((await polled.json()) as { status: string }).status : `${polled.status}`;
    }
    expect([crossSite.status, foreignOrigin.status, sameOrigin.status, status]).toEqual([
      401,
      401,
      202,
      "done",
    ]);
    expect((await app.store.listSubmissions()).map((s) => s.team)).toEqual(["Team A"]);
  });
});

// --- internal ---

function login(app: TestApp, token: string, url = "http://claimcheck.test/api/session", headers = {}) {
  return app.handle(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ token }),
    }),
  );
}

function cookiePair(response: Response): string {
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}
