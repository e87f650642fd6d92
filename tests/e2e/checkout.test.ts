import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkout, loginTablet, openShop, PHONE, reviewAndPlace, TABLET } from '../support/customerPage';
import { expectAccessible } from '../support/axe';
import { drivers, dropTestSchemas } from '../support/drivers';
import { withServerAndChromium } from '../support/browserSuite';
import type { LiveServer } from '../support/liveServer';

afterAll(dropTestSchemas);

const cartLink = (page: Page) => page.getByRole('link', { name: /^장바구니 \(/ });
const reviewButton = (page: Page) => page.getByRole('button', { name: /주문 내용 확인/ });
/** What the focused element is, in words a test can compare. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('autocomplete') ?? el.type ?? ''}` : '';
  });
/** The error line in the same field as the labelled control. */
const errorNextTo = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .locator('xpath=ancestor::div[contains(@class,"field")][1]')
    .getByRole('alert');

/**
 * #16 (3) Checkout a shop can rely on, on a 390×844 phone in Korean: who to call back is required and
 * checked next to its field; a review step comes before the final button; the shop's quantity limits
 * are said, not silently applied; the note counts down; the cart outlives the tab and is checked
 * against the menu; back and forward keep what was chosen; a past order can be ordered again.
 */
describe.each(drivers.slice(0, 1))('checkout a shop can rely on, in Chromium on $name', (driver) => {
  let server: LiveServer;
  let browser: Browser;
  withServerAndChromium(driver, (s, b) => {
    [server, browser] = [s, b];
  });
  const sql = (text: string, params: unknown[] = []) => server.storage.query(text, params);

  it('an order with no name and no phone is stopped at the name, then the phone, each error next to its field with focus there', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await cartLink(phone).click();
    await phone.getByRole('heading', { name: '장바구니' }).waitFor();
    expect(await phone.getByLabel('이름', { exact: true }).inputValue()).toBe('');
    await reviewButton(phone).click();
    await errorNextTo(phone, '이름').filter({ hasText: '주문하시는 분의 이름을 적어 주세요.' }).waitFor();
    expect(await focused(phone)).toBe('input:name');
    await expectAccessible(phone, 'the checkout with a field error');
    expect(await phone.getByLabel('이름', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Nothing went anywhere: no review step, no order.
    expect(await phone.getByRole('heading', { name: '주문 내용을 확인해 주세요' }).count()).toBe(0);

    await phone.getByLabel('이름', { exact: true }).fill('김단골');
    await reviewButton(phone).click();
    await errorNextTo(phone, '휴대폰 번호')
      .filter({ hasText: '가게에서 연락드릴 휴대폰 번호를 적어 주세요.' })
      .waitFor();
    expect(await focused(phone)).toBe('input:tel');
    expect(await errorNextTo(phone, '이름').count()).toBe(0);

    await phone.getByLabel('휴대폰 번호').fill('010-12');
    await reviewButton(phone).click();
    await errorNextTo(phone, '휴대폰 번호').filter({ hasText: '전화번호를 확인해 주세요.' }).waitFor();

    // A delivery without an address: the error is at the address, not at the bottom of the page.
    await phone.getByLabel('휴대폰 번호').fill('010-1234-5678');
    await phone.getByRole('radio', { name: '배달' }).check();
    await reviewButton(phone).click();
    await errorNextTo(phone, '배달 주소').filter({ hasText: '배달 받을 주소를 적어 주세요.' }).waitFor();
    expect(await focused(phone)).toBe('input:street-address');
    expect(await sql("select 1 from orders where customer_name in ('', '김단골')")).toHaveLength(0);
    await context.close();
  });

  it('shows a review of items, when, where, payment, total and the shop notice before the final button', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    // 소불고기's base size is the shop's marked default; 500g would add 7,000원.
    await phone.getByRole('button', { name: '소불고기 담기' }).click();
    const dialog = phone.getByRole('dialog', { name: '소불고기' });
    expect(await dialog.getByRole('radio', { name: '300g' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '12,000원 담기' }).click();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await cartLink(phone).click();
    await phone.getByLabel('이름', { exact: true }).fill('이확인');
    await phone.getByLabel('휴대폰 번호').fill('010-2222-3333');
    await phone.getByLabel('요청 사항').fill('수저는 빼 주세요');
    await phone.getByRole('radio', { name: '계좌이체' }).check();
    const day = (await phone.locator('fieldset.calendar label:has(input:checked)').textContent())!.trim();
    await reviewButton(phone).click();

    const review = phone.getByRole('region', { name: '주문 내용을 확인해 주세요' });
    await review.waitFor();
    expect(await focused(phone)).toBe('h2:');
    const text = (await review.textContent())!.replace(/[\u2066-\u2069]/g, '');
    expect(text).toContain('소불고기 × 1');
    expect(text).toContain('300g');
    expect(text).toContain('멸치볶음 × 2');
    expect(text).toContain(day);
    expect(text).toContain('가게에서 찾아가기 · 서울특별시 마포구 망원로 12');
    expect(text).toContain('이확인 · 010-2222-3333');
    expect(text).toContain('수저는 빼 주세요');
    expect(text).toContain('계좌이체');
    expect(text).toContain('22,000원');
    expect(text).toContain('예약 주문은 전날 저녁 6시까지 받아요');
    await phone.screenshot({ path: '/tmp/checkout16/review-390x844.png', fullPage: true });
    await expectAccessible(phone, 'the review step');

    // "수정하기" goes back with everything kept.
    await review.getByRole('button', { name: '수정하기' }).click();
    expect(await phone.getByLabel('요청 사항').inputValue()).toBe('수저는 빼 주세요');
    await reviewAndPlace(phone);
    await phone.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const id = /\/o\/([0-9a-f-]{36})/.exec(phone.url())![1]!;
    await expect
      .poll(async () => (await sql('select total from orders where id = $1', [id]))[0], { timeout: 15_000 })
      .toEqual({
        total: 22_000,
      });
    // Back from the order page: the menu, never an emptied cart with no way on.
    await phone.goBack();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).waitFor();
    expect(phone.url()).toMatch(/\/s\/uri-banchan$/);
    await context.close();
  });

  it('the owner sets quantity limits in the settings; the phone says them where they stop the customer', async () => {
    const owner = await browser.newContext(TABLET);
    const tablet = await loginTablet(owner, server.url);
    await tablet.getByRole('navigation').getByRole('button', { name: '가게 설정' }).click();
    await tablet.getByRole('heading', { level: 2, name: '가게 설정' }).waitFor();
    expect(await tablet.getByLabel('한 메뉴 최대 수량').inputValue()).toBe('30');
    expect(await tablet.getByLabel('한 주문 최대 수량').inputValue()).toBe('100');
    await tablet.getByLabel('한 메뉴 최대 수량').fill('3');
    await tablet.getByLabel('한 주문 최대 수량').fill('4');
    await tablet.getByRole('button', { name: '설정 저장' }).click();
    await tablet.getByRole('status').filter({ hasText: '저장됨' }).waitFor();
    try {
      const context = await browser.newContext(PHONE);
      const phone = await openShop(context, server.url);
      const add = phone.getByRole('button', { name: '멸치볶음 담기' });
      for (let i = 0; i < 4; i++) await add.click();
      await phone
        .getByRole('status')
        .filter({ hasText: '한 메뉴는 한 번에 3개까지 주문할 수 있어요.' })
        .waitFor();
      expect(await cartLink(phone).textContent()).toBe('장바구니 (3)');
      await phone.getByRole('button', { name: '깍두기 담기' }).click();
      await cartLink(phone).click();
      await phone
        .getByRole('status')
        .filter({ hasText: '한 번에 모두 4개까지 주문할 수 있어요.' })
        .first()
        .waitFor();
      expect(await phone.getByRole('button', { name: '멸치볶음 하나 더' }).isDisabled()).toBe(true);
      expect(await phone.getByRole('button', { name: '깍두기 하나 더' }).isDisabled()).toBe(true);
      await context.close();
    } finally {
      await sql("update shops set max_per_item = 30, max_per_order = 100 where slug = 'uri-banchan'");
      await owner.close();
    }
  });

  it('counts the note down to its limit instead of cutting it silently', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await cartLink(phone).click();
    const note = phone.getByLabel('요청 사항');
    await note.fill('문 앞에 두세요');
    await phone.getByText('8/500자').waitFor();
    await note.fill('가'.repeat(499));
    await phone.getByText('499/500자').waitFor();
    await note.press('End');
    await phone.keyboard.type('나다');
    expect((await note.inputValue()).length).toBe(500);
    await phone.getByText('500/500자').waitFor();
    await phone.getByRole('status').filter({ hasText: '요청 사항은 500자까지 쓸 수 있어요.' }).waitFor();
    await context.close();
  });

  it('keeps the cart when the tab is closed, checked against the menu when it opens again', async () => {
    const context = await browser.newContext(PHONE);
    const first = await openShop(context, server.url);
    await first.getByRole('button', { name: '멸치볶음 담기' }).click();
    await first.getByRole('button', { name: '멸치볶음 담기' }).click();
    await first.getByRole('button', { name: '진미채볶음 담기' }).click();
    expect(await cartLink(first).textContent()).toBe('장바구니 (3)');
    await first.close();

    // A new tab is a restart for the cart: sessionStorage would have lost it.
    const again = await openShop(context, server.url);
    expect(await cartLink(again).textContent()).toBe('장바구니 (3)');
    await again.close();

    await sql("update menu_items set price = 5500 where name = '멸치볶음'");
    await sql("update menu_items set sold_out_until = '2999-01-01' where name = '진미채볶음'");
    try {
      const later = await openShop(context, server.url);
      const notices = later.getByRole('region', { name: '장바구니를 지금 메뉴에 맞춰 확인했어요' });
      await notices.waitFor();
      const text = (await notices.textContent())!.replace(/[\u2066-\u2069]/g, '');
      expect(text).toContain('멸치볶음: 가격이 5,000원에서 5,500원(으)로 바뀌었어요.');
      expect(text).toContain('진미채볶음: 오늘 품절이라 장바구니에서 뺐어요.');
      expect(await cartLink(later).textContent()).toBe('장바구니 (2)');
      await later.getByRole('button', { name: '알림 닫기' }).click();
      expect(await notices.count()).toBe(0);
    } finally {
      await sql("update menu_items set price = 5000 where name = '멸치볶음'");
      await sql("update menu_items set sold_out_until = null where name = '진미채볶음'");
    }
    await context.close();
  });

  it('back and forward (and a reload) keep the chosen date, slot, note, delivery address and payment, and who is ordering', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await cartLink(phone).click();
    // How and where too: a delivery to an address, paid by transfer.
    await phone.getByRole('radio', { name: '배달' }).check();
    await phone.getByLabel('배달 주소').fill('서울 마포구 망원로 12, 301호');
    await phone.getByRole('radio', { name: '계좌이체' }).check();
    const days = phone.locator('fieldset.calendar input[name="date"]:not([disabled])');
    await days.nth(2).check();
    const chosenDay = (await phone
      .locator('fieldset.calendar label:has(input:checked)')
      .textContent())!.trim();
    const slots = phone.locator('input[name="slot"]:not([disabled])');
    await slots.nth(1).check();
    const chosenSlot = await slots.nth(1).evaluate((el) => el.closest('label')!.textContent!.trim());
    await phone.getByLabel('요청 사항').fill('뒤로 가도 남아 있어요');
    // Name and number are remembered on this phone as typed, not only once an order is placed.
    await phone.getByLabel('이름', { exact: true }).fill('앞뒤로');
    await phone.getByLabel('휴대폰 번호').fill('010-3333-4444');

    const kept = async () => {
      await phone.getByRole('heading', { name: '장바구니' }).waitFor();
      expect((await phone.locator('fieldset.calendar label:has(input:checked)').textContent())!.trim()).toBe(
        chosenDay,
      );
      expect(
        await phone
          .locator('input[name="slot"]:checked')
          .evaluate((el) => el.closest('label')!.textContent!.trim()),
      ).toBe(chosenSlot);
      expect(await phone.getByLabel('요청 사항').inputValue()).toBe('뒤로 가도 남아 있어요');
      expect(await phone.getByRole('radio', { name: '배달' }).isChecked()).toBe(true);
      expect(await phone.getByLabel('배달 주소').inputValue()).toBe('서울 마포구 망원로 12, 301호');
      expect(await phone.getByRole('radio', { name: '계좌이체' }).isChecked()).toBe(true);
      expect(await phone.getByLabel('이름', { exact: true }).inputValue()).toBe('앞뒤로');
      expect(await phone.getByLabel('휴대폰 번호').inputValue()).toBe('010-3333-4444');
    };
    await phone.getByRole('navigation').getByRole('link', { name: '메뉴' }).click();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).waitFor();
    await phone.goBack();
    await kept();
    await phone.goForward();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).waitFor();
    await phone.goBack();
    await kept();
    await phone.reload();
    await kept();
    await context.close();
  });

  it('"다시 주문하기" from 내 주문 fills the cart from a past order, checked against the menu now', async () => {
    const context = await browser.newContext(PHONE);
    const phone = await openShop(context, server.url);
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await phone.getByRole('button', { name: '멸치볶음 담기' }).click();
    await phone.getByRole('button', { name: '깍두기 담기' }).click();
    const first = await checkout(phone, { name: '박다시', phone: '010-7777-8888' });
    await expect
      .poll(async () => (await sql('select 1 from orders where id = $1', [first])).length, {
        timeout: 15_000,
      })
      .toBe(1);
    await sql("update menu_items set sold_out_until = '2999-01-01' where name = '깍두기'");
    try {
      await phone.goto(`${server.url}/s/uri-banchan`);
      const mine = phone.getByRole('region', { name: '내 주문' });
      await mine.getByRole('button', { name: '다시 주문하기' }).first().click();
      await phone.waitForURL(/\/cart$/);
      await phone.getByRole('heading', { name: '장바구니' }).waitFor();
      expect(await phone.getByRole('group', { name: '멸치볶음 수량' }).locator('output').textContent()).toBe(
        '2',
      );
      expect(await phone.getByRole('group', { name: '깍두기 수량' }).count()).toBe(0);
      const notices = phone.getByRole('region', { name: '장바구니를 지금 메뉴에 맞춰 확인했어요' });
      expect((await notices.textContent())!.replace(/[\u2066-\u2069]/g, '')).toContain(
        '깍두기: 오늘 품절이라 장바구니에서 뺐어요.',
      );
      // The name and phone are remembered on this phone: the reorder is two taps from here.
      expect(await phone.getByLabel('이름', { exact: true }).inputValue()).toBe('박다시');
      await reviewAndPlace(phone);
      await phone.waitForURL(/\/o\/[0-9a-f-]{36}/);
    } finally {
      await sql("update menu_items set sold_out_until = null where name = '깍두기'");
    }
    await expect
      .poll(async () => (await sql("select 1 from orders where customer_name = '박다시'")).length, {
        timeout: 15_000,
      })
      .toBe(2);
    await context.close();
  });
});
