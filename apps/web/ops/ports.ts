/** Free ports for the processes the ops and scale tests start (no test runner needed). */
import net from "node:net";

/**
 * A port nobody listens on: from OPS_PORT_BASE upwards when set (a machine where each checkout has its own
 * range), else one the system picks.
 */
let nextPort = Number(process.env.OPS_PORT_BASE ?? 0);
export async function freePort(): Promise<number> {
  for (;;) {
    const wanted = nextPort ? nextPort++ : 0;
    const port = await new Promise<number | null>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(null));
      probe.listen(wanted, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : null));
      });
    });
    if (port) return port;
    if (!nextPort) throw new Error("no free port");
  }
}
