import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "server/db/generated/**",
      "server/db/generated-postgresql/**",
      "test-results/**",
      "playwright-report/**",
      "tests/.tmp/**",
      "bench/.tmp/**",
      "dist/**",
      "next-env.d.ts",
    ],
  },
  {
    // lib/ is the pure domain shared by the browser, the Next server and the collab server.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "next", "next/*", "next-auth", "next-auth/*"],
              message: "lib/ is framework-free domain code.",
            },
            {
              group: ["@prisma/*", "**/server/**", "@/server/*", "ws"],
              message: "lib/ must not reach server code or the database.",
            },
            { group: ["node:*", "fs", "path", "crypto"], message: "lib/ runs in the browser too: no Node built-ins." },
            {
              group: ["**/app/**", "**/components/**", "@/app/*", "@/components/*"],
              message: "lib/ must not import the UI.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
