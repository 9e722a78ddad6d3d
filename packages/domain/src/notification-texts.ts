import { formatQuarterLabel, localized } from "./format";
import { findIndicator } from "./indicators";
import type { NotificationEvent, NotificationKind, NotificationPayloads } from "./notifications";
import { parseQuarter } from "./quarter";
import type { Locale } from "./types";
import { findZone } from "./zones";

/** A notification in one language: its mail's subject and body, its line in the app, and the page it is about. */
export interface RenderedNotification {
  subject: string;
  /** Plain-text mail body (without the link, which `mailBody` adds). */
  text: string;
  /** One line for the bell's list. */
  line: string;
  /** The page to open, relative to the app (the zone's entry or review page, or the exports). */
  path: string;
}

const SITE = { "zh-CN": "示范区监测", en: "Zones" } as const;

function zoneName(code: string, language: Locale): string {
  const zone = findZone(code);
  return zone ? localized(zone.name, language) : code;
}

function quarterName(quarter: string, language: Locale): string {
  const parsed = parseQuarter(quarter);
  return parsed.ok ? formatQuarterLabel(parsed.value, language) : quarter;
}

function indicatorName(code: string, language: Locale): string {
  const indicator = findIndicator(code);
  return indicator ? localized(indicator.name, language) : code;
}

const entryPath = (zoneCode: string, quarter: string) =>
  `/entry/${encodeURIComponent(zoneCode)}/${encodeURIComponent(quarter)}`;
const reviewPath = (zoneCode: string, quarter: string) =>
  `/review/${encodeURIComponent(zoneCode)}/${encodeURIComponent(quarter)}`;

type Renderer<K extends NotificationKind> = (
  payload: NotificationPayloads[K],
  language: Locale,
) => RenderedNotification;

const RENDERERS: { [K in NotificationKind]: Renderer<K> } = {
  "deadline-reminder": (p, language) => {
    const zone = zoneName(p.zoneCode, language);
    const quarter = quarterName(p.quarter, language);
    const line =
      language === "zh-CN"
        ? `${zone}${quarter}数据尚未报送，距截止日期（${p.deadline}）还有 ${p.daysLeft} 天`
        : `${zone} has not submitted ${quarter}: ${p.daysLeft} ${p.daysLeft === 1 ? "day" : "days"} left until the deadline (${p.deadline})`;
    const subject =
      language === "zh-CN"
        ? `【${SITE[language]}】${quarter}数据报送提醒：还有 ${p.daysLeft} 天截止`
        : `[${SITE[language]}] Reminder: ${quarter} data due in ${p.daysLeft} ${p.daysLeft === 1 ? "day" : "days"}`;
    const text =
      language === "zh-CN"
        ? `您好：\n\n${line}。请按时填报并提交审核。`
        : `Hello,\n\n${line}. Please enter the data and submit it for review in time.`;
    return { subject, text, line, path: entryPath(p.zoneCode, p.quarter) };
  },
  overdue: (p, language) => {
    const zone = zoneName(p.zoneCode, language);
    const quarter = quarterName(p.quarter, language);
    const line =
      language === "zh-CN"
        ? `${zone}${quarter}数据已逾期：截止日期 ${p.deadline} 已过，尚未报送`
        : `${zone}'s ${quarter} data is overdue: the deadline (${p.deadline}) has passed and it was not submitted`;
    const subject =
      language === "zh-CN"
        ? `【${SITE[language]}】${quarter}数据已逾期未报`
        : `[${SITE[language]}] ${quarter} data overdue`;
    const text =
      language === "zh-CN"
        ? `您好：\n\n${line}。请尽快填报并提交，逾期提交将被标记为迟报。`
        : `Hello,\n\n${line}. Please submit it as soon as possible; it will be marked late.`;
    return { subject, text, line, path: entryPath(p.zoneCode, p.quarter) };
  },
  submitted: (p, language) => {
    const zone = zoneName(p.zoneCode, language);
    const quarter = quarterName(p.quarter, language);
    const late = p.late ? (language === "zh-CN" ? "（迟报）" : " (late)") : "";
    const line =
      language === "zh-CN"
        ? `${zone}已提交${quarter}数据${late}，待审核`
        : `${zone} submitted its ${quarter} data${late} for review`;
    const by = p.submittedBy
      ? language === "zh-CN"
        ? `提交人：${p.submittedBy}\n`
        : `Submitted by: ${p.submittedBy}\n`
      : "";
    const subject =
      language === "zh-CN"
        ? `【${SITE[language]}】待审核：${zone}${quarter}`
        : `[${SITE[language]}] To review: ${zone}, ${quarter}`;
    const text = language === "zh-CN" ? `您好：\n\n${line}。\n${by}` : `Hello,\n\n${line}.\n${by}`;
    return { subject, text: text.trimEnd(), line, path: reviewPath(p.zoneCode, p.quarter) };
  },
  returned: (p, language) => {
    const zone = zoneName(p.zoneCode, language);
    const quarter = quarterName(p.quarter, language);
    const line =
      language === "zh-CN"
        ? `${zone}${quarter}数据被退回修改`
        : `${zone}'s ${quarter} data was returned for changes`;
    const subject =
      language === "zh-CN"
        ? `【${SITE[language]}】${zone}${quarter}数据被退回`
        : `[${SITE[language]}] ${zone}, ${quarter}: returned`;
    const parts = [language === "zh-CN" ? `您好：\n\n${line}。` : `Hello,\n\n${line}.`];
    if (p.reason) parts.push(language === "zh-CN" ? `退回原因：${p.reason}` : `Reason: ${p.reason}`);
    const notes = Object.entries(p.notes ?? {});
    if (notes.length > 0) {
      parts.push(
        [
          language === "zh-CN" ? "各指标意见：" : "Comments by indicator:",
          ...notes.map(([code, note]) => `- ${indicatorName(code, language)}: ${note}`),
        ].join("\n"),
      );
    }
    return { subject, text: parts.join("\n\n"), line, path: entryPath(p.zoneCode, p.quarter) };
  },
  approved: (p, language) => {
    const zone = zoneName(p.zoneCode, language);
    const quarter = quarterName(p.quarter, language);
    const line =
      language === "zh-CN" ? `${zone}${quarter}数据已审核通过` : `${zone}'s ${quarter} data was approved`;
    const subject =
      language === "zh-CN"
        ? `【${SITE[language]}】${zone}${quarter}数据已审核通过`
        : `[${SITE[language]}] ${zone}, ${quarter}: approved`;
    const comment = p.comment
      ? language === "zh-CN"
        ? `\n\n审核意见：${p.comment}`
        : `\n\nComment: ${p.comment}`
      : "";
    const text = (language === "zh-CN" ? `您好：\n\n${line}。` : `Hello,\n\n${line}.`) + comment;
    return { subject, text, line, path: entryPath(p.zoneCode, p.quarter) };
  },
  "export-failed": (p, language) => {
    const line =
      language === "zh-CN"
        ? `定时导出“${p.scheduleName}”失败：${p.reason}`
        : `Scheduled export "${p.scheduleName}" failed: ${p.reason}`;
    const subject =
      language === "zh-CN"
        ? `【${SITE[language]}】定时导出失败：${p.scheduleName}`
        : `[${SITE[language]}] Scheduled export failed: ${p.scheduleName}`;
    const text = language === "zh-CN" ? `您好：\n\n${line}。` : `Hello,\n\n${line}.`;
    return { subject, text, line, path: "/exports" };
  },
};

/** A notification's texts in the recipient's language (Chinese first, English the switch). */
export function renderNotification<K extends NotificationKind>(
  kind: K,
  payload: NotificationPayloads[K],
  language: Locale,
): RenderedNotification {
  return (RENDERERS[kind] as Renderer<K>)(payload, language);
}

/** `renderNotification` of a recorded event. */
export function renderEvent(event: NotificationEvent, language: Locale): RenderedNotification {
  return renderNotification(event.kind, event.payload as never, language);
}

/** A mail body: the text, then a link to the page when the app's address is known, then where it came from. */
export function mailBody(rendered: RenderedNotification, language: Locale, appUrl?: string | null): string {
  const link = appUrl
    ? `\n\n${language === "zh-CN" ? "查看" : "Open"}: ${appUrl.replace(/\/+$/, "")}${rendered.path}`
    : "";
  const footer =
    language === "zh-CN"
      ? "\n\n——\n示范区监测系统自动发送。可在“通知设置”中选择接收哪些邮件。"
      : "\n\n——\nSent by Zones. Choose which mails you get in your notification settings.";
  return `${rendered.text}${link}${footer}`;
}

/** The daily digest: one subject, and each notification's line (at most `items` given; `more` not listed). */
export function renderDigest(
  lines: readonly string[],
  more: number,
  day: string,
  language: Locale,
  appUrl?: string | null,
): { subject: string; text: string } {
  const total = lines.length + more;
  const subject =
    language === "zh-CN"
      ? `【${SITE[language]}】每日通知摘要（${day}，共 ${total} 条）`
      : `[${SITE[language]}] Daily digest (${day}, ${total} ${total === 1 ? "notification" : "notifications"})`;
  const listed = lines.map((line) => `- ${line}`).join("\n");
  const rest = more > 0 ? (language === "zh-CN" ? `\n……另有 ${more} 条` : `\n… and ${more} more`) : "";
  const intro = language === "zh-CN" ? "您好：\n\n以下是您的通知：" : "Hello,\n\nYour notifications:";
  return {
    subject,
    text: mailBody(
      { subject, text: `${intro}\n\n${listed}${rest}`, line: subject, path: "/notifications" },
      language,
      appUrl,
    ),
  };
}
