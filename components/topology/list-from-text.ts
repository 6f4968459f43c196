// Probe locations and geo matches are typed as "a, b, c" and stored as a list.
export const listFromText = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
