import { describe, expect, it } from "vitest";
import type { TGateView } from "@/lib/operations/contracts";
import { whyCannotDecide } from "../can-decide";

const NOW = Date.parse("2026-11-26T10:00:00Z");
const gate = (over: Partial<TGateView> = {}): Pick<TGateView, "status" | "role" | "expiresAt" | "decisions"> => ({
  status: "OPEN",
  role: "APPROVER",
  expiresAt: "2026-11-26T10:30:00Z",
  decisions: [],
  ...over,
});

describe("who may decide an approval", () => {
  it("lets a person of the policy's role decide an open approval they did not ask for", () => {
    expect(whyCannotDecide({ userId: "amy", role: "APPROVER" }, gate(), "olga", NOW)).toBeNull();
  });

  it("lets an admin decide whatever role the policy names", () => {
    expect(whyCannotDecide({ userId: "ada", role: "ADMIN" }, gate(), "olga", NOW)).toBeNull();
  });

  it("never lets the requester approve their own operation, whatever their role", () => {
    expect(whyCannotDecide({ userId: "olga", role: "ADMIN" }, gate(), "olga", NOW)).toBe("You requested this operation; someone else must approve it.");
  });

  it("names the role needed when the user has another", () => {
    expect(whyCannotDecide({ userId: "vic", role: "VIEWER" }, gate(), "olga", NOW)).toBe("This approval needs the Approver role; you are signed in as Viewer.");
  });

  it("says the user already decided, and how", () => {
    const decided = gate({ required: 2, decisions: [{ approverId: "amy", approverName: "Amy", decision: "APPROVE", comment: "", at: "2026-11-26T09:59:00Z" }] } as Partial<TGateView>);
    expect(whyCannotDecide({ userId: "amy", role: "APPROVER" }, decided, "olga", NOW)).toMatch(/already approved/);
  });

  it("refuses closed and expired approvals first", () => {
    expect(whyCannotDecide({ userId: "amy", role: "APPROVER" }, gate({ status: "LAPSED" }), "olga", NOW)).toMatch(/lapsed/);
    expect(whyCannotDecide({ userId: "amy", role: "APPROVER" }, gate({ status: "GRANTED" }), "amy", NOW)).toMatch(/granted/);
    expect(whyCannotDecide({ userId: "amy", role: "APPROVER" }, gate({ expiresAt: "2026-11-26T09:00:00Z" }), "olga", NOW)).toBe("This approval has expired.");
  });
});
