import { isJsonObject, type JsonObject } from "../text/json-input.ts";

/** What one streamed response of an OpenAI-compatible server says. */
export interface SseResponse {
  /** The generated text it carries; empty for role-only, empty-delta, usage-only and `[DONE]` chunks. */
  text: string;
  /** True when an event carries an `error` object. */
  error: boolean;
  promptTokens?: number;
  completionTokens?: number;
}

/**
 * Reads one response as perf_analyzer recorded it: `data: {…}\n\n`, possibly several events at once.
 * The text comes from `choices[0].text` (completions), `.delta.content` (chat stream) or
 * `.message.content` (chat, not streamed), as in GenAI-Perf's `_extract_openai_text_output`; an
 * event that is not JSON carries no text.
 */
export function readSseResponse(response: string): SseResponse {
  const result: SseResponse = { text: "", error: false };
  for (const event of response.trim().split("\n\n")) {
    const data = eventData(event);
    if (data === undefined) continue;
    if (data.error !== undefined && data.error !== null) result.error = true;
    result.text += choiceText(data);
    if (isJsonObject(data.usage)) readUsage(data.usage, result);
  }
  return result;
}

/**
 * Re-joins SSE events that perf_analyzer recorded split across two responses, as GenAI-Perf's
 * `_preprocess_response` does before anything else: a response that does not start with `data: `
 * gives its text up to its first `data: ` to the response before it (the whole text when it has
 * none); non-data fields (`:` comments, `event:`, `id:`, `retry:`) stay where they are. The list is
 * changed in place; a response emptied by this is dropped later like any response without content.
 */
export function mergeSplinteredResponses(responses: string[]): void {
  for (let i = responses.length - 1; i >= 1; i--) {
    const response = responses[i] as string;
    if (response === "" || NON_DATA_FIELD.test(response) || response.startsWith("data: ")) continue;
    const at = response.indexOf("data: ");
    responses[i - 1] += at === -1 ? response : response.slice(0, at);
    responses[i] = at === -1 ? "" : response.slice(at);
  }
}

// --- internal ---

const NON_DATA_FIELD = /^(:|event:|id:|retry:)/;

function eventData(event: string): JsonObject | undefined {
  if (!event.startsWith("data:")) return undefined;
  const payload = event.slice(5).trim();
  if (payload === "" || payload === "[DONE]") return undefined;
  try {
    const data: unknown = JSON.parse(payload);
    return isJsonObject(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

function choiceText(data: JsonObject): string {
  const choice = Array.isArray(data.choices) ? data.choices[0] : undefined;
  if (!isJsonObject(choice)) return "";
  const delta = isJsonObject(choice.delta) ? choice.delta.content : undefined;
  const message = isJsonObject(choice.message) ? choice.message.content : undefined;
  const text = choice.text ?? delta ?? message;
  return typeof text === "string" ? text : "";
}

function readUsage(usage: JsonObject, result: SseResponse): void {
  if (typeof usage.prompt_tokens === "number") result.promptTokens = usage.prompt_tokens;
  if (typeof usage.completion_tokens === "number") result.completionTokens = usage.completion_tokens;
}
