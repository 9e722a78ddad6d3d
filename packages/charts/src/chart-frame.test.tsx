import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { ChartFrame, type ChartFrameProps } from "./chart-frame";
import { IndicatorTrend } from "./indicator-trend";
import { chartFontFamily } from "./palette";
import { safeFileName, tableToCsv } from "./table-export";

const BOM = "\uFEFF";

const table: ChartFrameProps["table"] = {
  columns: ["季度", "黄石", "淄博"],
  rows: [
    ["2024年第一季度", 1929.5, -3.25],
    ["2024年第二季度", null, 0],
  ],
};

const labels = { downloadCsv: "下载 CSV", downloadPng: "下载 PNG", showTable: "查看数据表" };

function renderFrame(props: Partial<ChartFrameProps> = {}) {
  return render(
    <ChartFrame title="地区生产总值" fileName="gdp-trend" table={table} labels={labels} {...props}>
      {props.children ?? (
        <svg role="img" aria-label="图" width={300} height={150}>
          <text>图</text>
        </svg>
      )}
    </ChartFrame>,
  );
}

/** Opens a chart's table disclosure as a click on its summary would, and waits for the table. */
async function openTable(details: HTMLDetailsElement) {
  details.open = true;
  fireEvent(details, new Event("toggle"));
  await waitFor(() => expect(details.querySelector("table")).not.toBeNull());
}

/** jsdom's Blob has no arrayBuffer(); FileReader it has. */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe("tableToCsv", () => {
  it("writes a BOM, CRLF line ends, and numbers as they are", async () => {
    expect(await tableToCsv(table)).toBe(
      `${BOM}季度,黄石,淄博\r\n2024年第一季度,1929.5,-3.25\r\n2024年第二季度,,0\r\n`,
    );
  });

  it("quotes fields with commas, quotes and line breaks as RFC 4180 says", async () => {
    const csv = await tableToCsv({
      columns: ["名称", "备注"],
      rows: [
        ["黄石, 湖北", 'say "hi"'],
        ["两行\n文本", "回车\r符"],
        ["plain", 12345678.9],
      ],
    });
    expect(csv).toBe(
      `${BOM}名称,备注\r\n"黄石, 湖北","say ""hi"""\r\n"两行\n文本","回车\r符"\r\nplain,12345678.9\r\n`,
    );
  });

  it("neutralises text that a spreadsheet would run as a formula, but not negative numbers", async () => {
    const csv = await tableToCsv({
      columns: ["=HYPERLINK()", "x"],
      rows: [
        ["=1+1", "+86"],
        ["-2", -2],
        ["@SUM(A1)", "\tcell"],
        ["\rcell", "safe=1"],
      ],
    });
    expect(csv).toBe(
      `${BOM}'=HYPERLINK(),x\r\n'=1+1,'+86\r\n'-2,-2\r\n'@SUM(A1),'\tcell\r\n"'\rcell",safe=1\r\n`,
    );
  });

  it("writes null and non-finite numbers as empty fields", async () => {
    expect(
      await tableToCsv({ columns: ["a", "b", "c"], rows: [[null, Number.NaN, Number.POSITIVE_INFINITY]] }),
    ).toBe(`${BOM}a,b,c\r\n,,\r\n`);
  });

  it("writes just the header for a table without rows", async () => {
    expect(await tableToCsv({ columns: ["季度"], rows: [] })).toBe(`${BOM}季度\r\n`);
  });
});

describe("safeFileName", () => {
  it.each([
    ["gdp-trend_2024.q3", "gdp-trend_2024.q3"],
    ["GDP trend / 2024", "GDP-trend-2024"],
    ["地区生产总值", "chart"],
    ["黄石 gdp", "gdp"],
    ["../../etc/passwd", "etc-passwd"],
    [".hidden", "hidden"],
    ["Zhōngguó", "Zhongguo"],
    ["con", "chart-con"],
    ["LPT1.backup", "chart-LPT1.backup"],
    ["", "chart"],
    ["a".repeat(150), "a".repeat(100)],
  ])("turns %j into %j", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});

describe("ChartFrame", () => {
  let createObjectURL: ReturnType<typeof vi.fn<(blob: Blob) => string>>;
  let click: MockInstance<() => void>;
  let downloads: { href: string; download: string; attached: boolean }[];

  beforeEach(() => {
    downloads = [];
    // jsdom has neither; a real browser would start a download.
    createObjectURL = vi.fn((_blob: Blob) => "blob:zones/1");
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("is a figure captioned by the title, with the description and the chart", () => {
    renderFrame({ description: "单位：亿元；2024年第二季度黄石未报送" });
    const figure = screen.getByRole("figure", { name: "地区生产总值" });
    expect(figure.getAttribute("data-testid")).toBe("chart-frame");
    expect(figure.querySelector("figcaption")?.textContent).toBe("地区生产总值");
    const descriptionId = figure.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(descriptionId)?.textContent).toBe("单位：亿元；2024年第二季度黄石未报送");
    expect(within(figure).getByRole("img", { name: "图" })).toBeTruthy();
    expect(figure.style.fontFamily).toBe(chartFontFamily);
  });

  it("has no description reference without a description", () => {
    renderFrame();
    expect(screen.getByTestId("chart-frame").hasAttribute("aria-describedby")).toBe(false);
  });

  it("puts the same numbers in an accessible table under a disclosure, built when it first opens", async () => {
    renderFrame({ formatCell: (v) => v.toLocaleString("zh-CN", { minimumFractionDigits: 2 }) });
    const details = screen.getByTestId("chart-frame").querySelector("details") as HTMLDetailsElement;
    expect(details.querySelector("summary")?.textContent).toBe("查看数据表");
    expect(details.querySelector("table")).toBeNull();
    await openTable(details);
    const tableEl = within(details).getByRole("table", { name: "地区生产总值" });
    expect(
      within(tableEl)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["季度", "黄石", "淄博"]);
    const rows = within(tableEl).getAllByRole("row").slice(1);
    expect(rows.map((tr) => [...tr.children].map((cell) => cell.textContent))).toEqual([
      ["2024年第一季度", "1,929.50", "-3.25"],
      ["2024年第二季度", "—", "0.00"],
    ]);
    expect(
      within(tableEl)
        .getAllByRole("rowheader")
        .map((th) => th.getAttribute("scope")),
    ).toEqual(["row", "row"]);
  });

  it("keeps the table once built, when the disclosure closes and opens again", async () => {
    renderFrame();
    const details = screen.getByTestId("chart-frame").querySelector("details") as HTMLDetailsElement;
    await openTable(details);
    details.open = false;
    fireEvent(details, new Event("toggle"));
    expect(details.querySelector("table")).not.toBeNull();
  });

  it("shows numbers as they are without a cell formatter", async () => {
    renderFrame();
    await openTable(screen.getByTestId("chart-frame").querySelector("details") as HTMLDetailsElement);
    const cells = [...(screen.getByTestId("chart-frame").querySelectorAll("details tbody td") ?? [])];
    expect(cells.map((td) => td.textContent)).toEqual(["1929.5", "-3.25", "—", "0"]);
  });

  it("downloads the table as a UTF-8 CSV with a BOM", async () => {
    renderFrame({ fileName: "gdp trend/2024" });
    fireEvent.click(screen.getByTestId("download-csv"));
    expect(screen.getByTestId("download-csv").textContent).toBe("下载 CSV");
    // The CSV writer is fetched on the first download.
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob?.type).toBe("text/csv;charset=utf-8");
    const bytes = await readBytes(blob ?? new Blob());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(await tableToCsv(table));
    expect(click).toHaveBeenCalledTimes(1);
    expect(downloads).toEqual([{ href: "blob:zones/1", download: "gdp-trend-2024.csv", attached: true }]);
    // The temporary link does not stay in the page.
    expect(document.querySelector("a[download]")).toBeNull();
  });

  describe("PNG", () => {
    type Call = [string, ...unknown[]];
    let calls: Call[];
    let canvases: HTMLCanvasElement[];

    class FakeImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      #src = "";
      get src() {
        return this.#src;
      }
      set src(value: string) {
        this.#src = value;
        queueMicrotask(() => this.onload?.());
      }
      get markup() {
        return decodeURIComponent(this.#src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ""));
      }
    }

    beforeEach(() => {
      calls = [];
      canvases = [];
      vi.stubGlobal("Image", FakeImage);
      const context = {
        font: "",
        fillStyle: "",
        textBaseline: "",
        scale: (...args: unknown[]) => calls.push(["scale", ...args]),
        fillRect(...args: unknown[]) {
          calls.push(["fillRect", this.fillStyle, ...args]);
        },
        fillText(...args: unknown[]) {
          calls.push(["fillText", ...args]);
        },
        drawImage: (image: FakeImage, ...args: unknown[]) => calls.push(["drawImage", image.markup, ...args]),
        measureText: (text: string) => ({ width: text.length * 12 }),
      };
      vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (
        this: HTMLCanvasElement,
      ) {
        canvases.push(this);
        return context as unknown as CanvasRenderingContext2D;
      } as unknown as HTMLCanvasElement["getContext"]);
      vi.spyOn(HTMLCanvasElement.prototype, "toBlob").mockImplementation((callback) =>
        callback(new Blob(["png"], { type: "image/png" })),
      );
    });

    function renderWithTrend() {
      return renderFrame({
        children: (
          <IndicatorTrend
            quarters={["2024Q1", "2024Q2"]}
            series={[
              { key: "HB-HS", label: "黄石", points: [{ quarter: "2024Q1", value: 1 }] },
              { key: "SD-ZB", label: "淄博", points: [{ quarter: "2024Q2", value: 2 }] },
            ]}
            title="走势图"
            formatValue={String}
            formatQuarter={(q) => q}
            unit="亿元"
            emptyMessage="暂无数据"
            width={640}
            height={320}
          />
        ),
      });
    }

    it("draws the chart's SVG at 2× on white, with the title and legend, and downloads it", async () => {
      renderWithTrend();
      fireEvent.click(screen.getByTestId("download-png"));
      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(downloads[0]).toMatchObject({ download: "gdp-trend.png", attached: true });
      expect(createObjectURL.mock.calls[0]?.[0]?.type).toBe("image/png");

      // 640×320 chart + 16px padding around + 28px title + 8px gap + one 20px legend row.
      expect([canvases[0]?.width, canvases[0]?.height]).toEqual([
        2 * (640 + 32),
        2 * (16 + 28 + 320 + 8 + 20 + 16),
      ]);
      expect(calls[0]).toEqual(["scale", 2, 2]);
      expect(calls[1]).toEqual(["fillRect", "#ffffff", 0, 0, 672, 408]);
      expect(calls[2]).toEqual(["fillText", "地区生产总值", 16, 16, 640]);

      const images = calls.filter((c) => c[0] === "drawImage");
      // The chart itself, not the first <svg> in the DOM (a legend swatch), then one swatch per legend item.
      const [chart, ...swatches] = images;
      expect(chart?.slice(2)).toEqual([16, 44, 640, 320]);
      const markup = String(chart?.[1]);
      expect(markup).toContain('aria-label="走势图"');
      expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
      // The font is written onto the root <svg>: CSS from the page does not reach an SVG drawn as an image.
      expect(markup).toMatch(/<svg[^>]*\sfont-family="&quot;Noto Sans CJK SC&quot;/);
      expect(markup).not.toMatch(/<svg[^>]*width: 100%/);
      expect(markup).toContain('data-key="HB-HS"');
      expect(markup).toMatch(/<svg[^>]*width="640"/);
      expect(swatches).toHaveLength(2);
      expect(calls.filter((c) => c[0] === "fillText").map((c) => c[1])).toEqual([
        "地区生产总值",
        "黄石",
        "淄博",
      ]);
    });

    it("does nothing when the frame holds no SVG, e.g. an empty chart", async () => {
      renderFrame({ children: <p>暂无数据</p> });
      fireEvent.click(screen.getByTestId("download-png"));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(downloads).toHaveLength(0);
      expect(canvases).toHaveLength(0);
    });
  });
});
