// The one door to the Rust side. Every command returns a result object; `call` turns an
// error result into a thrown `UserError` whose message is already translated by the core
// and whose `fields` say which inputs are wrong. The UI never parses error text.
import { commands, type FieldMessage, type IpcError } from "./bindings";

export * from "./bindings";
export { commands };

export class UserError extends Error {
  readonly code: string;
  readonly fields: FieldMessage[];

  constructor(error: IpcError) {
    super(error.message);
    this.code = error.code;
    this.fields = error.fields;
  }

  /** Message for one field, if the core reported one. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: IpcError };

/** Awaits a command and returns its data, or throws a `UserError`. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.status === "error") throw new UserError(result.error);
  return result.data;
}

/** A message for any failure: the core's sentence, or the text of an unexpected error. */
export function messageOf(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
