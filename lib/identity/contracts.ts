// Contracts for managing users.
import { z } from "zod";

import { ROLES } from "@/lib/enums";
import { id, oneOf, text } from "@/lib/fields";

export const ZPassword = z
  .string({ error: "password is required" })
  .min(10, "password must be at least 10 characters")
  .max(128, "password must be at most 128 characters");

export const ZUserCreate = z.object({
  email: z.email("email must be an email address like name@example.com").transform((email) => email.toLowerCase()),
  name: text("name", 80),
  role: oneOf("role", ROLES),
  password: ZPassword,
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    id: id("id"),
    name: text("name", 80).optional(),
    role: oneOf("role", ROLES).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZPasswordReset = z.object({ id: id("id"), password: ZPassword });

export const ZUserRef = z.object({ id: id("id") });
