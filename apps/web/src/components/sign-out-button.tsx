"use client";

import { authClient } from "@zones/auth/client";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="link-button"
      data-testid="sign-out"
      onClick={async () => {
        await authClient.signOut();
        // A full navigation drops every cached page and query of the old session.
        window.location.replace("/login");
      }}
    >
      {label}
    </button>
  );
}
