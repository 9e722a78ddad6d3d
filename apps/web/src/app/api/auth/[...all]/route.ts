import { getAuth } from "~/server/auth";
import { boundedRequest } from "~/server/bounded-body";
import { faultResponse } from "~/server/fault-response";
import { requestLocale } from "~/server/route-handler";

/**
 * The longest body better-auth needs (a name, an image address, passwords, a code) is far under this; its
 * endpoints read their JSON whole, so a longer body is refused before a byte of it is read.
 */
const MAX_AUTH_REQUEST_BYTES = 64 * 1024;

/** better-auth's endpoints: sign-in, sign-out, session, password change, two-factor. */
async function handler(incoming: Request) {
  const request = await boundedRequest(incoming, MAX_AUTH_REQUEST_BYTES);
  if (!request) {
    return Response.json(
      { code: "PAYLOAD_TOO_LARGE", message: "The request is over 64 kB and was refused." },
      { status: 413, headers: { "cache-control": "no-store" } },
    );
  }
  try {
    // better-auth answers its refusals itself and throws what is not one (`onAPIError.throw`).
    return await (await getAuth()).handler(request);
  } catch (error) {
    return faultResponse(error, request, await requestLocale());
  }
}

export { handler as GET, handler as POST };
