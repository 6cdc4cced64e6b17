import { describe, expect, it } from "vitest";
import { computeCnCheckDigit, parseDeliverableNumber } from "../../src/judge/deliverable-number.ts";
import { renderMessage } from "../../src/render/catalog/index.ts";

/**
 * Real CNIPA numbers as their holders list them on public pages:
 * - https://github.com/mengran-zhao/mengran-zhao.github.io/blob/7c74be8399aa30872e256cf94058921cecdff0d3/_pages/Patents.md
 *   (granted invention patents ZL…; the page also holds one mistyped 13-digit number, ZL2021100776703.3)
 * - https://github.com/rjinxx/xiaojun.jin/blob/ca9d2516d83de5301dbd5fa9eaa276f60dae1f90/content/home/patents.md
 *   (two utility models ZL2022222…, publications CN115251024A and CN115018770A)
 * - https://github.com/koalm/starter-hugo-academic/blob/17ab106a05d468decb03cd55c706189e8c6cca66/content/en/home/ips.md
 *   (publication numbers CN…U / CN…B and software copyright registrations 2019SR0800812, 2021SR599060)
 * - http://dfrtw.com/zhuanlichaxun/31487.html (the check-digit rule, worked on 201710601862.3)
 */
const REAL_CN_NUMBERS = [
  "202211157877.2",
  "202210327139.1",
  "201910085641.4",
  "202010097723.3",
  "202010873921.4",
  "202010670048.9",
  "201711321143.2",
  "202222281366.3",
  "202222112381.5",
  "201710601862.3",
];

describe("computeCnCheckDigit", () => {
  it("gives the check digit every real application number carries, X for 10", () => {
    expect(REAL_CN_NUMBERS.map((n) => computeCnCheckDigit(n.slice(0, 12)))).toEqual(
      REAL_CN_NUMBERS.map((n) => n.slice(13)),
    );
    // Pre-2003 numbers have 8 digits and the same weights: ZL95115608.X is the textbook example.
    expect([computeCnCheckDigit("95115608"), computeCnCheckDigit("97101765")]).toEqual(["X", "4"]);
  });
});

describe("parseDeliverableNumber", () => {
  it("reads the Chinese forms: ZL, CN-prefixed and bare application numbers, publications, copyrights", () => {
    const read = [
      "ZL202211157877.2",
      "专利号：ZL202210327139.1（一种频分同发散角多模态OAM超表面）",
      "中国: ZL202222281366.3（授权公告日: 2023.03.24, 实用新型）",
      "申请号：2023103977440",
      "CN115251024A",
      "Modular warehousing system, CN107054958B, 03/01/2020",
      "CN209860633U",
      "PCT/CN2024/123456",
      "Smart warehouse buffering management system V1.1, 2019SR0800812",
      "2021SR599060",
      "软著登字第0671096号",
    ].map(parseDeliverableNumber);
    expect(
      read.map((n) => n && { type: n.type, form: n.form, zh: renderMessage(n.formRef, "", "zh") }),
    ).toEqual([
      {
        type: "patent",
        form: "CN invention patent number 202211157877.2",
        zh: "中国发明专利号 202211157877.2",
      },
      {
        type: "patent",
        form: "CN invention patent number 202210327139.1",
        zh: "中国发明专利号 202210327139.1",
      },
      {
        type: "patent",
        form: "CN utility model patent number 202222281366.3",
        zh: "中国实用新型专利号 202222281366.3",
      },
      {
        type: "patent",
        form: "CN invention application number 202310397744.0",
        zh: "中国发明专利申请号 202310397744.0",
      },
      {
        type: "patent",
        form: "CN publication number CN115251024A",
        zh: "中国专利公布（公告）号 CN115251024A",
      },
      {
        type: "patent",
        form: "CN publication number CN107054958B",
        zh: "中国专利公布（公告）号 CN107054958B",
      },
      {
        type: "patent",
        form: "CN publication number CN209860633U",
        zh: "中国专利公布（公告）号 CN209860633U",
      },
      { type: "patent", form: "PCT application PCT/CN2024/123456", zh: "PCT 国际申请号 PCT/CN2024/123456" },
      {
        type: "software-copyright",
        form: "software copyright registration number 2019SR0800812",
        zh: "软件著作权登记号 2019SR0800812",
      },
      {
        type: "software-copyright",
        form: "software copyright registration number 2021SR599060",
        zh: "软件著作权登记号 2021SR599060",
      },
      {
        type: "software-copyright",
        form: "software copyright certificate number 软著登字第0671096号",
        zh: "软件著作权证书号 软著登字第0671096号",
      },
    ]);
    // The catalog's English is the sentence the judge stores.
    expect(read.filter((n) => n !== undefined && renderMessage(n.formRef, "", "en") !== n.form)).toEqual([]);
  });

  it("reads WO, US, EP, JP and KR numbers with the spaces and commas offices print", () => {
    expect(
      [
        "WO2024/123456",
        "WO 2024/123456 A1",
        "US 11,234,567 B2",
        "US20240123456A1",
        "EP 1 234 567 B1",
        "JP2024-123456A",
        "KR10-2024-0123456",
      ].map((text) => parseDeliverableNumber(text)?.type),
    ).toEqual(["patent", "patent", "patent", "patent", "patent", "patent", "patent"]);
  });

  it("names a mistyped check digit, and reads no number in a DOI or a sentence", () => {
    expect([
      parseDeliverableNumber("ZL202410123456.7"),
      parseDeliverableNumber("10.1145/3600006.3613165"),
      parseDeliverableNumber("专利已受理"),
    ]).toEqual([
      {
        type: "patent",
        form: "CN invention patent number 202410123456.7",
        formRef: {
          key: "deliverable_form.cn",
          params: {
            type: { key: "cn_patent_type.1", text: "invention" },
            granted: "patent",
            number: "202410123456.7",
          },
        },
        problem:
          "the check digit of CN application number 202410123456 is 0, not 7, so the number is mistyped; copy it from the CNIPA filing receipt (受理通知书) or certificate",
        problemParams: { digits: "202410123456", expected: "0", written: "7" },
      },
      undefined,
      undefined,
    ]);
  });
});
