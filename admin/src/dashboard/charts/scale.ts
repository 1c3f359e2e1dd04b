/** Axis helpers for the small SVG charts: a "nice" top value and evenly spaced ticks from zero. */

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks from 0 to a round number at or above `max`, about `count` steps. Counts are whole numbers, so
 * the step is at least 1 when `integer` (the default).
 */
export function niceTicks(max: number, count = 4, integer = true): number[] {
  const top = Math.max(max, 0);
  let step = niceStep(top / count);
  if (integer) step = Math.max(1, Math.ceil(step));
  const last = Math.max(step, Math.ceil(top / step) * step);
  const ticks: number[] = [];
  for (let value = 0; value <= last + step / 1e6; value += step) ticks.push(Math.round(value * 1e6) / 1e6);
  return ticks;
}

/** A rough width of `text` in pixels: CJK characters take a full em, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return ems * fontSize;
}

/**
 * How category labels fit under their bars: straight when each fits its band, slanted otherwise (and the
 * room they then need below the axis).
 */
export function categoryLabelLayout(
  labels: readonly string[],
  band: number,
  fontSize: number,
): { slanted: boolean; height: number } {
  const widest = Math.max(0, ...labels.map((label) => textWidth(label, fontSize)));
  if (widest <= band - 4) return { slanted: false, height: fontSize + 10 };
  // At 35°, a label of width w drops by w·sin 35° ≈ 0.57 w.
  return { slanted: true, height: Math.min(120, Math.ceil(widest * 0.57 + fontSize + 8)) };
}

/**
 * Categories side by side over a value axis from zero: the axis ticks, each category's band and centre,
 * the y of a value, and where (and whether slanted) the category labels go.
 */
export function bandLayout(
  labels: readonly string[],
  max: number,
  size: { width: number; height: number },
  margin: { top: number; left: number; right: number },
) {
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const band = labels.length > 0 ? Math.max(0, size.width - margin.left - margin.right) / labels.length : 0;
  const layout = categoryLabelLayout(labels, band, 12);
  const bottom = size.height - layout.height;
  return {
    ticks,
    band,
    bottom,
    slanted: layout.slanted,
    center: (index: number) => margin.left + band * (index + 0.5),
    y: (value: number) => bottom - (value / top) * (bottom - margin.top),
  };
}
