import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Calls the API the way the window does, for set-up and checks. */
export async function api<T>(request: APIRequestContext, method: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`api/${method}`, { data: input });
  const envelope = (await response.json()) as { ok: boolean; result: T };
  expect(envelope.ok).toBe(true);
  return envelope.result;
}

export async function openHome(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('search-input')).toBeVisible();
}

export async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await expect(page.getByTestId('result-item').first()).toBeVisible();
}
