"use client";

import { authClient } from "./auth-client";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await authClient.signOut();
        // Replace this page in history: Back must not show a signed-in page again.
        window.location.replace("/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
