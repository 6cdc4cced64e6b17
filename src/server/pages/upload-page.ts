import { EVIDENCE_ROLES } from "../../model/evidence.ts";
import type { Topic } from "../../model/topic.ts";
import { label } from "../../render/catalog/index.ts";
import type { Lang } from "../../render/i18n.ts";
import { html, raw } from "./html.ts";
import { type PageContext, renderPage } from "./layout.ts";
import { UPLOAD_SCRIPT_TEXT } from "./upload-script.ts";

/** `GET /`: choose the topic, drop files, see row/column errors, then the verdict and the report. */
export function renderUploadPage(page: PageContext, topics: readonly Topic[]): string {
  const { t, lang } = page;
  const body = html`
<h1>${t("page.upload.title")}</h1>
<p class="muted">${t("page.upload.intro")}</p>
<form id="upload" novalidate>
  <label for="token">${t("page.upload.token")}</label>
  <input type="password" id="token" autocomplete="off" placeholder="cc_…" required>
  <label for="topic">${t("page.upload.topic")}</label>
  <select id="topic" name="topic">
    ${topics.map((topic) => html`<option value="${topic.id}">${topic.id} — ${topic.title[lang]}</option>`)}
  </select>
  <label for="files">${t("page.upload.files")}</label>
  <div id="drop">${t("page.upload.drop")} <input type="file" id="files" multiple
    accept=".csv,.json,.jsonl,.txt,.log,.tsv,.zip,text/csv,application/json,application/zip"></div>
  <table id="file-list" hidden>
    <thead><tr><th>${t("page.upload.file")}</th><th>${t("page.upload.size")}</th><th>${t("page.upload.role")}</th><th></th></tr></thead>
    <tbody></tbody>
  </table>
  <template id="role-options">
    ${EVIDENCE_ROLES.map((role) => html`<option value="${role}">${roleOption(role, lang)}</option>`)}
    <option value="submission">${t("page.upload.zipRole")}</option>
  </template>
  <p><button type="submit" id="submit">${t("page.upload.check")}</button> <span id="status" class="muted" role="status"></span></p>
</form>
<section id="result" aria-live="polite"></section>
<script type="application/json" id="page-text">${raw(scriptText(page))}</script>`;
  return renderPage(page, { title: t("page.upload.title"), body, scripts: ["/assets/upload.js"] });
}

// --- internal ---

/**
 * The script's sentences in the page's language, as JSON the script reads (a data block, never run).
 * Parameters stay as `{name}` for the script to fill in; `<` is escaped so no text can end the block.
 */
function scriptText(page: PageContext): string {
  const text: Record<string, string> = { lang: page.lang, scroll: page.t("page.scroll") };
  for (const [id, params] of Object.entries(UPLOAD_SCRIPT_TEXT)) {
    text[id] = page.t(`page.upload.${id}`, Object.fromEntries(params.map((p) => [p, `{${p}}`])));
  }
  for (const verdict of ["pass", "fail", "inconclusive", "missing", "invalid", "waived"]) {
    text[`verdict.${verdict}`] = page.t(`page.verdict.${verdict}`);
  }
  return JSON.stringify(text).replace(/</g, "\\u003c");
}

/** A role as the team reads it: its Chinese name with the field name the manifest uses (候选（candidate）). */
function roleOption(role: string, lang: Lang): string {
  const name = label(`role.${role}`, lang, role);
  return name === role ? role : `${name}（${role}）`;
}
