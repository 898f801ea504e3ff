"""Keyboard-only navigation: Tab until an element has the focus, checking each stop shows it, and Enter."""

from __future__ import annotations

# Whether the focused element is drawn with a visible focus indicator (outline or box-shadow).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute("aria-label") || el.textContent || el.name || el.id || "").trim().slice(0, 60),
    focusVisible: el.matches(":focus-visible"),
    indicator: outline || style.boxShadow !== "none",
  };
}"""


def tab_to(page, selector: str, limit: int = 60) -> list[dict]:
    """Press Tab until `selector` has the focus; every element on the way must show its focus."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            continue
        stops.append(state)
        assert state["focusVisible"] and state["indicator"], f"focus invisible : {state}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return stops
    raise AssertionError(f"{selector} n'est pas atteint au clavier en {limit} tabulations : {stops}")


def press_enter_and_follow(page) -> None:
    """Press Enter on the focused link or button and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def follow_with_keyboard(page, selector: str) -> None:
    """Tab to the link or button `selector` (checking every focus on the way), then follow it."""
    tab_to(page, selector)
    press_enter_and_follow(page)
