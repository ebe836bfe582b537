import { useEffect, useRef } from 'react';

/**
 * The keyboard shortcuts, declared once: the handler matches keys against this list and the "?"
 * overlay lists it (its words are `shortcuts.<id>` in src/i18n). `key` is KeyboardEvent.key;
 * `aria` is the same key as aria-keyshortcuts spells it, for the buttons a shortcut presses.
 */
export const shortcuts = [
  { id: 'trainPause', key: ' ', aria: 'Space' },
  { id: 'previousStep', key: 'ArrowLeft', aria: 'ArrowLeft' },
  { id: 'nextStep', key: 'ArrowRight', aria: 'ArrowRight' },
  { id: 'help', key: '?', aria: '?' },
] as const;

export type ShortcutId = (typeof shortcuts)[number]['id'];

/** The aria-keyshortcuts value of a button that shortcut `id` also presses. */
export const ariaShortcut = (id: ShortcutId): string => shortcuts.find((s) => s.id === id)?.aria ?? '';

/** Where keys are typed, or arrow keys move a value (a focused slider keeps its own arrows). */
const TAKES_KEYS = 'input, select, textarea, [role="slider"], [role="spinbutton"], [role="textbox"], [role="combobox"], [role="listbox"]';
/** What Space itself presses: with one of these focused, Space is that control's, not "train". */
const TAKES_SPACE = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]';

/**
 * The shortcut a key press means, or null when it is someone else's: a key typed into a field or
 * a form control, Space on a button, a key a chart already handled (it prevents the default), an
 * IME composing Chinese, a held key repeating, a key with Ctrl, Alt or ⌘ (the browser's own), and
 * any key while a modal dialog is open.
 */
export function shortcutFor(event: KeyboardEvent): ShortcutId | null {
  if (event.defaultPrevented || event.isComposing || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return null;
  const shortcut = shortcuts.find((s) => s.key === event.key);
  // "?" is Shift+/ on many keyboards; Shift+arrow and Shift+Space are someone else's.
  if (!shortcut || (event.shiftKey && shortcut.key !== '?')) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(TAKES_KEYS) || (target instanceof HTMLElement && target.isContentEditable)) return null;
  if (shortcut.key === ' ' && target?.closest(TAKES_SPACE)) return null;
  if (document.querySelector('dialog:modal')) return null;
  return shortcut.id;
}

/**
 * Runs `action` when shortcut `id` is pressed anywhere on the page (see `shortcutFor` for when it
 * is not). A null `action` (no lesson open, a worker still starting) leaves the key to the browser.
 */
export function useShortcut(id: ShortcutId, action: (() => void) | null): void {
  const actionRef = useRef(action);
  useEffect(() => {
    actionRef.current = action;
  });
  const active = action !== null;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (shortcutFor(event) !== id) return;
      // Space would also scroll the page, and an arrow key scroll it sideways.
      event.preventDefault();
      actionRef.current?.();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [id, active]);
}
