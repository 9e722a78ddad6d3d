"use client";

import { type CSSProperties, type ReactNode, useId, useRef, useState } from "react";
import { downloadBlob, exportPng } from "./chart-download";
import { DataTable } from "./data-table";
import { chartFontFamily } from "./palette";
import { type ChartTable, safeFileName, tableToCsv } from "./table-export";

export interface ChartFrameProps {
  /** Shown as the figure caption and drawn at the top of the PNG. */
  title: string;
  description?: string;
  /** ASCII, without extension; sanitised with `safeFileName` anyway. */
  fileName: string;
  /** The numbers behind the chart, for the CSV download and the accessible table. */
  table: ChartTable;
  labels: { downloadCsv: string; downloadPng: string; showTable: string };
  /** Formats numbers in the on-page table (the CSV always has them raw); default `String`. */
  formatCell?: (value: number, columnIndex: number) => string;
  children: ReactNode;
}

const buttonStyle: CSSProperties = {
  font: "inherit",
  fontSize: 12,
  padding: "2px 10px",
  border: "1px solid #bbb",
  borderRadius: 4,
  background: "#fff",
  color: "#333",
  cursor: "pointer",
};

export function ChartFrame({
  title,
  description,
  fileName,
  table,
  labels,
  formatCell = (value) => String(value),
  children,
}: ChartFrameProps) {
  const frameRef = useRef<HTMLElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const [exporting, setExporting] = useState(false);
  // The table is built when the disclosure first opens: closed, it is neither shown nor read out, and a page
  // of many charts (a zone's 50) would otherwise send and hydrate thousands of cells nobody asked for.
  const [tableWanted, setTableWanted] = useState(false);
  const baseName = safeFileName(fileName);

  const downloadCsv = async () => {
    const csv = await tableToCsv(table);
    downloadBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), `${baseName}.csv`);
  };

  const downloadPng = async () => {
    const frame = frameRef.current;
    if (!frame || exporting) return;
    setExporting(true);
    try {
      await exportPng(frame, title, `${baseName}.png`);
    } catch (error) {
      console.error(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <figure
      ref={frameRef}
      data-testid="chart-frame"
      // figcaption should name the figure by itself, but not every screen reader does it.
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      style={{ margin: 0, fontFamily: chartFontFamily }}
    >
      <figcaption id={titleId} style={{ fontWeight: 600, fontSize: 15, marginBottom: 4 }}>
        {title}
      </figcaption>
      {description && (
        <p id={descriptionId} style={{ margin: "0 0 8px", fontSize: 13, color: "#555" }}>
          {description}
        </p>
      )}
      {children}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 8, alignItems: "flex-start" }}>
        <button
          type="button"
          data-testid="download-csv"
          onClick={() => void downloadCsv()}
          style={buttonStyle}
        >
          {labels.downloadCsv}
        </button>
        <button
          type="button"
          data-testid="download-png"
          onClick={downloadPng}
          disabled={exporting}
          aria-busy={exporting}
          style={buttonStyle}
        >
          {labels.downloadPng}
        </button>
      </div>
      <details
        className="chart-frame-table"
        style={{ marginTop: 8, fontSize: 13 }}
        onToggle={(event) => {
          if (event.currentTarget.open) setTableWanted(true);
        }}
      >
        <summary style={{ cursor: "pointer" }}>{labels.showTable}</summary>
        {tableWanted && (
          <div style={{ overflowX: "auto", position: "relative" }}>
            <DataTable title={title} table={table} formatCell={formatCell} />
          </div>
        )}
      </details>
    </figure>
  );
}
