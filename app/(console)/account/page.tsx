import type { Metadata } from "next";

import { ChangePasswordForm } from "@/components/identity/change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default function AccountPage() {
  return <ChangePasswordForm />;
}
