import { Component, type ReactNode } from 'react';
import { translate, getLang } from '../i18n';

/**
 * When a screen's code cannot load — offline on a first visit, before the app was ever cached — say
 * so and offer a retry, instead of a blank page. Retrying reloads: a browser remembers a failed
 * module fetch, so only a fresh page fetches it again. Nothing is lost: the cart is on the phone.
 */
export class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const lang = getLang();
    return (
      <main className="page">
        <p role="alert">{translate(lang, 'screenLoadFailed')}</p>
        <button type="button" onClick={() => location.reload()}>
          {translate(lang, 'retry')}
        </button>
      </main>
    );
  }
}
