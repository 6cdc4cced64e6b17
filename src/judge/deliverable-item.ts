import type { Attestation } from "../model/manifest.ts";
import type { MessageParam, MessageRef } from "../model/message.ts";
import type { DeliverableKind } from "../model/topic.ts";
import { type DeliverableNumber, parseDeliverableNumber } from "./deliverable-number.ts";

/** What a declared item is, read from its form alone (the officer confirms the item itself). */
export type DeliverableItemType =
  | "paper"
  | "patent"
  | "software-copyright"
  | "repository"
  | "pull-request"
  | "software-archive"
  | "web-page"
  | "attestation"
  | "unreadable";

export interface DeliverableItem {
  /** The item as the report lists it ("statement — attested by name" for an attestation). */
  text: string;
  type: DeliverableItemType;
  /** What it looks like, in words: "a DOI", "CN invention application number 202211157877.2". */
  looksLike: string;
  /** `looksLike` as a catalog message (`deliverable_looks.*`), for a finding in another language. */
  looksLikeRef?: MessageRef;
  /** For an attestation: the deliverable kinds its statement names (a patent, a paper…); empty when none. */
  says: DeliverableKind[];
  /** Why it cannot count (a placeholder, a wrong check digit), when it cannot: a finding code and message. */
  problem?: { code: string; message: string; params?: Record<string, MessageParam> };
}

/** Reads one declared item: a DOI, URL, patent or copyright number, or a signed attestation. */
export function parseDeliverableItem(item: string | Attestation): DeliverableItem {
  if (typeof item !== "string") return readAttestation(item);
  const text = item.trim();
  if (isPlaceholder(text))
    return unreadable(
      text,
      `"${text.slice(0, 40)}" is a placeholder; give the DOI, URL or number once there is one, and leave the item out until then`,
      { variant: "placeholder", text: text.slice(0, 40) },
    );
  const link = readLink(text);
  if (link !== undefined) return link;
  const number = parseDeliverableNumber(text);
  if (number !== undefined) {
    const read: DeliverableItem = {
      text,
      type: number.type,
      looksLike: `a ${number.form}`,
      looksLikeRef: looks("number", { form: number.formRef }, `a ${number.form}`),
      says: [],
    };
    return number.problem === undefined ? read : { ...read, type: "unreadable", problem: checkDigit(number) };
  }
  return unreadable(
    text,
    `"${text.slice(0, 60)}" is not a DOI, URL, patent or software-copyright number; give one of those, or write it as { attestation: "…", attested_by: "name, role" } so someone answers for it`,
    { variant: "unknown_form", text: text.slice(0, 60) },
  );
}

// --- internal ---

/** DOI prefixes of archives that hold software and data, not papers (Zenodo, figshare). */
const ARCHIVE_DOI = /^10\.(5281|6084)\//;
const DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;
const ARXIV_ID = /^arxiv:\s*\d{4}\.\d{4,5}(v\d+)?$/i;

/** Hosts whose pages are papers: publishers, proceedings, preprint servers, paper indexes. */
const PAPER_HOSTS =
  /(^|\.)(arxiv\.org|dl\.acm\.org|ieeexplore\.ieee\.org|openreview\.net|aclanthology\.org|usenix\.org|proceedings\.neurips\.cc|papers\.nips\.cc|proceedings\.mlr\.press|openaccess\.thecvf\.com|ecva\.net|link\.springer\.com|sciencedirect\.com|vldb\.org|ojs\.aaai\.org|ijcai\.org|ndss-symposium\.org|jmlr\.org|nature\.com|science\.org|dblp\.org|semanticscholar\.org|kns\.cnki\.net|cnki\.net|jos\.org\.cn|cjc\.ict\.ac\.cn)$/i;
/** Hosts of source code: the public forges, and any host named git… or gitlab… (self-hosted forges). */
const CODE_HOSTS =
  /(^|\.)(github\.com|gitlab\.com|gitee\.com|bitbucket\.org|codeberg\.org|sourceforge\.net|opendev\.org|git\.kernel\.org|gitcode\.com|atomgit\.com)$|^(git|gitlab|gerrit)[.-]/i;
/**
 * A change proposed or merged upstream: a pull/merge request, a commit, a Gerrit change, or a patch
 * on a kernel/QEMU mailing list (Linux and QEMU take patches by mail, not pull requests).
 */
const CHANGE_PATH =
  /\/(pull|pulls)\/\d+|\/-\/merge_requests\/\d+|\/merge_requests\/\d+|\/commit\/[0-9a-f]{7,40}|\/commit\/\?.*id=[0-9a-f]{7,40}|\/c\/.+\/\+\/\d+/i;
/** Patent registers whose links carry the number (Google Patents, CNIPA, Espacenet, PATENTSCOPE, USPTO). */
const PATENT_HOSTS =
  /(^|\.)(patents\.google\.com|cnipa\.gov\.cn|cponline\.cnipa\.gov\.cn|espacenet\.com|patentscope\.wipo\.int|uspto\.gov)$/i;
const PATCH_HOSTS =
  /(^|\.)(lore\.kernel\.org|patchwork\.kernel\.org|patchew\.org|lists\.nongnu\.org|lists\.gnu\.org)$/i;

function readLink(text: string): DeliverableItem | undefined {
  const doi = DOI.exec(text)?.[1];
  if (doi !== undefined)
    return ARCHIVE_DOI.test(doi)
      ? item(text, "software-archive", "archive_doi", "a DOI of a software/data archive (Zenodo, figshare)")
      : item(text, "paper", "doi", "a DOI");
  if (ARXIV_ID.test(text)) return item(text, "paper", "arxiv", "an arXiv id");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname.includes(".") || /\s/.test(text)) return undefined;
  const host = url.hostname.replace(/^www\./, "");
  if (PATENT_HOSTS.test(host)) return readPatentLink(text, host, `${url.pathname}${url.search}`);
  if (PAPER_HOSTS.test(host)) return item(text, "paper", "paper_link", `a paper link (${host})`, host);
  if (PATCH_HOSTS.test(host) || (CODE_HOSTS.test(host) && CHANGE_PATH.test(`${url.pathname}${url.search}`)))
    return item(text, "pull-request", "change_link", `a pull request, commit or patch link (${host})`, host);
  if (CODE_HOSTS.test(host))
    return item(text, "repository", "repository_link", `a repository link (${host})`, host);
  return item(text, "web-page", "link", `a ${host} link`, host);
}

/** A register link is a patent when its path or query holds a number (`/patent/CN115251024A/zh`). */
function readPatentLink(text: string, host: string, rest: string): DeliverableItem {
  const number = parseDeliverableNumber(decodeURIComponent(rest));
  if (number === undefined)
    return item(text, "web-page", "patent_link_no_number", `a ${host} link without a patent number`, host);
  const looksLike = `a ${host} link to ${number.form}`;
  const read: DeliverableItem = {
    text,
    type: number.type,
    looksLike,
    looksLikeRef: looks("patent_link", { host, form: number.formRef }, looksLike),
    says: [],
  };
  return number.problem === undefined ? read : { ...read, type: "unreadable", problem: checkDigit(number) };
}

/** An item read from its form alone, with what it looks like as a sentence and as a catalog message. */
function item(
  text: string,
  type: DeliverableItemType,
  key: string,
  looksLike: string,
  host?: string,
): DeliverableItem {
  const params = host === undefined ? undefined : { host };
  return { text, type, looksLike, looksLikeRef: looks(key, params, looksLike), says: [] };
}

function looks(key: string, params: Record<string, MessageParam> | undefined, text: string): MessageRef {
  return params === undefined
    ? { key: `deliverable_looks.${key}`, text }
    : { key: `deliverable_looks.${key}`, params, text };
}

function checkDigit(number: DeliverableNumber): NonNullable<DeliverableItem["problem"]> {
  return {
    code: "DELIVERABLE_CHECK_DIGIT",
    message: number.problem ?? "",
    ...(number.problemParams === undefined ? {} : { params: number.problemParams }),
  };
}

/** Words by which an attestation says what it attests (English and Chinese). */
const SAYS: Array<[DeliverableKind, RegExp]> = [
  ["software-copyright", /软件著作权|软著|software copyright|copyright registration/i],
  ["patent", /专利|patent/i],
  ["paper", /论文|paper|accepted (at|by|to)|camera[- ]ready|录用/i],
  ["upstream-pr", /pull request|\bPR\b|merged upstream|合入|上游|upstream/i],
  ["code", /代码|源码|source code|repository|开源/i],
  ["docs", /文档|手册|documentation|manual/i],
  ["prototype", /原型|系统|prototype|demonstrat|演示/i],
  ["report", /报告|report/i],
];

function readAttestation(item: Attestation): DeliverableItem {
  const statement = item.attestation.trim();
  const by = item.attested_by.trim();
  const text = `${statement} — attested by ${by}${item.date === undefined ? "" : `, ${item.date}`}`;
  const says = SAYS.filter(([, words]) => words.test(statement)).map(([kind]) => kind);
  const read: DeliverableItem = {
    text,
    type: "attestation",
    looksLike: "an attestation",
    looksLikeRef: looks("attestation", undefined, "an attestation"),
    says,
  };
  if (statement.length < 12 || isPlaceholder(statement))
    return {
      ...read,
      type: "unreadable",
      problem: unchecked(
        `the attestation "${statement.slice(0, 40)}" says nothing checkable; state what was delivered, where and when`,
        { variant: "attestation_empty", text: statement.slice(0, 40) },
      ),
    };
  if (by.length < 2 || isPlaceholder(by))
    return {
      ...read,
      type: "unreadable",
      problem: unchecked(`attested_by "${by}" names nobody; give the person's name and role`, {
        variant: "attested_by_nobody",
        text: by,
      }),
    };
  return read;
}

function unreadable(text: string, message: string, params: Record<string, MessageParam>): DeliverableItem {
  return { text, type: "unreadable", looksLike: "unreadable", says: [], problem: unchecked(message, params) };
}

function unchecked(
  message: string,
  params: Record<string, MessageParam>,
): NonNullable<DeliverableItem["problem"]> {
  return { code: "DELIVERABLE_EVIDENCE_UNREADABLE", message, params };
}

function isPlaceholder(text: string): boolean {
  // "ZL202310xxxxxx.x", "2025SRXXXX": a template left unfilled.
  return (
    /^(todo|tbd|n\/a|none|pending)\b|^(待填写|待定|暂无)/i.test(text) ||
    (!text.includes("://") && /x{4,}/i.test(text))
  );
}
