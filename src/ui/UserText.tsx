import { Fragment, type ReactNode } from 'react';
import { balanceIsolates } from '../domain/bidi';

/**
 * Text someone typed — a name, an address, a note, a chat message — shown as text and isolated for
 * direction (DESIGN.md, UI): a right-to-left override in a name stays inside the name instead of
 * reversing the quantity, price or phone number after it. The text content is the text itself, so
 * accessible names and text searches are unchanged. Plain-text outputs use domain/bidi `isolate`.
 */
export function UserText({
  children,
  className,
}: {
  children: string | null | undefined;
  className?: string;
}) {
  return (
    <bdi dir="auto" className={className}>
      {balanceIsolates(children ?? '')}
    </bdi>
  );
}

/**
 * A translated sentence with user text in it. Pass the template untranslated-for-vars, e.g.
 * `<Msg text={t('orderFrom')} user={{ name, phone }} />`: `{name}` and `{phone}` become <UserText>,
 * `vars` are filled in as they are. One pass over the template, so typed text is never read as a slot.
 */
export function Msg({
  text,
  vars = {},
  user = {},
}: {
  text: string;
  /** Filled in as they are: numbers, app text, or nodes that isolate their own user text. */
  vars?: Record<string, ReactNode>;
  user?: Record<string, string | null | undefined>;
}): ReactNode {
  const parts = text.split(/\{(\w+)\}/);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part && <Fragment key={i}>{part}</Fragment>;
    if (part in user) return <UserText key={i}>{user[part]}</UserText>;
    if (part in vars) return <Fragment key={i}>{vars[part]}</Fragment>;
    return <Fragment key={i}>{`{${part}}`}</Fragment>;
  });
}

/** Several typed texts in a row (option names, say), each isolated, `sep` between them. */
export function UserTextList({ items, sep = ', ' }: { items: readonly string[]; sep?: string }): ReactNode {
  return items.map((text, i) => (
    <Fragment key={i}>
      {i > 0 && sep}
      <UserText>{text}</UserText>
    </Fragment>
  ));
}
