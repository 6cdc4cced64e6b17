/** Markup that is already escaped; every other value interpolated with `h` is escaped. */
export class Markup {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** Tagged template for HTML: strings are escaped, `Markup` is inserted as is, arrays are joined. */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += toMarkup(value) + (strings[i + 1] ?? "");
  });
  return new Markup(out);
}

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * An id or file name that may wrap at its separators (`/ _ - .`), never letter by letter: a `<wbr>`
 * after each separator, everything else escaped.
 */
export function breakable(text: string): Markup {
  return new Markup(
    text
      .split(/(?<=[/_\-.])/)
      .map(escapeHtml)
      .join("<wbr>"),
  );
}

// --- internal ---

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function toMarkup(value: unknown): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(toMarkup).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}
