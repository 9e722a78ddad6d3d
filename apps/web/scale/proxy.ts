/**
 * Test-only: infra/nginx/zones.conf — the production site, with only its ports, host name, certificate and log
 * paths replaced, as .ci/nginx-smoke.sh does — in front of several web processes (nginx's default round robin),
 * with Debian's nginx on loopback ports, over TLS with a throwaway self-signed certificate.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SITE = path.resolve(import.meta.dirname, "../../../infra/nginx/zones.conf");

export interface NginxProxy {
  /** `https://localhost:<port>`: the public URL (BETTER_AUTH_URL of the web processes behind it). */
  url: string;
  port: number;
  /** The certificate to trust. */
  ca: Buffer;
  /** Lines of the site's access log so far. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** Replaces `from` (which must occur exactly `times`) in the site's text. */
function substitute(site: string, from: string, to: string, times: number): string {
  const found = site.split(from).length - 1;
  if (found !== times)
    throw new Error(`infra/nginx/zones.conf: "${from}" occurs ${found} times, expected ${times}`);
  return site.replaceAll(from, to);
}

export async function startProxy(options: {
  httpsPort: number;
  httpPort: number;
  upstreams: number[];
}): Promise<NginxProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), "zones-scale-nginx-"));
  // nginx's workers (an unprivileged user) write their temporary files under it.
  chmodSync(dir, 0o711);
  for (const sub of ["tls", "log", "nginx"]) mkdirSync(path.join(dir, sub));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      path.join(dir, "tls/privkey.pem"),
      "-out",
      path.join(dir, "tls/fullchain.pem"),
    ],
    { stdio: "ignore" },
  );
  let site = readFileSync(SITE, "utf8");
  site = substitute(site, "listen 80;", `listen 127.0.0.1:${options.httpPort};`, 1);
  site = substitute(site, "listen 443 ssl http2;", `listen 127.0.0.1:${options.httpsPort} ssl http2;`, 1);
  site = substitute(
    site,
    "server 127.0.0.1:3000;",
    options.upstreams.map((port) => `server 127.0.0.1:${port};`).join("\n    "),
    1,
  );
  site = substitute(site, "server_name zones.example.gov.cn;", "server_name localhost;", 2);
  site = substitute(site, "/etc/ssl/zones/", `${dir}/tls/`, 2);
  site = substitute(site, "/var/log/nginx/", `${dir}/log/`, 2);
  writeFileSync(path.join(dir, "nginx/zones.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${dir}/nginx/${name};`;
  writeFileSync(
    path.join(dir, "nginx/nginx.conf"),
    `worker_processes 1;
pid ${dir}/nginx/nginx.pid;
error_log ${dir}/log/error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    gzip on;
    ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n    ")}
    include ${dir}/nginx/zones.conf;
}
`,
  );
  const args = ["-e", `${dir}/log/error.log`, "-p", `${dir}/nginx`, "-c", `${dir}/nginx/nginx.conf`];
  execFileSync("nginx", ["-t", "-q", ...args], { stdio: "pipe" });
  const child: ChildProcess = spawn("nginx", [...args, "-g", "daemon off;"], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `https://localhost:${options.httpsPort}`,
    port: options.httpsPort,
    ca: readFileSync(path.join(dir, "tls/fullchain.pem")),
    accessLog: () => readFileSync(path.join(dir, "log/zones.access.log"), "utf8").split("\n").filter(Boolean),
    async stop() {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
