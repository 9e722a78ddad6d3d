import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** Test-only: a real SMTP server on 127.0.0.1 (a free port) that parses every message it accepts. */
export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` */
  url: string;
  /** Every message accepted so far, parsed, with its envelope recipients. */
  received: Array<{ recipients: string[]; mail: ParsedMail }>;
  /** Resolves once `count` messages were accepted. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Recipients in `refuse` are answered `550 5.1.1 … no such user` at RCPT TO, as a real server refuses an
 * unknown mailbox.
 */
export async function startTestSmtpServer(
  options: { refuse?: readonly string[] } = {},
): Promise<TestSmtpServer> {
  const received: TestSmtpServer["received"] = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        const error = Object.assign(new Error(`5.1.1 <${address.address}>: no such user`), {
          responseCode: 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ recipients: session.envelope.rcptTo.map((to) => to.address), mail });
          for (const wait of waiting.filter((entry) => received.length >= entry.count)) wait.resolve();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiting.push({ count, resolve })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
