import { defineMessages } from '../define';

/**
 * The console's alerts beside the board's: the 문의 tab's unread count, the chat banner on every
 * screen (app/shop), and the sound strip's words after a reload.
 */
export const chat = defineMessages({
  ko: {
    chatTabUnread: '문의, 안 읽은 메시지 {n}건',
    chatAlertLabel: '새 문의',
    chatAlertTitle: '손님 문의 {n}건이 왔어요',
    chatAlertWho: '{name}: {text}',
    chatAlertOpen: '보기',
    chatAlertOpenLabel: '{name} 님의 문의 보기',
    chatTheirOrders: '이 손님의 주문',
    // the sound strip after a reload (board/NewOrderAlert)
    bdSoundResume:
      '알림 소리를 켜 두셨어요. 화면을 다시 열면 브라우저가 소리를 잠시 막아요: 화면 아무 곳이나 한 번 누르면 다시 켜져요.',
  },
  en: {
    chatTabUnread: 'Chats, {n} unread message(s)',
    chatAlertLabel: 'New messages',
    chatAlertTitle: '{n} new message(s) from customers',
    chatAlertWho: '{name}: {text}',
    chatAlertOpen: 'Show',
    chatAlertOpenLabel: 'Show the message from {name}',
    chatTheirOrders: 'Their orders',
    bdSoundResume:
      'You turned the alert sound on. After the page reopens the browser holds it back: tap anywhere once and it comes back on.',
  },
});
