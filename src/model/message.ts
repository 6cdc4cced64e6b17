import { z } from "zod";

/**
 * A sentence kept as data: a catalog key and the values it interpolates, so a report can be rendered
 * in another language long after it was written. A parameter may itself be a message (a reason that
 * quotes a finding), rendered in the same language before it is interpolated.
 */
export interface MessageRef {
  key: string;
  params?: Record<string, MessageParam> | undefined;
  /** The English sentence, shown when the catalog cannot render `key` with these params. */
  text?: string | undefined;
}
export type MessageParam = string | number | MessageRef;

export const MessageParamSchema: z.ZodType<MessageParam> = z
  .lazy(() => z.union([z.string(), z.number(), MessageRefSchema]))
  .meta({ id: "MessageParam" });
export const MessageRefSchema: z.ZodType<MessageRef> = z.lazy(() =>
  z.object({
    key: z.string(),
    params: z.record(z.string(), MessageParamSchema).optional(),
    text: z.string().optional(),
  }),
);
export const MessageParamsSchema = z.record(z.string(), MessageParamSchema);
