import { describe, expect, it } from "vitest";
import { safeNext } from "../../../src/server/pages/signin-page.ts";

describe("where sign-in returns to", () => {
  it("returns to a path on this server and nowhere else", () => {
    const asked = [
      "/submissions/abc?lang=zh",
      "/topics",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "",
      "/a b",
    ];
    expect(asked.map(safeNext)).toEqual([
      "/submissions/abc?lang=zh",
      "/topics",
      "/topics",
      "/topics",
      "/topics",
      "/topics",
      "/topics",
    ]);
  });
});
