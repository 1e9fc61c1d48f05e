// Runs once when the server starts (register) and on every unexpected error (onRequestError).
// Imports are dynamic and Node-only: this file is also compiled for the edge runtime.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Fail fast: a malformed setting stops the server here, naming the variable, instead of
  // surfacing as a 500 on the first request that reads it.
  const { env } = await import("./server/env");
  const { EnvError } = await import("./lib/env");
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./server/log");
  logRequestError(error, request, context);
};
