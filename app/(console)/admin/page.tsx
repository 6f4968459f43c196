import type { Metadata } from "next";

import { UserAdmin } from "@/components/admin/user-admin";

export const metadata: Metadata = { title: "Admin" };

// User management; the component shows it to admins only (the server refuses everyone else).
export default function AdminPage() {
  return <UserAdmin />;
}
