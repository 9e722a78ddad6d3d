export const dynamic = "force-dynamic";

/** 200 while the process answers at all; never opens the database (a liveness probe restarts on failure). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
