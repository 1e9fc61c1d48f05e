"use client";

import { useId, useRef, useState } from "react";
import { authClient } from "@/components/auth-client";
import { safeNextPath } from "@/lib/next-path";

/**
 * Email and password sign-in through Better Auth's endpoint (so its rate limit applies).
 * A failure keeps the email, says what went wrong by the field, and moves focus there.
 */
export function SignInForm({ next }: { next: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email address and your password.");
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setPending(true);
    const { error: failure } = await authClient.signIn.email({ email, password });
    setPending(false);
    if (failure) {
      // The server's own words when it says which rule applied: this account waits (growing
      // delays, docs/decisions/008) or is disabled by an admin.
      const ownMessage = failure.code === "ACCOUNT_THROTTLED" || failure.code === "ACCOUNT_DISABLED" ? failure.message : undefined;
      setError(
        ownMessage ??
          (failure.status === 429
            ? "Too many sign-in attempts from here. Wait a minute, then try again."
            : "That email address and password do not match an account."),
      );
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    // A full navigation, so no page cached for the signed-out visitor is shown again.
    window.location.assign(safeNextPath(next));
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
      {error ? (
        <p className="form-error" role="alert" id={`${id}-error`} tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required aria-invalid={error ? true : undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
