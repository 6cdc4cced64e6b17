import type { MessageParam, MessageRef } from "../model/message.ts";

/**
 * Patent and software-copyright numbers as offices write them. A number is recognised anywhere in
 * an item ("发明专利 ZL202211157877.2 一种…方法"), spaces and thousands separators inside it allowed.
 */
export interface DeliverableNumber {
  type: "patent" | "software-copyright";
  /** What the number is, for the report: "CN application number 202211157877.2". */
  form: string;
  /** `form` as a catalog message (`deliverable_form.*`), so a report names it in any language. */
  formRef: MessageRef;
  /** Why the number cannot be right (a wrong check digit), when it cannot. */
  problem?: string;
  /** The values of `problem`'s sentence (the finding `DELIVERABLE_CHECK_DIGIT`). */
  problemParams?: Record<string, MessageParam>;
}

/** The first patent or software-copyright number in `text`, or `undefined`. */
export function parseDeliverableNumber(text: string): DeliverableNumber | undefined {
  // As written first; then with the spaces and commas offices print inside numbers removed
  // ("ZL2015 1 0958772.0", "US 11,234,567 B2"), which could also glue a number to the next word.
  const upper = text.toUpperCase();
  for (const candidate of [upper, upper.replace(/(?<=[\dA-Z/])[\s,](?=[\dA-Z/])/g, "")]) {
    for (const [pattern, read] of NUMBER_FORMS) {
      const match = pattern.exec(candidate);
      if (match !== null) return read(match);
    }
  }
  return undefined;
}

/**
 * The check digit of a CNIPA application number (12 digits since 2003, 8 before): the digits times
 * 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, summed, modulo 11; 10 is written `X`. Confirmed on 25 granted
 * and pending numbers from public CVs (see tests/judge/deliverable-number.test.ts).
 */
export function computeCnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (WEIGHTS[i % WEIGHTS.length] as number);
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

// --- internal ---

/** The 12-digit weights restart at 2 after the eighth digit: 2…9, 2…5. */
const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9];
const CN_TYPES: Record<string, string> = {
  "1": "invention",
  "2": "utility model",
  "3": "design",
  "8": "PCT invention",
  "9": "PCT utility model",
};

type Read = (match: RegExpExecArray) => DeliverableNumber;

const NUMBER_FORMS: Array<[RegExp, Read]> = [
  // 计算机软件著作权 registration number (2019SR0800812; 6 digits in older and some recent ones).
  [/(?<![\dA-Z])((?:19|20)\d{2})SR(\d{6,7})(?!\d)/, (m) => copyright("registration", m[0])],
  // 软著登字第0671096号: the certificate number on the same registration.
  [/软著登字第(\d{6,8})号/, (m) => copyright("certificate", m[0])],
  // CNIPA application number, as `ZL…` (granted), `CN…` or bare: YYYY + type + 7-digit serial + check.
  [/(?<![\dA-Z])(ZL|CN)?((?:19|20)\d{2}[12389]\d{7})\.?([\dX])(?![\dA-Z])/, (m) => cnApplication(m, 12)],
  [/(?<![\dA-Z])(ZL|CN)?(\d{2}[12389]\d{5})\.([\dX])(?![\dA-Z])/, (m) => cnApplication(m, 8)],
  // CN publication or grant number with its kind code: CN115251024A, CN107054958B, CN209860633U.
  [/(?<![\dA-Z])CN(\d{7,9})([ABCUYS])\d?(?![\dA-Z])/, (m) => patent("cn_publication", m[0])],
  [/(?<![\dA-Z])PCT\/[A-Z]{2}(?:\d{4}|\d{2})\/\d{5,6}(?!\d)/, (m) => patent("pct", m[0])],
  [/(?<![\dA-Z])WO(?:\d{4}\/?\d{6})(?:[AB]\d)?(?![\dA-Z])/, (m) => patent("wo", m[0])],
  [
    /(?<![\dA-Z])US(?:\d{4}\/?\d{7}[AB]\d|\d{7,8}(?:[AB]\d)?|\d{2}\/\d{6})(?![\dA-Z])/,
    (m) => patent("us", m[0]),
  ],
  [/(?<![\dA-Z])EP(?:\d{7}[AB]\d?|\d{8}\.\d)(?![\dA-Z])/, (m) => patent("ep", m[0])],
  [
    /(?<![\dA-Z])JP(?:\d{4}-?\d{6}[AB]?\d?|\d{7}[B]\d?)(?![\dA-Z])|特[願开開]\d{4}-\d{6}/,
    (m) => patent("jp", m[0]),
  ],
  [/(?<![\dA-Z])KR(?:10-?\d{4}-?\d{7}[AB]?\d?|\d{9}[B]\d?)(?![\dA-Z])/, (m) => patent("kr", m[0])],
];

/** How each office's number is named in a sentence (the catalog key `deliverable_form.number` selects it). */
const OFFICE_FORMS = {
  cn_publication: "CN publication number",
  pct: "PCT application",
  wo: "WO publication",
  us: "US number",
  ep: "EP number",
  jp: "JP number",
  kr: "KR number",
} as const;

function copyright(which: "registration" | "certificate", number: string): DeliverableNumber {
  return {
    type: "software-copyright",
    form: `software copyright ${which} number ${number}`,
    formRef: { key: "deliverable_form.copyright", params: { which, number } },
  };
}

function patent(office: keyof typeof OFFICE_FORMS, number: string): DeliverableNumber {
  return {
    type: "patent",
    form: `${OFFICE_FORMS[office]} ${number}`,
    formRef: { key: "deliverable_form.number", params: { office, number } },
  };
}

function cnApplication(match: RegExpExecArray, length: 12 | 8): DeliverableNumber {
  const digits = match[2] as string;
  const written = match[3] as string;
  const code = digits[length === 12 ? 4 : 2] as string;
  const type = CN_TYPES[code] ?? "unknown-type";
  const granted = match[1] === "ZL" ? "patent" : "application";
  const form = `CN ${type} ${granted} number ${digits}.${written}`;
  const formRef: MessageRef = {
    key: "deliverable_form.cn",
    params: {
      type: { key: `cn_patent_type.${code}`, text: type },
      granted,
      number: `${digits}.${written}`,
    },
  };
  const expected = computeCnCheckDigit(digits);
  if (expected === written) return { type: "patent", form, formRef };
  return {
    type: "patent",
    form,
    formRef,
    problem: `the check digit of CN application number ${digits} is ${expected}, not ${written}, so the number is mistyped; copy it from the CNIPA filing receipt (受理通知书) or certificate`,
    problemParams: { digits, expected, written },
  };
}
