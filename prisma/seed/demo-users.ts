// Demo users, one per role, for the local demo only: `npm start` prints them and so does the README.
import type { TUserCreate } from "@/lib/schemas/identity";

export const DEMO_USERS: TUserCreate[] = [
  { email: "admin@meridian.local", name: "Ada Admin", role: "ADMIN", password: "admin-demo-2026" },
  { email: "operator@meridian.local", name: "Oscar Operator", role: "OPERATOR", password: "operator-demo-2026" },
  { email: "approver@meridian.local", name: "April Approver", role: "APPROVER", password: "approver-demo-2026" },
  { email: "approver2@meridian.local", name: "Abel Approver", role: "APPROVER", password: "approver2-demo-2026" },
  { email: "viewer@meridian.local", name: "Vera Viewer", role: "VIEWER", password: "viewer-demo-2026" },
];
