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
        <SignInForm />
      </div>
    </main>
  );
}
