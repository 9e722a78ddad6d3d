// Prints how an infra file starts Zones, so that CI runs exactly that: the first line is the working
// directory relative to the release's root (/srv/zones), each further line one argument of the command.
//   node .ci/infra-command.mjs dockerfile          WORKDIR and CMD of infra/Dockerfile
//   node .ci/infra-command.mjs compose SERVICE     working_dir and command of SERVICE in infra/compose.production.yaml
//   node .ci/infra-command.mjs systemd UNIT        WorkingDirectory and ExecStart of infra/systemd/UNIT
// Exits 1 naming the file when either is not found there in the expected form.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RELEASE_ROOT = "/srv/zones";
const infra = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "infra");
const read = (file) => readFileSync(path.join(infra, file), "utf8");
const [kind, name] = process.argv.slice(2);

function fromDockerfile() {
  const text = read("Dockerfile");
  const command = text.match(/^CMD (\[.*\])$/m)?.[1];
  const directory = [...text.matchAll(/^WORKDIR (\S+)$/gm)].at(-1)?.[1];
  return { file: "Dockerfile", directory, command: command ? JSON.parse(command) : null };
}

/** A service's `working_dir:` and `command:` (a flow sequence of double-quoted strings: JSON, but for a trailing comma). */
function fromCompose(service) {
  const text = read("compose.production.yaml");
  const block = text.split(/^(?= {2}\S)/m).find((part) => part.startsWith(`  ${service}:\n`)) ?? "";
  const command = block.match(/^ {4}command:\s*(\[[^\]]*\])/m)?.[1]?.replace(/,\s*\]$/, "]");
  const directory =
    block.match(/^ {4}working_dir: (\S+)$/m)?.[1] ??
    (/^ {4}<<: \*app$/m.test(block) ? text.match(/^ {2}working_dir: (\S+)$/m)?.[1] : undefined);
  return { file: "compose.production.yaml", directory, command: command ? JSON.parse(command) : null };
}

function fromSystemd(unit) {
  const text = read(path.join("systemd", unit));
  const command = text.match(/^ExecStart=(.+)$/m)?.[1];
  const directory = text.match(/^WorkingDirectory=(\S+)$/m)?.[1];
  return { file: `systemd/${unit}`, directory, command: command ? command.trim().split(/\s+/) : null };
}

const found =
  kind === "dockerfile"
    ? fromDockerfile()
    : kind === "compose" && name
      ? fromCompose(name)
      : kind === "systemd" && name
        ? fromSystemd(name)
        : null;
if (!found) {
  console.error("usage: infra-command.mjs dockerfile | compose SERVICE | systemd UNIT");
  process.exit(2);
}
const { file, directory, command } = found;
const relative = directory ? path.posix.relative(RELEASE_ROOT, directory) : "..";
if (!command?.length || command.some((arg) => typeof arg !== "string" || arg.includes("\n"))) {
  console.error(`✗ infra/${file}: no command found${name ? ` for ${name}` : ""}`);
  process.exit(1);
}
if (relative.startsWith("..")) {
  console.error(`✗ infra/${file}: the working directory is not in ${RELEASE_ROOT}`);
  process.exit(1);
}
console.log([relative || ".", ...command].join("\n"));
