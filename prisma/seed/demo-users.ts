// Demo users, one per role (two approvers, since an approval never counts its requester), for the
// local demo only: `npm start` prints them and so does the README. The list is JSON so that the
// start script can print it before any TypeScript runs.
import { ZUserCreate } from "@/lib/identity/contracts";

import demoUsers from "./demo-users.json";

export const DEMO_USERS = demoUsers.map((user) => ZUserCreate.parse(user));
