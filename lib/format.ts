// Every formatter of the console, for the pages and for the sentences the server writes: money,
// durations, lag, bytes, rates and dates as an operator reads them. The only place figures are
// rounded for people.

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

const WHOLE_DOLLARS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const WITH_CENTS = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
// Unit prices such as $0.009 per 10k requests need more than cents.
const UNIT_PRICE = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

export type TUsdStyle = "cents" | "whole" | "unitPrice";

export function formatUsd(amountUsd: number, style: TUsdStyle = "cents"): string {
  if (!Number.isFinite(amountUsd)) return "n/a";
  // Avoid "-$0.00" for tiny negative float noise.
  const amount = Object.is(amountUsd, -0) ? 0 : amountUsd;
  const formatter = style === "whole" ? WHOLE_DOLLARS : style === "unitPrice" ? UNIT_PRICE : WITH_CENTS;
  const text = formatter.format(amount);
  return text === "-$0.00" || text === "-$0" ? text.slice(1) : text;
}

export function formatMultiplier(multiplier: number | null): string {
  return multiplier === null || !Number.isFinite(multiplier) ? "n/a" : `${multiplier.toFixed(2)}x`;
}

const COMPACT_USD = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

/** Axis ticks and chart labels: "$12.3K" reads at a glance where cents would be noise. */
export const formatUsdShort = (amountUsd: number) =>
  Number.isFinite(amountUsd) ? COMPACT_USD.format(amountUsd) : "n/a";

/** A change against the baseline, signed so a saving reads as one ("−$1,200.00"). */
export function formatDeltaUsd(deltaUsd: number): string {
  // Float noise from summing prices should not show as "+$0.00" or "−$0.00".
  if (Math.abs(deltaUsd) < 0.005) return "±$0.00";
  return `${deltaUsd > 0 ? "+" : "−"}${formatUsd(Math.abs(deltaUsd))}`;
}

/** A cost band's range of multipliers: "1.30x–1.60x". */
export const formatBandRange = (band: { lowX: number; highX: number }) =>
  `${formatMultiplier(band.lowX)}–${formatMultiplier(band.highX)}`;

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

/**
 * Seconds, whole or fractional: "0.04 s" (sub-second data loss is still data loss: never "0 s"),
 * "2.5 s", "45 s", "3.5 min", "1.5 h", "2 d"; "—" when unknown.
 */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  if (seconds > 0 && seconds < 0.1) return `${+seconds.toPrecision(2)} s`;
  if (seconds < 10) return `${+seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${+(whole / 60).toFixed(1)} min`;
  if (whole < 86_400) return `${+(whole / 3600).toFixed(1)} h`;
  return `${+(whole / 86_400).toFixed(1)} d`;
}

/** Seconds as targets and checks compare them, never in minutes: "0.25 s", "12 s", "900 s". */
export const formatPlainSeconds = (seconds: number) => `${Number(seconds.toFixed(seconds < 10 ? 2 : 0))} s`;

/**
 * A whole number of seconds in the largest unit that holds it exactly, as a rule's bound reads:
 * "0 s", "45 s", "5 min", "1 h", "1 day", "7 days".
 */
export function formatWholeSeconds(seconds: number): string {
  if (seconds !== 0 && seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds !== 0 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds !== 0 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds.toLocaleString("en-US")} s`;
}

/** "850 ms", "12.4 s", "3 min 05 s", "1 h 12 min": how long a step took, at a glance. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 3600)
    return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(totalSeconds / 3600)} h ${String(Math.floor((totalSeconds % 3600) / 60)).padStart(2, "0")} min`;
}

/** Time left before an approval expires, or "expired". */
export function formatCountdown(msLeft: number): string {
  if (msLeft <= 0) return "expired";
  const seconds = Math.ceil(msLeft / 1000);
  if (seconds < 60) return `${seconds} s left`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s left`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")} min left`;
}

/** Replication lag (and other live latencies): "850 ms", "1.25 s", "12.5 s", "3.2 min", "1.5 h". */
export function formatLagMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} min`;
  return `${+(ms / 3_600_000).toFixed(1)} h`;
}

export const formatDateTime = (date: Date | string) =>
  new Date(date).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

/** A local time of day to the second ("13:05:30"), with the date when it is not today. */
export function formatLocalTime(at: Date | string | number, nowMs = Date.now()): string {
  const date = new Date(at);
  const sameDay = new Date(nowMs).toDateString() === date.toDateString();
  return date.toLocaleString(undefined, {
    ...(sameDay ? {} : { month: "short", day: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/** An event's span in local time: "13:05:30 – 13:07:12 (1 min 42 s)", or "from 13:05:30, ongoing". */
export function formatSpan(startMs: number, endMs: number | null, nowMs = Date.now()): string {
  if (endMs === null) return `from ${formatLocalTime(startMs, nowMs)}, ongoing`;
  return `${formatLocalTime(startMs, nowMs)} – ${formatLocalTime(endMs, nowMs)} (${formatDuration(endMs - startMs)})`;
}

// ---------------------------------------------------------------------------------------------
// Quantities and rates
// ---------------------------------------------------------------------------------------------

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : +value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[unit]}`;
}

export function formatRps(requestsPerSecond: number): string {
  if (!Number.isFinite(requestsPerSecond)) return "—";
  return `${requestsPerSecond < 10 ? +requestsPerSecond.toFixed(1) : Math.round(requestsPerSecond).toLocaleString("en-US")} rps`;
}

/** A fraction 0..1 as a percentage, with more digits when it is small (error rates). */
export function formatFraction(fraction: number): string {
  if (!Number.isFinite(fraction)) return "—";
  const pct = fraction * 100;
  return `${+pct.toFixed(pct !== 0 && pct < 1 ? 2 : 1)}%`;
}

export function formatPerSecond(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return `${value < 10 ? +value.toFixed(2) : Math.round(value).toLocaleString("en-US")}/s`;
}

// ---------------------------------------------------------------------------------------------
// Bounds of a field's rule ("must be between 0 s and 7 days")
// ---------------------------------------------------------------------------------------------

/** The units a field's number is in, so its bounds read in them. */
export type TLimitUnit = "seconds" | "percent" | "gbPerDay" | "degrees" | "usd";

export function formatLimit(value: number, unit?: TLimitUnit): string {
  switch (unit) {
    case "seconds":
      return formatWholeSeconds(value);
    case "percent":
      return `${value}%`;
    case "gbPerDay":
      return `${value.toLocaleString("en-US")} GB/day`;
    case "degrees":
      return `${value}°`;
    case "usd":
      return formatUsd(value, "unitPrice");
    default:
      return value.toLocaleString("en-US");
  }
}

// ---------------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------------

/**
 * A client's address as people read it: an IPv4 address that arrived as IPv6 (`::ffff:127.0.0.1`)
 * as itself, an expanded IPv6 address compressed (`0000:...:0001` as `::1`), and an address
 * that was never known (older records hold better-auth's masked all-zero one) as "unknown".
 */
export function formatClientAddress(address: string | null): string {
  if (!address) return "an unknown address";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  const groups = address.split(":");
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return address;
  const short = groups.map((g) => g.replace(/^0+(?=.)/, "").toLowerCase());
  if (short.every((g) => g === "0")) return "an unknown address";
  // The longest run of zero groups becomes "::", as RFC 5952 writes it.
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && short[j] === "0") j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = Math.max(i, j);
  }
  if (best.at < 0) return short.join(":");
  return `${short.slice(0, best.at).join(":")}::${short.slice(best.at + best.length).join(":")}`;
}
