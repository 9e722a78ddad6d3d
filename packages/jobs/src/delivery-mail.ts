import type { Locale } from "@zones/domain";

/**
 * The texts of delivery mail: a schedule's new file (a link, or attached), and a failed run told to its owner.
 * Chinese unless the recipient is known to read English. Times in Beijing time, as the schedules are.
 */

export interface FileFacts {
  scheduleName: string;
  fileName: string;
  rows: number;
  bytes: number;
  sha256: string;
  finishedAt: Date;
}

export type FileAccess =
  | { kind: "link"; url: string; expiresAt: Date }
  | { kind: "attached" }
  /** Attachment asked for, but the file (zipped or not) is over the limit: linked instead, and said so. */
  | { kind: "too-large"; url: string; expiresAt: Date; limitBytes: number };

function beijing(date: Date, language: Locale): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}

function size(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? String(value) : value.toFixed(1)} ${units[unit]}`;
}

export function fileMail(
  facts: FileFacts,
  access: FileAccess,
  language: Locale = "zh-CN",
): { subject: string; text: string } {
  const when = beijing(facts.finishedAt, language);
  if (language === "en") {
    const lines = [
      "Hello,",
      "",
      `The export schedule "${facts.scheduleName}" produced a new file on ${when} (Beijing time): ${facts.fileName}, ${facts.rows} rows, ${size(facts.bytes)}.`,
      "",
    ];
    if (access.kind === "attached") lines.push("The file is attached.");
    else {
      if (access.kind === "too-large") {
        lines.push(
          `The file is larger than the mail attachment limit (${size(access.limitBytes)}), so it is linked instead of attached.`,
          "",
        );
      }
      lines.push(`Download it (valid until ${beijing(access.expiresAt, language)}):`, access.url);
    }
    lines.push("", `SHA-256: ${facts.sha256}`, "", "Zones (示范区监测) — sent automatically, do not reply.");
    return { subject: `Export "${facts.scheduleName}": new file ${facts.fileName}`, text: lines.join("\n") };
  }
  const lines = [
    "您好：",
    "",
    `导出计划「${facts.scheduleName}」已于 ${when}（北京时间）生成新文件 ${facts.fileName}，共 ${facts.rows} 行，${size(facts.bytes)}。`,
    "",
  ];
  if (access.kind === "attached") lines.push("文件见附件。");
  else {
    if (access.kind === "too-large") {
      lines.push(`文件超过邮件附件上限（${size(access.limitBytes)}），因此以链接方式发送，未作为附件。`, "");
    }
    lines.push(`下载链接（有效期至 ${beijing(access.expiresAt, language)}）：`, access.url);
  }
  lines.push("", `SHA-256：${facts.sha256}`, "", "示范区监测 — 系统自动发送，请勿回复。");
  return {
    subject: `导出计划「${facts.scheduleName}」已生成新文件 ${facts.fileName}`,
    text: lines.join("\n"),
  };
}
