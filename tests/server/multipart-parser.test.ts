import { describe, expect, it } from "vitest";
import {
  createMultipartParser,
  MalformedMultipartError,
  type PartHeaders,
  parsePartHeaders,
} from "../../src/server/multipart-parser.ts";

describe("the streaming multipart parser", () => {
  it.each([1, 3, 17, 64 * 1024])(
    "splits a browser form into the same parts whatever the chunk size (%i bytes)",
    async (size) => {
      const { body, boundary } = await encodeForm();
      expect(parseInChunks(body, boundary, size)).toEqual(EXPECTED);
    },
  );

  it("keeps a boundary-like line inside a file that is not preceded by a line break", () => {
    const body = Buffer.from(
      `--b\r\nContent-Disposition: form-data; name="candidate"; filename="c.csv"\r\n\r\nx--b\r\n--c\r\n--b--\r\n`,
    );
    expect(parseInChunks(body, "b", 2)).toEqual([
      { headers: { name: "candidate", filename: "c.csv", type: "" }, text: "x--b\r\n--c" },
    ]);
  });

  it.each([
    ["a body cut before its closing delimiter", `--b\r\nContent-Disposition: form-data; name="t"\r\n\r\n1.2`],
    ["a part without Content-Disposition", `--b\r\nContent-Type: text/plain\r\n\r\n1.2\r\n--b--\r\n`],
    ["a part without a name", `--b\r\nContent-Disposition: form-data\r\n\r\n1.2\r\n--b--\r\n`],
    [
      "a delimiter followed by other bytes",
      `--b\r\nContent-Disposition: form-data; name="t"\r\n\r\n1\r\n--bXY`,
    ],
    ["headers that never end", `--b\r\nContent-Disposition: form-data; name="${"n".repeat(20_000)}`],
  ])("refuses %s", (_, body) => {
    expect(() => parseInChunks(Buffer.from(body), "b", 5)).toThrow(MalformedMultipartError);
  });

  it("reads the name, file name and media type of a part's headers", () => {
    expect(
      parsePartHeaders(
        'content-disposition: form-data; name="format.candidate"\r\nContent-Type: text/plain; charset=UTF-8',
      ),
    ).toEqual({ name: "format.candidate", type: "text/plain; charset=UTF-8" });
    expect(parsePartHeaders('Content-Disposition: form-data; name=candidate; filename="结果 1.csv"')).toEqual(
      { name: "candidate", filename: "结果 1.csv", type: "" },
    );
  });
});

// --- internal ---

const EXPECTED = [
  { headers: { name: "topic", type: "" }, text: "1.2" },
  {
    headers: { name: "candidate", filename: "结果.csv", type: "text/csv" },
    text: "a,b\r\n1,2\r\n--\r\n\r\n",
  },
  { headers: { name: "baseline", filename: "b.csv", type: "application/octet-stream" }, text: "" },
];

/** A form as undici encodes it for fetch: a text field, a CSV with CRLFs and dashes, an empty file. */
async function encodeForm(): Promise<{ body: Buffer; boundary: string }> {
  const form = new FormData();
  form.append("topic", "1.2");
  form.append("candidate", new File(["a,b\r\n1,2\r\n--\r\n\r\n"], "结果.csv", { type: "text/csv" }));
  form.append("baseline", new File([], "b.csv"));
  const request = new Request("http://x.test/", { method: "POST", body: form });
  const type = request.headers.get("content-type") ?? "";
  return { body: Buffer.from(await request.arrayBuffer()), boundary: type.split("boundary=")[1] ?? "" };
}

function parseInChunks(
  body: Buffer,
  boundary: string,
  size: number,
): { headers: PartHeaders; text: string }[] {
  const parts: { headers: PartHeaders; chunks: Uint8Array[] }[] = [];
  const parser = createMultipartParser(boundary, {
    part: (headers) => parts.push({ headers, chunks: [] }),
    data: (chunk) => parts.at(-1)?.chunks.push(chunk),
    end: () => {},
  });
  for (let at = 0; at < body.length; at += size) parser.push(body.subarray(at, at + size));
  parser.finish();
  return parts.map(({ headers, chunks }) => ({ headers, text: Buffer.concat(chunks).toString("utf8") }));
}
