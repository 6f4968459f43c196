// Presentation of money and multipliers: the only place figures are rounded.

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
