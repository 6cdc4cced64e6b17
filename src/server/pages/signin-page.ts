import { html } from "./html.ts";
import { type PageContext, renderPage } from "./layout.ts";
import { withLang } from "./page-text.ts";

/**
 * `GET /signin`: an officer (or a team) opens a session with a token; the script posts it to
 * `/api/session`, which keeps it in an HttpOnly cookie, then returns to `next`.
 */
export function renderSigninPage(page: PageContext, next: string): string {
  const { t, lang } = page;
  const state =
    page.who === undefined
      ? html`<p id="signin-state">${t("page.signin.anonymous")}</p>`
      : html`<p id="signin-state">${t("page.signin.current", { who: page.who })} <button type="button" class="secondary" id="signout">${t("page.signin.signout")}</button></p>`;
  const body = html`<h1>${t("page.signin.title")}</h1>
<p class="muted">${t("page.signin.intro")}</p>
${state}
<form id="signin" novalidate data-next="${withLang(safeNext(next), lang)}">
  <label for="signin-token">${t("page.signin.token")}</label>
  <input type="password" id="signin-token" autocomplete="off" placeholder="cc_…" required>
  <p><button type="submit" id="signin-submit">${t("page.signin.submit")}</button></p>
  <p id="signin-error" class="error" role="alert" hidden>${t("page.signin.rejected")}</p>
</form>`;
  return renderPage(page, { title: t("page.signin.title"), body, scripts: ["/assets/signin.js"] });
}

/** Where to go after signing in: a path on this server only, never another host (`//evil`, `/\\evil`). */
export function safeNext(next: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(next) ? next : "/topics";
}

/** The sign-in page's script, served as `/assets/signin.js`. */
export const SIGNIN_SCRIPT = `"use strict";
(function () {
  var form = document.getElementById("signin"), error = document.getElementById("signin-error");
  var input = document.getElementById("signin-token"), out = document.getElementById("signout");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    error.hidden = true;
    fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: input.value.trim() }) })
      .then(function (res) { if (res.ok) location.assign(form.getAttribute("data-next")); else error.hidden = false; },
        function () { error.hidden = false; });
  });
  if (out) out.addEventListener("click", function () {
    fetch("/api/session", { method: "DELETE" }).then(function () { location.reload(); });
  });
})();
`;
