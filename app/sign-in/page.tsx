import type { Metadata } from "next";

import { SignInForm } from "@/components/identity/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <img src="/favicon.svg" alt="" className="size-7" />
          <h1 className="text-xl font-semibold tracking-tight">Meridian</h1>
        </div>
        <p className="-mt-3 mb-6 text-sm text-slate-600 dark:text-slate-400" data-testid="what-meridian-is">
          Meridian plans, watches and runs disaster recovery for multi-region deployments.
        </p>
        <SignInForm />
      </div>
    </main>
  );
}
