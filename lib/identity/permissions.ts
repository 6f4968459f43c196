// Who may do what: one table, read by the API's procedure ladder (server/api/trpc.ts), by the
// browser's useCan() to show only the controls a person may use, and by the approval rules.
// Admins may do everything; every signed-in user may read everything.
import { ROLES, type TRole } from "@/lib/enums";

/** Each permission and the roles that hold it besides admins. */
export const PERMISSIONS = {
  /** Edit the model: deployments, regions, stacks, clusters, replicas, links, routing, and the
   *  connection details of servers a `postgres` deployment points at (and test them). */
  "topology.edit": ["OPERATOR"],
  /** Inject faults into a simulated deployment and clear them. */
  "faults.inject": ["OPERATOR"],
  /** Save, change and delete what-if scenarios and data residency rules. */
  "planning.edit": ["OPERATOR"],
  /** Request operations, and pause, resume or abort them. */
  "operations.run": ["OPERATOR"],
  /** Be an approval policy's approver role, and so decide its approvals. */
  "approvals.decide": ["OPERATOR", "APPROVER"],
  /** Set the approval policies of a deployment's runbooks. */
  "approvals.setPolicy": [],
  /** Set a deployment's notification webhook (its URL is a credential too), test it, see its deliveries. */
  "notifications.edit": ["OPERATOR"],
  /** Change a price in the catalog. */
  "catalog.edit": [],
  /** Create users, change their role, disable them, reset their password. */
  "users.manage": [],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole, permission: TPermission): boolean {
  return role === "ADMIN" || (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

/** Why `role` is refused `permission`, as the API says it: "this needs the operator role; you are viewer". */
export function refusal(permission: TPermission, role: TRole): string {
  const holders: readonly TRole[] = PERMISSIONS[permission].length > 0 ? PERMISSIONS[permission] : ["ADMIN"];
  return `this needs the ${holders.join(" or ").toLowerCase()} role; you are ${role.toLowerCase()}`;
}

/** The roles an approval policy may name as its approver role (a viewer cannot approve). */
export const APPROVER_ROLES: readonly TRole[] = ROLES.filter((role) => can(role, "approvals.decide"));

/** The roles that may decide an approval asking for `required`: that role, and admins. */
export const deciderRoles = (required: TRole): TRole[] => [...new Set<TRole>([required, "ADMIN"])];

/** Whether `role` may decide an approval asking for `required`. */
export const mayDecide = (role: TRole, required: TRole): boolean =>
  can(role, "approvals.decide") && deciderRoles(required).includes(role);
