/**
 * Charts waiting to be drawn, drawn one per task: the charts that come into view together (a row of small
 * multiples, a page's two charts after hydration) then never block the main thread in one long piece, and
 * the reader's input is handled between two charts.
 */
const waiting: (() => void)[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

function drawNext(): void {
  timer = null;
  const draw = waiting.shift();
  if (waiting.length > 0) timer = setTimeout(drawNext, 0);
  draw?.();
}

/** Queues `draw` behind the charts already waiting; the returned function takes it out if it has not run. */
export function queueDraw(draw: () => void): () => void {
  waiting.push(draw);
  if (timer === null) timer = setTimeout(drawNext, 0);
  return () => {
    const index = waiting.indexOf(draw);
    if (index >= 0) waiting.splice(index, 1);
  };
}
