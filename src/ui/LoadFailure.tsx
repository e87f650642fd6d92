import { Component, type ReactNode } from 'react';
import { translate, getLang } from '../i18n';

/**
 * When a screen's code cannot load — offline on a first visit, before the app was ever cached — say
 * so and offer a retry, instead of a blank page. Retrying reloads: a browser remembers a failed
 * module fetch, so only a fresh page fetches it again. Nothing is lost: the cart is on the phone.
 * `inline` is for a boundary inside a page that is already up: the page's header and navigation stay,
 * and only the part that failed says so.
 */
export class LoadFailure extends Component<{ children: ReactNode; inline?: boolean }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const lang = getLang();
    const body = (
      <>
        <p role="alert">{translate(lang, 'screenLoadFailed')}</p>
        <button type="button" onClick={() => location.reload()}>
          {translate(lang, 'retry')}
        </button>
      </>
    );
    return this.props.inline ? (
      <div className="load-failure">{body}</div>
    ) : (
      <main className="page">{body}</main>
    );
  }
}
