// Lint: Next's recommended rules, TypeScript's, and the layer rules of docs/ARCHITECTURE.md
// ("who may import whom"), so a wrong import fails `npm test` rather than waiting for review.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const restrict = (files, patterns, message) => ({
  files,
  ignores: ["**/*.test.ts"],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { patterns: [{ group: patterns, message, allowTypeImports: true }] },
    ],
  },
});

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "server/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      // Plain <img> for tiny local SVGs: next/image adds nothing there.
      "@next/next/no-img-element": "off",
    },
  },
  restrict(
    ["components/**"],
    ["@/server/*", "**/server/*"],
    "client code reaches the server through tRPC hooks; import server types with `import type`",
  ),
  restrict(
    ["lib/**"],
    ["@/server/*", "@prisma/*", "**/generated/**", "next", "next/*", "react", "@trpc/server"],
    "lib/ is pure and framework-free: it runs in the browser and on the server",
  ),
  restrict(
    ["server/domain/**"],
    ["next", "next/*", "@trpc/*", "@/app/*", "@/components/*"],
    "the domain knows nothing of HTTP, tRPC or React",
  ),
  restrict(
    ["server/drivers/**"],
    ["@/server/api/*", "next", "next/*", "@trpc/*"],
    "drivers are reached through the registry and know nothing of the API",
  ),
];

export default config;
