import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { badCandidate, EXAMPLE_TEAM, fixture, smallFields, uploadInit } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = process.env.CLAIMCHECK_SCREENSHOTS ?? join(tmpdir(), "claimcheck-screenshots");

if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `upload page browser test skipped: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)\n`,
  );
}

const TITLE = existsSync(CHROMIUM)
  ? "the upload page in Chromium"
  : `the upload page in Chromium (skipped: ${CHROMIUM} is missing; apt-get install chromium fonts-noto-cjk)`;

describe.skipIf(!existsSync(CHROMIUM))(TITLE, () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    store = createSqliteStore(":memory:");
    token = await store.createToken({ role: "team", team: EXAMPLE_TEAM }, "2026-08-01T00:00:00.000Z");
    server = await startServer({ store, port: 0, log: () => {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it("shows a bad cell with its row, then after the fix the verdict and the report", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(server.url);
    await page.fill("#token", token);
    await page.selectOption("#topic", "1.2");
    await page.setInputFiles("#files", [
      csv("candidate.csv", badCandidate()),
      csv("baseline.csv", fixture("1.2-pass/baseline.csv")),
    ]);
    await page.click("#submit");
    await page.waitForSelector("table.sheet td.bad");
    const bad = await page.$$eval("table.sheet tr.badrow", (rows) =>
      rows.map((row) => [row.querySelector(".rownum")?.textContent, row.querySelector(".bad")?.textContent]),
    );
    const heading = await page.textContent("#errors");
    await shoot(page, "1-errors.png");
    expect([heading, bad]).toEqual(["Fix these errors (1)", [["5", "160.189 ms"]]]);

    await page.setInputFiles("#files", [csv("candidate.csv", fixture("1.2-pass/candidate.csv"))]);
    await page.click("#submit");
    await page.waitForSelector("#verdict");
    const verdict = await page.textContent("#verdict .badge");
    const rows = await page.$$eval("#requirements tbody tr", (trs) => trs.length);
    await shoot(page, "2-verdict.png");
    expect(verdict).toMatch(/^(pass|fail|inconclusive|missing)$/);
    expect(rows).toBeGreaterThan(0);

    await Promise.all([page.waitForURL(/\/submissions\/[^/?]+\?lang=en$/), page.click("#report-link")]);
    const title = await page.title();
    await shoot(page, "3-report.png");
    expect(title.length).toBeGreaterThan(0);

    const other = await store.createToken({ role: "team", team: "Team B" }, "2026-08-01T00:00:00.000Z");
    for (const rows of [300, 1000]) {
      const response = await fetch(
        `${server.url}/api/submissions?wait=true`,
        uploadInit(other, smallFields(rows)),
      );
      expect(response.status).toBe(201);
    }
    const officer = await store.createToken({ role: "officer", name: "Dr. Li" }, "2026-08-01T00:00:00.000Z");
    const published = await fetch(`${server.url}/api/topics/1.2/publication`, {
      method: "PUT",
      headers: { authorization: `Bearer ${officer}`, "content-type": "application/json" },
      body: JSON.stringify({ select: "latest" }),
    });
    expect(published.status).toBe(200);
    // The page's session cookie is HttpOnly, and nothing of the token is left in the page's storage.
    const stored = await page.evaluate("[document.cookie, JSON.stringify(localStorage)]");
    expect(stored).toEqual(["", "{}"]);
    await page.goto(`${server.url}/topics/1.2`);
    const teams = await page.$$eval("#latest thead .team", (cells) => cells.map((c) => c.textContent));
    await shoot(page, "4-dashboard.png");
    // Columns in team-name order, whoever looks: Latin before Han in the collation.
    expect(teams).toEqual(["Team B", EXAMPLE_TEAM]);
  }, 120_000);

  it("shows findings and reasons in Chinese on the Chinese page, rendered by the server from their keys", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(`${server.url}/?lang=zh`);
    await page.fill("#token", token);
    await page.selectOption("#topic", "1.2");
    await page.setInputFiles("#files", [
      csv("candidate.csv", badCandidate()),
      csv("baseline.csv", fixture("1.2-pass/baseline.csv")),
    ]);
    await page.click("#submit");
    await page.waitForSelector("#errors");
    const finding = await page.textContent("ul.errors li");
    await page.setInputFiles("#files", [csv("candidate.csv", fixture("1.2-pass/candidate.csv"))]);
    await page.click("#submit");
    await page.waitForSelector("#verdict");
    const reasons = await page.$$eval("#requirements tbody tr td:last-child", (tds) =>
      tds.map((td) => td.textContent ?? ""),
    );
    await shoot(page, "5-verdict-zh-390.png");
    // Each sentence is Chinese: Han characters, and no run of English words (ids and units aside).
    const english = (text: string) => /[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/.test(text);
    expect({
      finding: /[\u4e00-\u9fff]/.test(finding ?? "") && !english(finding ?? ""),
      reasons: reasons.length > 0 && reasons.every((r) => /[\u4e00-\u9fff]/.test(r) && !english(r)),
    }).toEqual({ finding: true, reasons: true });
  }, 120_000);
});

// --- internal ---

function csv(name: string, bytes: Uint8Array) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(bytes) };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}
