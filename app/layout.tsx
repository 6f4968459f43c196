import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { TRPCReactProvider } from "@/components/trpc/client";
import { NONCE_HEADER } from "@/server/http/content-security-policy";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Meridian", template: "%s · Meridian" },
  description: "Operations console for systems that run in several cloud regions at once",
  icons: { icon: "/favicon.svg" },
};

// Runs before paint so a dark-mode user never sees a white flash.
const themeScript = `try{var t=localStorage.getItem("meridian-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The request's nonce (proxy.ts): the Content-Security-Policy lets only scripts carrying it run.
  // Reading it also renders every page per request, which a nonce needs.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
