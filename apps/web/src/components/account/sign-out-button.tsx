"use client";

/**
 * Signs out with a plain POST to better-auth's `/api/auth/sign-out` (what its client's `signOut()` sends),
 * rather than through the better-auth client: the button is in the header of every page, and the client
 * library would add about 12 kB (gzip) to every page's first load for this one request.
 */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="link-button"
      data-testid="sign-out"
      onClick={async () => {
        await fetch("/api/auth/sign-out", {
          method: "POST",
          credentials: "same-origin",
          headers: { "content-type": "application/json" },
          body: "{}",
        });
        // A full navigation drops every cached page and query of the old session.
        window.location.replace("/login");
      }}
    >
      {label}
    </button>
  );
}
