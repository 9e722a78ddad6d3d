import type { EvaluationRating, StatusWarning } from "@zones/domain";
import { useTranslations } from "next-intl";

/** 优秀 / 良好 / 合格 / 较差 as a coloured badge (the word itself says it; the colour only repeats it). */
export function RatingBadge({ rating }: { rating: EvaluationRating }) {
  const t = useTranslations("evaluation.ratings");
  return (
    <span className={`rating-badge rating-${rating}`} data-testid="rating-badge" data-rating={rating}>
      {t(rating)}
    </span>
  );
}

/** The warning of a second (or third) 较差 in a row, or nothing. */
export function PoorWarning({ warning }: { warning: StatusWarning | null }) {
  const t = useTranslations("evaluation.warnings");
  if (!warning) return null;
  return (
    <span
      className={`rating-warning rating-warning-${warning}`}
      data-testid="rating-warning"
      data-warning={warning}
    >
      {t(warning)}
    </span>
  );
}

/** A year's state for its list: ratings entered as history only, a rubric draft, computed, published. */
export function yearState(year: {
  rubricState: "draft" | "published" | null;
  computedAt: Date | string | null;
}): "history" | "draft" | "computed" | "published" {
  if (year.rubricState === null) return "history";
  if (year.rubricState === "published") return "published";
  return year.computedAt ? "computed" : "draft";
}
