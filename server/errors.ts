import "server-only";

/** The record does not exist, is in the trash, or belongs to another negotiation: a 404. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Input that only the database can judge (a quote missing from its source, a foreign id). */
export class ValidationError extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super("invalid input");
    this.name = "ValidationError";
  }
}

/** A save against a version that someone else has already replaced. */
export class ConflictError extends Error {
  constructor(public readonly current: Record<string, unknown> & { version: number }) {
    super("edit conflict");
    this.name = "ConflictError";
  }
}

/** A request refused for who made it (issue 4 fills the callers). */
export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}
