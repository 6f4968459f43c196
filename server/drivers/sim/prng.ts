// Seeded pseudo-random numbers. Math.random would make the twin unrepeatable; keying the noise on
// (seed, what, when) instead of a running stream makes a value independent of how often it is read.

/** mulberry32: a tiny 32-bit PRNG, good enough for jitter, not for cryptography. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: turns a deployment id or a key into a 32-bit seed. */
export function hashToSeed(...parts: (string | number)[]): number {
  const text = parts.join("|");
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) fixed by the seed and the key parts. */
export function noiseAt(seed: number, ...parts: (string | number)[]): number {
  return mulberry32(hashToSeed(seed, ...parts))();
}

/** value scaled by a factor in [1 - fraction, 1 + fraction], fixed by the seed and key. */
export function jitter(value: number, fraction: number, seed: number, ...parts: (string | number)[]): number {
  return value * (1 + fraction * (2 * noiseAt(seed, ...parts) - 1));
}
