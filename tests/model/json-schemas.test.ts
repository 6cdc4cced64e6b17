import { describe, expect, it } from "vitest";
import { computeJsonSchemas } from "../../src/model/json-schemas.ts";

describe("published JSON Schemas", () => {
  for (const [name, schema] of Object.entries(computeJsonSchemas())) {
    it(`keeps schemas/${name} in sync with the zod source`, async () => {
      await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(`../../schemas/${name}`);
    });
  }
});
