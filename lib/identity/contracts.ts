// Contracts for managing users.
import { z } from "zod";

import { ROLES } from "@/lib/enums";
import { id, oneOf, text } from "@/lib/fields";

import { ROLE_LABELS, USER_FIELDS as U } from "./words";

export const ZPassword = z
  .string({ error: `${U.password.label} is required` })
  .min(10, `${U.password.label} must be at least 10 characters`)
  .max(128, `${U.password.label} must be at most 128 characters`);

export const ZUserCreate = z.object({
  email: z
    .email(`${U.email.label} must be an email address like name@example.com`)
    .transform((email) => email.toLowerCase()),
  name: text(U.name, 80),
  role: oneOf(U.role, ROLES, ROLE_LABELS),
  password: ZPassword,
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    id: id("id"),
    name: text(U.name, 80).optional(),
    role: oneOf(U.role, ROLES, ROLE_LABELS).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZPasswordReset = z.object({ id: id("id"), password: ZPassword });

export const ZUserRef = z.object({ id: id("id") });
