import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { EXAMPLE_TEAM, fixture, smallFields, uploadInit } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = process.env.CLAIMCHECK_SCREENSHOTS ?? join(tmpdir(), "claimcheck-screenshots");
const HINT = `${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`;

if (!existsSync(CHROMIUM)) process.stderr.write(`server pages browser test skipped: ${HINT}\n`);

const TITLE = existsSync(CHROMIUM)
  ? "the server's pages in Chromium"
  : `the server's pages in Chromium (skipped: ${HINT})`;

describe.skipIf(!existsSync(CHROMIUM))(TITLE, () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let officer: string;
  let team: string;
  let reportId: string;

  beforeAll(async () => {
    store = createSqliteStore(":memory:");
    const at = "2026-08-01T00:00:00.000Z";
    officer = await store.createToken({ role: "officer", name: "Dr. Li" }, at);
    team = await store.createToken({ role: "team", team: EXAMPLE_TEAM }, at);
    // A long team name without spaces: the dashboard's columns and the chart's legend must still fit.
    const long = await store.createToken(
      { role: "team", team: "Institute-of-Computing-Technology_CAS-Beijing" },
      at,
    );
    server = await startServer({ store, port: 0, log: () => {} });
    for (const [token, rows] of [
      [team, 200],
      [long, 300],
      [team, 400],
    ] as const) {
      const response = await fetch(
        `${server.url}/api/submissions?wait=true`,
        uploadInit(token, smallFields(rows)),
      );
      expect(response.status).toBe(201);
      reportId = ((await response.json()) as { id: string }).id;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-sync",
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it("fits a 390 px phone on every page, in English and Chinese: only a table that says so scrolls", async () => {
    const widths: Record<string, [number, number]> = {};
    const statuses: Record<string, number | undefined> = {};
    // Signed in as the team that owns the report: nothing is published, so anyone else gets its 404 page.
    const now = new Date();
    const session = await store.createSession(
      team,
      now.toISOString(),
      new Date(now.getTime() + 3_600_000).toISOString(),
    );
    for (const lang of ["en", "zh"] as const) {
      for (const width of [390, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 844 } });
        await context.addCookies([{ name: "claimcheck_session", value: session ?? "", url: server.url }]);
        const page = await context.newPage();
        for (const [name, path] of [
          ["upload", "/"],
          ["topics", "/topics"],
          ["dashboard", "/topics/1.2"],
          ["report", `/submissions/${reportId}`],
          ["signin", "/signin"],
          ["404", "/no/such/page"],
        ] as const) {
          const response = await page.goto(
            `${server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`,
          );
          statuses[`${name} ${lang}`] = response?.status();
          await shoot(page, `${name}-${lang}-${width}.png`);
          if (width === 390) widths[`${name} ${lang}`] = await pageWidth(page);
        }
        await context.close();
      }
    }
    expect({
      wide: Object.entries(widths).filter(([, [scroll, inner]]) => scroll > inner),
      missing: Object.entries(statuses).filter(
        ([name, status]) => status !== (name.startsWith("404") ? 404 : 200),
      ),
    }).toEqual({ wide: [], missing: [] });
  }, 120_000);

  it("fits the upload page's verdict on a phone", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.url}/?lang=zh`);
    await page.fill("#token", team);
    await page.setInputFiles("#files", [
      csv("candidate-with-a-long-name_2026-08-01.csv", fixture("1.2-pass/candidate.csv")),
      csv("baseline.csv", fixture("1.2-pass/baseline.csv")),
    ]);
    await page.click("#submit");
    await page.waitForSelector("#verdict");
    await shoot(page, "upload-verdict-zh-390.png");
    const [scroll, inner] = await pageWidth(page);
    expect([scroll <= inner, await page.textContent("#report-link")]).toEqual([true, "打开验收报告"]);
    await page.close();
  }, 60_000);

  it("lets an officer sign in, waive a failing requirement with a reason on the report page, and see it waived", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // Nothing is published yet: a signed-out reader gets the 404 page, and signs in from its header link.
    const firstVisit = await page.goto(`${server.url}/submissions/${reportId}?lang=en`);
    const signedOut = [firstVisit?.status(), await page.$("#waiver-form")];
    await page.click("#signin-link");
    await page.fill("#signin-token", officer);
    await Promise.all([page.waitForURL(/\/submissions\//), page.click("#signin-submit")]);
    const requirement = await page.inputValue("#waive-requirement");
    await page.selectOption("#waive-requirement", "1.2/ttft-p99-regression");
    await page.fill("#waive-reason", "Measured again on the programme cluster; the p99 holds there");
    await Promise.all([page.waitForURL(/waived=/), page.click("#waive-submit")]);
    await shoot(page, "report-waived-en-390.png");
    await page.locator("#waivers").screenshot({ path: join(SHOTS, "report-waivers-en-390.png") });
    const listed = await page.$$eval("#waived-list li", (items) =>
      items.map((li) => li.getAttribute("data-requirement")),
    );
    const badge = await page.$eval("#waived-list li .badge", (b) => b.textContent);
    const signedIn = await page.textContent("#signin-link");
    const [scroll, inner] = await pageWidth(page);
    expect({
      signedOut,
      first: requirement !== "",
      notice: await page.textContent("#waiver-notice"),
      listed,
      badge,
      signedIn,
      fits: scroll <= inner,
    }).toEqual({
      signedOut: [404, null],
      first: true,
      notice: "1.2/ttft-p99-regression is now waived.",
      listed: ["1.2/ttft-p99-regression"],
      badge: "waived",
      signedIn: "Signed in: program officer",
      fits: true,
    });
    await page.close();
  }, 60_000);
});

// --- internal ---

function csv(name: string, bytes: Uint8Array) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(bytes) };
}

/** The page's scroll width and the window's inner width: the page scrolls sideways when the first is larger. */
async function pageWidth(page: Page): Promise<[number, number]> {
  // A string: the test is type-checked without the DOM library; Chromium evaluates it.
  return (await page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")) as [
    number,
    number,
  ];
}

/** The whole page, and its first screen on its own (what a reader sees before scrolling). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
  await page.screenshot({ path: join(SHOTS, name.replace(/\.png$/, "-first-screen.png")) });
}
