"use client";

import { authClient } from "./auth-client";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await authClient.signOut();
        // A full navigation drops every page rendered for the signed-in user; going Back
        // re-requests the page (responses are no-store), and the server sends it to sign-in.
        window.location.assign("/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
