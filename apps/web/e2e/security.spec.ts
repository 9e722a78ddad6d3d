import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@zones/db/seed";

import { apiSignIn, demoAccount, ownOrigin, signIn, signInAs } from "./fixtures";

test.describe("security headers", () => {
  test("every kind of response carries them; pages get a CSP with a fresh nonce", async ({
    page,
    request,
  }) => {
    await signInAs(page, "viewer");
    const responses = new Map<string, Record<string, string>>();
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin === ownOrigin(test.info().project.use.baseURL))
        responses.set(url.pathname, response.headers());
    });
    await page.goto("/zones/HB-HS");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Pages, their scripts and styles, and API answers, as loaded by the browser.
    const kinds = {
      page: [...responses.keys()].filter((path) => path === "/zones/HB-HS"),
      script: [...responses.keys()].filter((path) => path.endsWith(".js")),
      api: [...responses.keys()].filter((path) => path.startsWith("/api/")),
    };
    expect(kinds.page.length).toBe(1);
    expect(kinds.script.length).toBeGreaterThan(0);
    const direct = await Promise.all(
      ["/login", "/api/health", "/api/trpc/session.me", "/no-such-page", "/api/templates?zones=HB-HS"].map(
        async (path) => [path, (await request.get(path, { maxRedirects: 0 })).headers()],
      ),
    );
    const all = [...responses.entries(), ...direct] as [string, Record<string, string>][];
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const [path, headers] of all) {
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("same-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
    }
    // Documents and API answers say what may run in them and that nobody may frame them.
    for (const [path, headers] of all.filter(([path]) => !/\.(js|css|woff2?|ico|png|svg)$/.test(path))) {
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
    const pagePolicy = responses.get("/zones/HB-HS")?.["content-security-policy"] ?? "";
    expect(pagePolicy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(pagePolicy).not.toContain("unsafe-eval");
    const again = (await page.request.get("/zones/HB-HS")).headers()["content-security-policy"];
    expect(again).not.toBe(pagePolicy);
    for (const [path, headers] of all.filter(([path]) => path.startsWith("/api/trpc/"))) {
      expect(headers["cache-control"], path).toContain("no-store");
    }
  });

  test("pages run under the policy: no violation while an official fills a form and a viewer reads charts", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
        violations.push(message.text());
    });
    await signInAs(page, "official");
    await page.goto("/entry");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/zones/HB-HS");
    // A chart is drawn as it nears the viewport: scrolled to, as a reader does.
    await page.getByTestId("zone-indicator").first().scrollIntoViewIfNeeded();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    // The language switch is a server action: it must still work under the policy.
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(violations).toEqual([]);
  });

  test("another site cannot show our pages inside a frame", async ({ page, baseURL }) => {
    // setContent waits for the load event, which waits for the frame: by then it shows our page or nothing.
    await page.setContent(`<iframe id="victim" src="${ownOrigin(baseURL)}/login"></iframe>`);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(await frame?.getByRole("button", { name: "登录" }).count()).toBe(0);
    expect(frame?.url()).not.toContain("/login");
  });
});

test.describe("sign-in return path", () => {
  for (const next of ["/%5Cevil.example", "/%09/evil.example", "%2F%2Fevil.example", "/.//evil.example"]) {
    test(`a signed-in user opening /login?next=${next} stays on this site`, async ({ page, baseURL }) => {
      await signInAs(page, "viewer");
      await page.goto(`/login?next=${next}`);
      await expect(page).toHaveURL(`${ownOrigin(baseURL)}/`);
    });
  }

  test("signing in on a login link that points elsewhere lands on the start page", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/login?next=/%5Cevil.example");
    await page.getByLabel("邮箱").fill(demoAccount("viewer").email);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("user-box")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(ownOrigin(baseURL));
  });

  test("a local return path still works", async ({ page }) => {
    await page.goto("/login?next=%2Fzones%2FHB-HS%3Fquarter%3D2026Q2");
    await signIn(page, demoAccount("viewer").email, DEMO_PASSWORD, "/login?next=%2Fzones%2FHB-HS");
    await expect(page).toHaveURL(/\/zones\/HB-HS$/);
  });
});

test("/api/templates holds an account that must first change its password, like every procedure", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "admin");
  const email = `held-${Date.now()}@demo.local`;
  const password = "held-official-2026";
  const created = await page.request.post("/api/trpc/user.create", {
    headers: { origin: ownOrigin(baseURL), "content-type": "application/json" },
    data: {
      json: {
        email,
        name: "待改密",
        role: "official",
        zoneCodes: ["HB-HS"],
        password,
        mustChangePassword: true,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(200);

  const held = await apiSignIn(baseURL, email, password);
  const template = await held.get("/api/templates?zones=HB-HS&from=2026Q3&to=2026Q3&format=csv");
  expect(template.status()).toBe(403);
  expect(await template.text()).toContain("请先修改密码");
  expect((await held.get("/api/exports?zones=HB-HS&indicators=gdp&from=2026Q1&to=2026Q3")).status()).toBe(
    403,
  );
  expect((await held.get("/api/exports/runs/00000000-0000-4000-8000-000000000000")).status()).toBe(403);
  // The same official after changing the password gets the template.
  const changed = await held.post("/api/auth/change-password", {
    headers: { origin: ownOrigin(baseURL) },
    data: { currentPassword: password, newPassword: "held-official-changed-2026" },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  expect((await held.get("/api/templates?zones=HB-HS&from=2026Q3&to=2026Q3&format=csv")).status()).toBe(200);
  await held.dispose();
});

test.describe("hostile requests to the API", () => {
  test("a batch over 20 calls is refused before any runs", async ({ page }) => {
    await signInAs(page, "viewer");
    const paths = Array.from({ length: 21 }, () => "session.me").join(",");
    const input = encodeURIComponent(JSON.stringify({}));
    const response = await page.request.get(`/api/trpc/${paths}?batch=1&input=${input}`);
    expect(response.status()).toBe(400);
    const within = await page.request.get(
      `/api/trpc/${paths.split(",").slice(0, 20).join(",")}?batch=1&input=${input}`,
    );
    expect(within.status()).toBe(200);
  });

  test("a JSON body over 1 MB is refused with 413 before it is read, with or without a declared length", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "admin");
    const body = JSON.stringify({
      json: { email: "big@x.test", name: "x".repeat(1_100_000), role: "viewer" },
    });
    const declared = await page.request.post("/api/trpc/user.create", {
      headers: { origin: ownOrigin(baseURL), "content-type": "application/json" },
      data: body,
    });
    expect(declared.status()).toBe(413);
    // The same to the sign-in endpoints, which read their JSON bodies themselves.
    const signIn = await page.request.post("/api/auth/sign-in/email", {
      headers: { origin: ownOrigin(baseURL), "content-type": "application/json" },
      data: JSON.stringify({ email: "x".repeat(200_000), password: "x" }),
    });
    expect(signIn.status()).toBe(413);
    expect((await declared.json()).error.json.message).toContain("1 MB");
  });

  test("NUL bytes, broken UTF-16 and control characters never give a 5xx", async ({
    page,
    request,
    baseURL,
  }) => {
    const origin = ownOrigin(baseURL);
    // Anonymous sign-in with a NUL in the address and in the password.
    for (const data of [
      { email: "a\u0000@demo.local", password: "x" },
      { email: demoAccount("viewer").email, password: "zones\u0000demo" },
      { email: "\ud800@demo.local", password: "x" },
    ]) {
      const response = await request.post("/api/auth/sign-in/email", { headers: { origin }, data });
      expect(response.status(), JSON.stringify(data)).toBeLessThan(500);
    }
    await signInAs(page, "admin");
    const nul = await page.request.post("/api/trpc/user.create", {
      headers: { origin, "content-type": "application/json" },
      data: { json: { email: "n@x.test", name: "a\u0000b", role: "viewer", password: "long-enough-pass-1" } },
    });
    expect(nul.status()).toBe(400);
    expect((await nul.json()).error.json.message).toMatch(/^name[:：]/);
    // Every route handler, each of its parameters in turn replaced by a hostile value, as the admin (who
    // reaches furthest): a refusal or an answer, never a server error.
    const routes: [string, Record<string, string>][] = [
      ["/api/templates", { zones: "HB-HS", from: "2026Q3", to: "2026Q3", format: "csv", lang: "zh" }],
      [
        "/api/exports",
        { zones: "HB-HS", indicators: "gdp", from: "2026Q1", to: "2026Q3", layout: "long", format: "csv" },
      ],
    ];
    const hostile = [
      "\u0000",
      "a\u0000b",
      "\u0007",
      "%ED%A0%80",
      "9".repeat(5_000),
      "0000Q1",
      "99999Q9",
      "-1",
      "1e400",
      ",,,",
      "[]",
    ];
    const paths = routes.flatMap(([route, params]) =>
      Object.keys(params).flatMap((name) =>
        hostile.map((value) => {
          const query = Object.entries(params)
            .map(([key, kept]) =>
              key === name
                ? `${key}=${value.startsWith("%") ? value : encodeURIComponent(value)}`
                : `${key}=${kept}`,
            )
            .join("&");
          return `${route}?${query}`;
        }),
      ),
    );
    paths.push(
      "/api/exports/runs/%00",
      "/api/exports/runs/%ED%A0%80",
      "/api/exports/runs/%zz",
      "/api/trpc/session.me%ED%A0%80",
      `/api/exports/runs/${"9".repeat(5000)}`,
      "/api/auth/get-session?x=%00",
      "/api/trpc/dashboard.zone?input=%7B%22json%22%3A%7B%22zoneCode%22%3A%22%00%22%7D%7D",
    );
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) {
      expect((await page.request.get(path)).status(), path).toBeLessThan(500);
    }
  });

  test("a server action from another origin, or with no origin, is refused with 403; from ours it runs", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/login");
    // The action id is in the page's own form (it works without JavaScript); post it from elsewhere.
    const field = await page.locator('form.locale-switcher input[name^="$ACTION_ID_"]').getAttribute("name");
    const id = field?.replace("$ACTION_ID_", "") ?? "";
    expect(id).not.toBe("");
    const post = (origin: string | null, kind: "script" | "form") =>
      page.request.post("/login", {
        headers: {
          ...(origin ? { origin } : {}),
          ...(kind === "script" ? { "next-action": id, "content-type": "text/plain;charset=UTF-8" } : {}),
        },
        ...(kind === "script" ? { data: "[]" } : { multipart: { [`$ACTION_ID_${id}`]: "", locale: "en" } }),
        maxRedirects: 0,
      });
    for (const origin of ["http://127.0.0.1:1", "https://evil.example", null]) {
      for (const kind of ["script", "form"] as const) {
        const response = await post(origin, kind);
        expect(response.status(), `${origin} ${kind}`).toBe(403);
        expect(response.headers()["set-cookie"] ?? "").not.toContain("NEXT_LOCALE");
      }
    }
    const own = await post(ownOrigin(baseURL), "form");
    expect(own.status()).toBeLessThan(400);
    expect(own.headers()["set-cookie"] ?? "").toContain("NEXT_LOCALE=en");
  });
});
