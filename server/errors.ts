// The one error the domain throws. The tRPC layer maps `code` to a status and shows `message`
// as written, so messages are sentences an operator can act on.
export type AppErrorCode =
  "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "UNAUTHORIZED" | "PRECONDITION_FAILED";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field the error is about, so forms can show it beside that field. */
  readonly field?: string;

  constructor(code: AppErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found`);
export const invalid = (field: string, message: string) => new AppError("BAD_REQUEST", message, { field });
export const conflict = (message: string, field?: string) => new AppError("CONFLICT", message, { field });
