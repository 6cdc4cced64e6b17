import { EVIDENCE_ROLES } from "../../model/evidence.ts";
import type { Topic } from "../../model/topic.ts";
import { html } from "./html.ts";
import { renderPage } from "./layout.ts";

/** `GET /`: choose the topic, drop files, see row/column errors, then the verdict and the report. */
export function renderUploadPage(topics: readonly Topic[]): string {
  const body = html`
<h1>Upload results <span class="muted">上传结果</span></h1>
<p class="muted">Drop your result files (CSV, JSON, JSONL, logs), one per role, or one zip with its
<code>claimcheck.yaml</code>. claimcheck recomputes every number and judges it against the topic's targets.</p>
<form id="upload" novalidate>
  <label for="token">Team token <span class="muted">团队令牌</span></label>
  <input type="password" id="token" autocomplete="off" placeholder="cc_…" required>
  <label for="topic">Topic <span class="muted">课题</span></label>
  <select id="topic" name="topic">
    ${topics.map((t) => html`<option value="${t.id}">${t.id} — ${t.title.en} / ${t.title.zh}</option>`)}
  </select>
  <label for="files">Files <span class="muted">文件</span></label>
  <div id="drop">Drop files here, or <input type="file" id="files" multiple
    accept=".csv,.json,.jsonl,.txt,.log,.tsv,.zip,text/csv,application/json,application/zip"></div>
  <table id="file-list" hidden>
    <thead><tr><th>File 文件</th><th>Size</th><th>Role 角色</th><th></th></tr></thead>
    <tbody></tbody>
  </table>
  <template id="role-options">
    ${EVIDENCE_ROLES.map((role) => html`<option value="${role}">${role}</option>`)}
    <option value="submission">submission (zip)</option>
  </template>
  <p><button type="submit" id="submit">Check 检查</button> <span id="status" class="muted" role="status"></span></p>
</form>
<section id="result" aria-live="polite"></section>`;
  return renderPage({ title: "Upload results", body, scripts: ["/assets/upload.js"] });
}
