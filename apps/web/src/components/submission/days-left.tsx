import { useTranslations } from "next-intl";

/** "还剩 3 天" / "今天截止" / "已逾期 35 天", in words, never by colour alone. */
export function DaysLeft({ days }: { days: number }) {
  const t = useTranslations("entry.deadline");
  const text = days > 0 ? t("left", { days }) : days === 0 ? t("today") : t("overdue", { days: -days });
  return (
    <span className={days < 0 ? "days-left overdue" : "days-left"} data-days-left={days}>
      {text}
    </span>
  );
}
