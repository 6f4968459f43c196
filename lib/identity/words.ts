// Who people are in the console, in words: each role as the shell, the admin pages and the
// approval sentences name it.
import type { TRole } from "@/lib/enums";
import type { TFieldWords } from "@/lib/fields";

export const ROLE_LABELS: Record<TRole, string> = {
  VIEWER: "Viewer",
  OPERATOR: "Operator",
  APPROVER: "Approver",
  ADMIN: "Admin",
};

export const roleLabel = (role: TRole) => ROLE_LABELS[role];

/** For a select of roles. */
export const roleOptions = (roles: readonly TRole[]) => roles.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** The fields of the user forms: the label above each control is the name its errors use. */
export const USER_FIELDS = {
  email: { label: "Email" },
  name: { label: "Name" },
  role: { label: "Role" },
  password: { label: "Password" },
} as const satisfies Record<string, TFieldWords>;
