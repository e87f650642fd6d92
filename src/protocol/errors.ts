import type { Lang } from './lang';

/**
 * Every error the API can answer, with the words a person reads. The code is for programs; the
 * message is for the shop owner or customer, in their language. Adding a code here is the only way
 * to add an error, so no route can invent an unexplained one.
 */
const MESSAGES = {
  invalid_input: { ko: '입력한 내용을 다시 확인해 주세요.', en: 'Please check what you entered.' },
  invalid_json: { ko: '요청 형식이 올바르지 않습니다.', en: 'The request is not valid JSON.' },
  unsupported_media_type: {
    ko: 'JSON 형식의 요청만 받을 수 있습니다.',
    en: 'Only JSON requests are accepted.',
  },
  body_too_large: { ko: '보낸 내용이 너무 큽니다.', en: 'The request is too large.' },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  shop_not_found: { ko: '가게를 찾을 수 없습니다. 주소를 확인해 주세요.', en: 'No shop at this address.' },
  method_not_allowed: { ko: '허용되지 않은 요청입니다.', en: 'This method is not allowed here.' },
  auth_required: { ko: '로그인이 필요합니다.', en: 'Please log in.' },
  session_expired: {
    ko: '로그인이 만료되었습니다. 다시 로그인해 주세요.',
    en: 'Your session has ended. Please log in again.',
  },
  bad_credentials: {
    ko: '가게 아이디, 사용자 이름 또는 비밀번호가 맞지 않습니다.',
    en: 'Shop ID, user name or password is wrong.',
  },
  forbidden: { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  owner_only: { ko: '사장님 계정만 할 수 있는 작업입니다.', en: 'Only the owner can do this.' },
  cross_site: {
    ko: '다른 사이트에서 보낸 요청은 받을 수 없습니다.',
    en: 'Requests from other sites are refused.',
  },
  rate_limited: {
    ko: '시도가 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Too many attempts. Please wait and try again.',
  },
  // Issue #15: more open live connections (event streams) than one device or address may hold.
  too_many_streams: {
    ko: '열린 실시간 연결이 너무 많습니다. 다른 창이나 탭을 닫고 다시 시도해 주세요.',
    en: 'Too many live connections are open. Close another window or tab and try again.',
  },
  // Issue #15: a request whose headers or body did not arrive in time (a stalled or slow client).
  request_timeout: {
    ko: '요청이 제시간에 도착하지 않았습니다. 연결을 확인하고 다시 시도해 주세요.',
    en: 'The request did not arrive in time. Please check the connection and try again.',
  },
  slug_taken: { ko: '이미 사용 중인 가게 아이디입니다.', en: 'That shop ID is already taken.' },
  slug_invalid: {
    ko: '가게 아이디는 영문 소문자, 숫자, 하이픈(-)으로 3~40자여야 합니다.',
    en: 'A shop ID is 3–40 lowercase letters, digits or hyphens.',
  },
  // S15: text with characters no person types (NUL and other controls), refused on device and server alike.
  text_invalid: {
    ko: '보이지 않는 특수 문자가 들어 있어 받을 수 없습니다. 그 부분을 지우고 다시 입력해 주세요.',
    en: 'The text holds invisible control characters. Please delete that part and type it again.',
  },
  // ——— shop settings (domain/shopSettings.ts) ———
  hours_overlap: {
    ko: '같은 날의 영업시간이 서로 겹칩니다. 시간을 다시 확인해 주세요.',
    en: 'Opening periods on that day overlap. Please check the times.',
  },
  closed_date_out_of_range: {
    ko: '휴무일은 오늘부터 1년 안의 날짜로 정해 주세요.',
    en: 'Closed dates must be within a year from today.',
  },
  fulfilment_required: {
    ko: '픽업과 배달 중 하나는 켜 두어야 주문을 받을 수 있습니다.',
    en: 'Turn on pickup or delivery, or no one can order.',
  },
  payment_required: {
    ko: '현장 결제와 계좌이체 중 하나는 켜 두어야 합니다.',
    en: 'Turn on paying at pickup or bank transfer.',
  },
  bank_account_required: {
    ko: '계좌이체를 받으려면 입금받을 계좌를 적어 주세요.',
    en: 'Enter the account customers should transfer to.',
  },
  username_taken: { ko: '이미 사용 중인 사용자 이름입니다.', en: 'That user name is already taken.' },
  password_too_short: {
    ko: '비밀번호는 8자 이상이어야 합니다.',
    en: 'The password must be at least 8 characters.',
  },
  wrong_password: { ko: '현재 비밀번호가 맞지 않습니다.', en: 'The current password is wrong.' },
  invite_invalid: {
    ko: '초대 링크가 만료되었거나 이미 사용되었습니다. 사장님께 새 링크를 요청해 주세요.',
    en: 'This invite link has expired or was already used. Ask the owner for a new one.',
  },
  cannot_remove_owner: {
    ko: '사장님 계정은 삭제할 수 없습니다.',
    en: 'The owner account cannot be removed.',
  },
  device_invalid: {
    ko: '이 기기를 확인할 수 없습니다. 페이지를 새로 고쳐 주세요.',
    en: 'This device could not be verified. Please reload the page.',
  },
  client_too_old: {
    ko: '앱이 새 버전으로 바뀌었습니다. 페이지를 새로 고쳐 주세요.',
    en: 'A new version of the app is available. Please reload the page.',
  },
  protocol_unsupported: {
    ko: '앱과 서버의 버전이 맞지 않습니다. 잠시 후 다시 시도해 주세요.',
    en: 'The app and server versions do not match. Please try again in a moment.',
  },
  // ——— sync: why a mutation was refused (S5), in words for the customer or the shop ———
  invalid_transition: {
    ko: '주문 상태가 이미 바뀌어 처리할 수 없습니다.',
    en: 'The order has already moved on; this change no longer applies.',
  },
  order_not_found: { ko: '주문을 찾을 수 없습니다.', en: 'Order not found.' },
  // A step of another kind's lifecycle (S10): "accept in 10 minutes" on a pre-order for Wednesday,
  // "out for delivery" on a pickup. Answered, not applied, so the board's words stay true.
  not_for_this_kind: {
    ko: '이 주문 종류에는 할 수 없는 단계입니다. (예약 주문은 예약 확정, 배달 주문은 배달 출발)',
    en: 'This step does not belong to this kind of order (a pre-order is confirmed for its slot; a delivery goes out for delivery).',
  },
  order_exists: {
    ko: '같은 번호의 주문이 이미 있습니다.',
    en: 'An order with this number already exists.',
  },
  // A phone's own order the shop took from its text message, when the two cannot be linked (the code
  // came from an older app, without a claim key): the order is at the shop, just not on this screen.
  handoff_claim_refused: {
    ko: '가게에서 이 주문을 문자로 받았지만, 이 휴대폰과 연결할 수 없어 진행 상황을 여기서 볼 수 없습니다. 주문 확인은 가게에 전화해 주세요.',
    en: 'The shop received this order by text message, but it cannot be linked to this phone, so its progress will not show here. Please call the shop to check on it.',
  },
  cancel_too_late: {
    ko: '가게에서 이미 주문을 접수(확정)해 취소할 수 없습니다. 가게에 연락해 주세요.',
    en: 'The shop has already accepted or confirmed this order; please call the shop to cancel.',
  },
  sold_out: { ko: '품절된 메뉴가 있습니다.', en: 'An item in your order is sold out.' },
  quota_exceeded: {
    ko: '오늘 준비한 수량이 모두 팔렸습니다.',
    en: "Today's quantity for an item has run out.",
  },
  slot_full: {
    ko: '선택한 시간은 예약이 꽉 찼습니다. 다른 시간을 골라 주세요.',
    en: 'That time slot is full. Please choose another.',
  },
  shop_closed: { ko: '그 시간에는 가게가 문을 닫습니다.', en: 'The shop is closed at that time.' },
  too_soon: {
    ko: '준비 시간이 부족합니다. 조금 더 늦은 시간을 골라 주세요.',
    en: 'That is too soon for the kitchen. Please choose a later time.',
  },
  too_far_ahead: {
    ko: '아직 예약을 받지 않는 날짜입니다.',
    en: 'Pre-orders are not open for that date yet.',
  },
  date_past: { ko: '지난 날짜로는 주문할 수 없습니다.', en: 'That date has passed.' },
  // The counter's levers (#17): the shop stopped new orders for a while, or this 15 minutes is full.
  shop_paused: {
    ko: '가게가 지금 주문을 잠시 멈췄어요. 잠시 후 다시 시도하거나 가게에 전화해 주세요.',
    en: 'The shop has paused new orders for now. Please try again later or call the shop.',
  },
  kitchen_full: {
    ko: '지금은 주문이 많아 바로 준비할 수 없어요. 받을 시간을 골라 주세요.',
    en: 'The kitchen is full right now. Please choose a later time.',
  },
  slot_invalid: { ko: '주문할 수 없는 시간입니다.', en: 'That pickup time is not offered.' },
  unknown_item: {
    ko: '메뉴가 바뀌었습니다. 메뉴를 다시 확인해 주세요.',
    en: 'The menu has changed. Please check it again.',
  },
  invalid_options: { ko: '옵션 선택을 확인해 주세요.', en: 'Please check the options you chose.' },
  invalid_quantity: { ko: '수량을 확인해 주세요.', en: 'Please check the quantity.' },
  total_too_large: { ko: '주문 금액이 너무 큽니다.', en: 'The order total is too large.' },
  empty_order: { ko: '담은 메뉴가 없습니다.', en: 'The order is empty.' },
  item_lead_time: {
    ko: '주문 마감 시간이 지난 메뉴가 있습니다. 다른 날짜를 골라 주세요.',
    en: 'It is too late to order an item for that date. Please choose a later date.',
  },
  fulfilment_unavailable: {
    ko: '가게에서 지금 받지 않는 수령 방법입니다.',
    en: 'The shop does not offer that way of getting your order.',
  },
  payment_unavailable: {
    ko: '가게에서 받지 않는 결제 방법입니다.',
    en: 'The shop does not take that way of paying.',
  },
  address_required: { ko: '배달 받을 주소를 적어 주세요.', en: 'Please enter the delivery address.' },
  phone_invalid: {
    ko: '전화번호에는 숫자와 - + ( ) 만 쓸 수 있어요.',
    en: 'A phone number may hold only digits and - + ( ).',
  },
  // ——— who to call back and how much (domain/checkoutLimits.ts, #16) ———
  name_required: { ko: '주문하시는 분의 이름을 적어 주세요.', en: 'Please enter your name.' },
  phone_required: {
    ko: '가게에서 연락드릴 휴대폰 번호를 적어 주세요.',
    en: 'Please enter a phone number the shop can call.',
  },
  phone_not_korean: {
    ko: '전화번호를 확인해 주세요. 예: 010-1234-5678',
    en: 'Please check the phone number, e.g. 010-1234-5678.',
  },
  item_quantity_limit: {
    ko: '한 메뉴를 가게에서 정한 수량보다 많이 담았어요. 더 필요하면 가게에 문의해 주세요.',
    en: 'More of one item than the shop takes in one order. Please ask the shop for more.',
  },
  order_quantity_limit: {
    ko: '한 번에 주문할 수 있는 수량을 넘었어요. 더 필요하면 가게에 문의해 주세요.',
    en: 'More items than the shop takes in one order. Please ask the shop for more.',
  },
  // ——— delivery zones (domain/deliveryZones.ts) ———
  delivery_location_required: {
    ko: '배달 받을 곳을 지도에 표시해 주세요. 배달비는 위치로 계산합니다.',
    en: 'Please mark the delivery address on the map; the fee depends on where it is.',
  },
  outside_delivery_area: {
    ko: '배달 가능 지역이 아닙니다. 포장 주문을 이용해 주세요.',
    en: 'That address is outside the delivery area. Pickup is still possible.',
  },
  below_delivery_minimum: {
    ko: '이 지역의 배달 최소 주문 금액보다 적습니다.',
    en: 'The order is below the minimum for delivery to this area.',
  },
  delivery_pin_required: {
    ko: '거리별 배달비를 쓰려면 먼저 지도에 가게 위치를 정해 주세요.',
    en: 'Set the shop on the map before using distance-based fees.',
  },
  delivery_tiers_order: {
    ko: '거리 구간은 가까운 곳부터 멀어지는 순서로, 서로 다른 거리여야 합니다.',
    en: 'Distance tiers must grow outwards, each further than the one before.',
  },
  delivery_zone_shape: {
    ko: '배달 구역 모양이 올바르지 않습니다. 꼭짓점을 3개 이상 찍어 주세요.',
    en: 'A delivery area needs at least three corners and a closed outline.',
  },
  conversation_not_found: { ko: '대화를 찾을 수 없습니다.', en: 'Conversation not found.' },
  message_exists: {
    ko: '같은 번호의 메시지가 이미 있습니다.',
    en: 'A message with this number already exists.',
  },
  share_link_invalid: {
    ko: '주문 링크가 올바르지 않습니다. 주문한 분께 링크를 다시 받아 주세요.',
    en: 'This order link is not valid. Ask the person who ordered for the link again.',
  },
  mutation_conflict: {
    ko: '같은 요청이 다른 내용으로 다시 왔습니다.',
    en: 'The same request arrived again with different content.',
  },
  // S15: a change that could not be applied or sent; kept on the device, never retried in a loop.
  cannot_apply: {
    ko: '이 변경은 저장할 수 없는 내용이라 처리하지 못했습니다. 내용을 확인해 다시 입력해 주세요.',
    en: 'This change holds something that cannot be stored, so it was not applied. Please check it and enter it again.',
  },
  set_aside: {
    ko: '서버가 받을 수 없는 글자가 들어 있어 보내지 못하고 이 기기에 보관했습니다. 다시 입력하거나 가게에 전화해 주세요.',
    en: 'It holds characters the server cannot accept, so it was kept on this device instead of being sent. Please enter it again or call the shop.',
  },
  client_forbidden: {
    ko: '이 기기의 동기화 정보를 확인할 수 없습니다. 페이지를 새로 고쳐 주세요.',
    en: 'This device’s sync state does not match. Please reload the page.',
  },
  // ——— SMS hand-off (protocol/handoff.ts): read by the shop after pasting a customer's order code ———
  handoff_malformed: {
    ko: '주문 코드를 읽을 수 없습니다. 문자에 온 코드를 빠짐없이 붙여 넣어 주세요.',
    en: 'This order code cannot be read. Paste the whole code from the text message.',
  },
  handoff_checksum: {
    ko: '주문 코드가 잘렸거나 틀린 글자가 있습니다. 문자에 온 코드를 그대로 복사해 붙여 넣어 주세요.',
    en: 'The order code is cut short or has a wrong character. Copy it from the text message as it is.',
  },
  handoff_version: {
    ko: '다른 버전의 앱에서 만든 주문 코드입니다. 앱을 새로 고친 뒤 다시 붙여 넣어 주세요.',
    en: 'This order code comes from another version of the app. Reload the app and paste it again.',
  },
  handoff_other_shop: {
    ko: '다른 가게로 보낸 주문 코드입니다.',
    en: 'This order code is for a different shop.',
  },
  handoff_unknown_item: {
    ko: '주문 코드에 지금 메뉴에 없는 상품이나 옵션이 있습니다. 손님께 전화로 확인해 주세요.',
    en: 'The order code names an item or option that is not on the menu now. Please call the customer.',
  },
  // ——— menu editing (domain/menuEdit.ts) ———
  option_group_invalid: {
    ko: '옵션 그룹을 확인해 주세요. 최소·최대 선택 수가 옵션 개수와 맞아야 하고, 옵션 이름이 겹치면 안 됩니다.',
    en: 'Please check the option groups: the minimum and maximum must fit the options, and each option must be distinct.',
  },
  category_not_found: {
    ko: '메뉴 분류를 찾을 수 없습니다. 화면을 새로 고쳐 주세요.',
    en: 'That menu category no longer exists. Please reload.',
  },
  category_not_empty: {
    ko: '메뉴가 들어 있는 분류는 삭제할 수 없습니다. 메뉴를 다른 분류로 먼저 옮겨 주세요.',
    en: 'A category with items cannot be removed. Move its items to another category first.',
  },
  photo_too_large: {
    ko: '사진 용량이 너무 큽니다. 300KB 이하로 줄여 주세요.',
    en: 'The photo is too large. It must be 300 KB or less.',
  },
  photo_unsupported: {
    ko: 'JPEG 또는 WebP 사진만 올릴 수 있습니다.',
    en: 'Only JPEG or WebP photos can be uploaded.',
  },
  // ——— sales (domain/sales.ts) ———
  sales_range_invalid: {
    ko: '기간을 확인해 주세요. 끝 날짜가 시작 날짜보다 빠릅니다.',
    en: 'Please check the dates: the end is before the start.',
  },
  sales_range_too_long: {
    ko: '한 번에 볼 수 있는 기간은 최대 366일입니다. 기간을 줄여 주세요.',
    en: 'A report can cover at most 366 days. Please shorten the period.',
  },
  // ——— gift vouchers (domain/voucher.ts, protocol/voucher.ts) ———
  voucher_malformed: {
    ko: '상품권 코드를 읽을 수 없습니다. 링크나 코드를 다시 확인해 주세요.',
    en: 'This voucher code cannot be read. Please check the link or code.',
  },
  voucher_forged: {
    ko: '이 가게에서 발행한 상품권이 아닙니다(서명이 맞지 않음). 받지 마세요.',
    en: 'This voucher was not issued by this shop (its signature does not match). Do not accept it.',
  },
  voucher_other_shop: {
    ko: '다른 가게의 상품권입니다.',
    en: 'This voucher belongs to another shop.',
  },
  voucher_expired: {
    ko: '유효기간이 지난 상품권입니다. 남은 금액의 90%는 환불받을 수 있습니다.',
    en: 'This voucher has expired. 90% of the unused balance can still be refunded.',
  },
  voucher_not_found: {
    ko: '상품권을 찾을 수 없습니다. 코드를 다시 확인해 주세요.',
    en: 'No such voucher. Please check the code.',
  },
  voucher_not_issued: {
    ko: '아직 발행되지 않은 상품권입니다. 입금을 확인한 뒤 발행해 주세요.',
    en: 'This voucher has not been issued yet. Confirm the payment first.',
  },
  voucher_exists: {
    ko: '이미 발행된 상품권입니다.',
    en: 'This voucher has already been issued.',
  },
  voucher_item_not_found: {
    ko: '상품권에 넣을 메뉴를 찾을 수 없습니다.',
    en: 'The menu item for this voucher cannot be found.',
  },
  voucher_amount_required: {
    ko: '금액 또는 메뉴 중 하나를 정해 주세요.',
    en: 'Choose either an amount or a menu item.',
  },
  voucher_validity_too_short: {
    ko: '상품권 유효기간은 1년 이상이어야 합니다(신유형 상품권 표준약관). 신선식품 상품권만 3개월 이상이면 됩니다.',
    en: 'Vouchers must be valid for at least a year (FTC standard terms); perishable-goods vouchers at least 3 months.',
  },
  voucher_validity_too_long: {
    ko: '유효기간은 최대 5년까지 정할 수 있습니다.',
    en: 'A voucher can be valid for at most 5 years.',
  },
  unavailable: {
    ko: '지금은 서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    en: 'The server cannot be reached right now. Please try again shortly.',
  },
  internal: {
    ko: '일시적인 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Something went wrong on our side. Please try again shortly.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof MESSAGES;
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return MESSAGES[code][lang];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

/** The body of every non-2xx answer. `fields` names the inputs that were wrong, for forms. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: string[];
}
