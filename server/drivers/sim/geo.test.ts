import { describe, expect, it } from "vitest";

import { greatCircleKm, roundTripMs } from "./geo";
import { KNOWN_PLACES } from "./places";

const place = (code: string) => {
  const coordinates = KNOWN_PLACES[code];
  if (!coordinates) throw new Error(`no coordinates for ${code}`);
  return coordinates;
};

describe("round-trip time from coordinates", () => {
  it("grows with distance: us-east-1 to eu-west-1 is faster than us-east-1 to ap-southeast-1", () => {
    const toEurope = roundTripMs(place("us-east-1"), place("eu-west-1"));
    const toSingapore = roundTripMs(place("us-east-1"), place("ap-southeast-1"));
    expect(toEurope).toBeLessThan(toSingapore);
  });

  it("lands near measured cloud round trips (about 75 ms transatlantic, about 230 ms to Singapore)", () => {
    expect(roundTripMs(place("us-east-1"), place("eu-west-1"))).toBeGreaterThan(60);
    expect(roundTripMs(place("us-east-1"), place("eu-west-1"))).toBeLessThan(110);
    expect(roundTripMs(place("us-east-1"), place("ap-southeast-1"))).toBeGreaterThan(180);
    expect(roundTripMs(place("us-east-1"), place("ap-southeast-1"))).toBeLessThan(280);
  });

  it("is symmetric and only the fixed overhead within one place", () => {
    const here = place("eu-central-1");
    expect(roundTripMs(here, here)).toBe(2);
    expect(roundTripMs(place("us-west-2"), here)).toBeCloseTo(roundTripMs(here, place("us-west-2")), 9);
  });

  it("measures great-circle distance with haversine (London to Paris is about 344 km)", () => {
    expect(
      greatCircleKm({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 48.8566, longitude: 2.3522 }),
    ).toBeCloseTo(344, -1);
  });
});
