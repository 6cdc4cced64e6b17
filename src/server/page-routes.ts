import type { Hono } from "hono";
import { type AppContext, type AppEnv, htmlResponse } from "./app-context.ts";
import { renderUploadPage } from "./pages/upload-page.ts";
import { UPLOAD_SCRIPT } from "./pages/upload-script.ts";

/** `GET /` (the upload page) and its script. */
export function addPageRoutes(app: Hono<AppEnv>, context: AppContext): void {
  app.get("/", async () => htmlResponse(renderUploadPage(await context.readTopics())));
  app.get(
    "/assets/upload.js",
    () =>
      new Response(UPLOAD_SCRIPT, {
        headers: { "content-type": "text/javascript; charset=utf-8", "x-content-type-options": "nosniff" },
      }),
  );
}
