// The web process's configuration, checked in one place before Next starts: every variable the process reads
// (its own, WEB_VARIABLES, and those it shares with the worker, SERVICE_VARIABLES), all at once, so that a
// deployment missing several learns of all of them from one message.
import { parseTrustedProxies } from "@zones/auth/client-address";
import {
  readEnvironment,
  SERVICE_VARIABLES,
  SHUTDOWN_GRACE_DEFAULT_SECONDS,
} from "@zones/db/service-environment";
import { z } from "zod";

import { WEB_VARIABLES } from "./variables.mjs";

const SHAPE = {
  ...SERVICE_VARIABLES,
  ...WEB_VARIABLES,
  // An entry that is not an address or a range stops the server (its message names the entry).
  TRUSTED_PROXIES: WEB_VARIABLES.TRUSTED_PROXIES.transform((value, context) => {
    try {
      return parseTrustedProxies(value);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      context.addIssue({ code: "custom", message: message.replace(/^TRUSTED_PROXIES: /, "has an ") });
      return z.NEVER;
    }
  }),
};

/**
 * The server's settings from the command line (`-p`, `-H`) and the environment, or `{ ok: false, message }`
 * naming every variable that is missing or invalid.
 */
export function readServerConfig(args, source = process.env) {
  const reading = readEnvironment(SHAPE, args.port === undefined ? source : { ...source, PORT: args.port });
  if (!reading.ok) return reading;
  const values = reading.values;
  return {
    ok: true,
    port: values.PORT ?? 3000,
    // Not HOSTNAME: containers set it to their own name, which would bind only that interface. Like
    // `next start`, every interface unless told otherwise.
    hostname: args.hostname,
    trust: values.TRUSTED_PROXIES ?? parseTrustedProxies(undefined),
    graceMs: (values.SHUTDOWN_GRACE_SECONDS ?? SHUTDOWN_GRACE_DEFAULT_SECONDS) * 1000,
  };
}
