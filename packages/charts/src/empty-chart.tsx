import { chartFontFamily } from "./palette";

/** A visible message in place of the chart, so "no data" never looks like a broken blank box. */
export function EmptyChart({
  testId,
  className,
  message,
  width,
  height,
  attributes,
}: {
  testId: string;
  className: string;
  message: string;
  width: number | undefined;
  height: number;
  attributes?: Record<`data-${string}`, string | number>;
}) {
  return (
    <div
      data-testid={testId}
      data-points={0}
      {...attributes}
      className={className}
      style={{
        width: width ?? "100%",
        height,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        border: "1px dashed #bbb",
        borderRadius: 4,
        color: "#555",
        fontFamily: chartFontFamily,
      }}
    >
      {message}
    </div>
  );
}
