import { describe, expect, it } from "vitest";

import { isToldOf } from "./access-policy";
import { mailBody, renderDigest, renderNotification } from "./notification-texts";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  deadlineEventKey,
  deadlineNoticeFor,
  mailDelivery,
  NOTIFICATION_KINDS,
  type NotificationEvent,
  notificationMailKey,
  submissionEventKey,
} from "./notifications";

const EVENTS: NotificationEvent[] = [
  {
    kind: "deadline-reminder",
    payload: { zoneCode: "HB-HS", quarter: "2026Q3", deadline: "2026-10-25", daysLeft: 7 },
  },
  { kind: "overdue", payload: { zoneCode: "HB-HS", quarter: "2026Q3", deadline: "2026-10-25" } },
  {
    kind: "submitted",
    payload: { zoneCode: "HB-HS", quarter: "2026Q3", submittedBy: "黄石填报员", late: true },
  },
  {
    kind: "returned",
    payload: { zoneCode: "HB-HS", quarter: "2026Q3", reason: "数据口径不一致", notes: { gdp: "请核对GDP" } },
  },
  { kind: "approved", payload: { zoneCode: "HB-HS", quarter: "2026Q3", comment: null } },
  { kind: "export-failed", payload: { scheduleId: "s1", scheduleName: "季度汇总", reason: "磁盘已满" } },
];

describe("notification texts", () => {
  it("has a text for every kind, Chinese with Chinese and English without it", () => {
    expect(EVENTS.map((event) => event.kind)).toEqual([...NOTIFICATION_KINDS]);
    for (const event of EVENTS) {
      const zh = renderNotification(event.kind, event.payload as never, "zh-CN");
      const en = renderNotification(event.kind, event.payload as never, "en");
      for (const text of [zh.subject, zh.line, zh.text]) expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(en.subject).toMatch(/^\[Zones\] /);
      expect(en.line).not.toBe(zh.line);
      expect(en.path).toBe(zh.path);
    }
  });

  it("names the zone and quarter in the reader's language", () => {
    const [reminder] = EVENTS;
    if (!reminder) throw new Error("no event");
    const zh = renderNotification(reminder.kind, reminder.payload as never, "zh-CN");
    const en = renderNotification(reminder.kind, reminder.payload as never, "en");
    expect(zh.line).toBe("湖北黄石2026年第三季度数据尚未报送，距截止日期（2026-10-25）还有 7 天");
    expect(en.line).toContain("Huangshi, Hubei");
    expect(en.line).toContain("Q3 2026");
    expect(en.subject).toContain("7 days");
    expect(zh.path).toBe("/entry/HB-HS/2026Q3");
  });

  it("a return mail lists the reason and each indicator's comment under the indicator's name", () => {
    const payload = {
      zoneCode: "HB-HS",
      quarter: "2026Q3",
      reason: "数据口径不一致",
      notes: { gdp: "请核对GDP" },
    };
    const zh = renderNotification("returned", payload, "zh-CN");
    expect(zh.text).toContain("退回原因：数据口径不一致");
    expect(zh.text).toContain("- 地区生产总值: 请核对GDP");
    const en = renderNotification("returned", payload, "en");
    expect(en.text).toContain("Reason: 数据口径不一致");
    expect(en.text).toContain("- GDP (current prices): 请核对GDP");
  });

  it("links a submission to the review page and adds the app's address to the mail", () => {
    const rendered = renderNotification(
      "submitted",
      { zoneCode: "HB-HS", quarter: "2026Q3", submittedBy: null, late: false },
      "zh-CN",
    );
    expect(rendered.path).toBe("/review/HB-HS/2026Q3");
    expect(mailBody(rendered, "zh-CN", "https://zones.example.gov.cn/")).toContain(
      "查看: https://zones.example.gov.cn/review/HB-HS/2026Q3",
    );
    expect(mailBody(rendered, "en", null)).not.toContain("http");
  });

  it("a digest counts what it does not list", () => {
    const digest = renderDigest(["a", "b"], 3, "2026-11-28", "zh-CN");
    expect(digest.subject).toContain("共 5 条");
    expect(digest.text).toContain("- a\n- b\n……另有 3 条");
    expect(renderDigest(["a"], 0, "2026-11-28", "en").subject).toContain("1 notification)");
  });
});

describe("who is told", () => {
  const reviewer = { role: "reviewer", zoneCodes: [] } as const;
  const admin = { role: "admin", zoneCodes: [] } as const;
  const official = { role: "official", zoneCodes: ["HB-HS"] } as const;
  const other = { role: "official", zoneCodes: ["LN-C"] } as const;
  const viewer = { role: "viewer", zoneCodes: [] } as const;

  it("reviewers and admins of a submission, the zone's officials of the rest", () => {
    expect([reviewer, admin, official, other, viewer].map((u) => isToldOf("submitted", u, "HB-HS"))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    for (const kind of ["deadline-reminder", "overdue", "returned", "approved"] as const) {
      expect([reviewer, admin, official, other, viewer].map((u) => isToldOf(kind, u, "HB-HS"))).toEqual([
        false,
        false,
        true,
        false,
        false,
      ]);
    }
    expect(isToldOf("export-failed", admin, "HB-HS")).toBe(false);
  });
});

describe("deadlines and keys", () => {
  it("reminds 7 and 1 days before, and the day after, nothing else", () => {
    const days = [8, 7, 6, 2, 1, 0, -1, -2].map((daysLeft) => deadlineNoticeFor(daysLeft));
    expect(days).toEqual([null, "deadline-reminder", null, null, "deadline-reminder", null, "overdue", null]);
    expect(deadlineNoticeFor(3, [3])).toBe("deadline-reminder");
  });

  it("keys an event by what happened, and its mail by event and recipient", () => {
    expect(deadlineEventKey("deadline-reminder", "HB-HS", "2026Q3", 7)).toBe(
      "deadline-reminder:2026Q3:HB-HS:7d",
    );
    expect(submissionEventKey("submitted", "HB-HS", "2026Q3", 4)).toBe("submitted:HB-HS:2026Q3:v4");
    expect(notificationMailKey("submitted:HB-HS:2026Q3:v4", "u1")).toBe(
      "notification:submitted:HB-HS:2026Q3:v4:u1",
    );
  });

  it("mail follows the user's choice: off, at once, or in the digest", () => {
    expect(mailDelivery("approved", DEFAULT_NOTIFICATION_PREFERENCES)).toBe("immediate");
    expect(mailDelivery("approved", { ...DEFAULT_NOTIFICATION_PREFERENCES, mailOff: ["approved"] })).toBe(
      "none",
    );
    expect(mailDelivery("returned", { ...DEFAULT_NOTIFICATION_PREFERENCES, schedule: "daily" })).toBe(
      "daily",
    );
  });
});
