//! The glossary popover: opened from a term button in the text by click, tap, Enter or
//! Space, and (after a short delay) by hovering with a mouse; closed by Esc, its close
//! button or a click elsewhere. Focus moves into it when opened deliberately and back to
//! the term when it closes. Positioned by CSS anchor positioning where the browser has
//! it, by measuring otherwise; on phones it is a bottom sheet, away from the selection bar.
//!
//! The text is rendered as HTML strings (see `core::render`), so the reader listens for
//! events on the text container and finds the term from the event target. A term is a
//! `span` with `role="button"` (see `core::render` for why), so Enter and Space are turned
//! into the click a `button` would have had.

use crate::core::i18n::Msg;
use crate::ui::browser;
use crate::ui::lazy;
use crate::ui::state::use_app;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use web_sys::Element;

const HOVER_OPEN_MS: u32 = 450;
const HOVER_CLOSE_MS: u32 = 350;
const POPOVER_ID: &str = "term-popover";

/// What is open: which entry, and whether a hover opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Open {
    term: usize,
    hover: bool,
}

/// Controls the one popover of a page.
#[derive(Clone, Copy)]
pub struct PopoverCtl {
    open: RwSignal<Option<Open>>,
    style: RwSignal<String>,
    anchor: StoredValue<Option<Element>, LocalStorage>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Default for PopoverCtl {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether the browser does CSS anchor positioning.
fn has_anchor_positioning() -> bool {
    web_sys::css::supports_with_value("anchor-name", "--a").unwrap_or(false)
}

/// The live term (`core::render`'s `.term[data-id]`) an event happened on, if any.
fn term_button(target: Option<web_sys::EventTarget>) -> Option<Element> {
    browser::element(target)?
        .closest(".term[data-id]")
        .ok()
        .flatten()
}

impl PopoverCtl {
    pub fn new() -> Self {
        PopoverCtl {
            open: RwSignal::new(None),
            style: RwSignal::new(String::new()),
            anchor: StoredValue::new_local(None),
            timer: StoredValue::new_local(None),
        }
    }

    fn cancel_timer(&self) {
        self.timer.set_value(None);
    }

    /// Opens the popover for a term button.
    fn open_for(&self, button: &Element, hover: bool) {
        // No `use_app()` here: a hover timer calls this outside any reactive owner.
        let Some(id) = button.get_attribute("data-id") else {
            return;
        };
        let Some(term) = crate::core::engine::engine()
            .bundle
            .terms
            .iter()
            .position(|t| t.id == id)
        else {
            return;
        };
        self.cancel_timer();
        if let Some(previous) = self.anchor.get_value() {
            let _ = previous.set_attribute("aria-expanded", "false");
            let _ = previous.remove_attribute("style");
        }
        let _ = button.set_attribute("aria-expanded", "true");
        let _ = button.set_attribute("aria-controls", POPOVER_ID);
        self.anchor.set_value(Some(button.clone()));
        self.place(button);
        self.open.set(Some(Open { term, hover }));
        if !hover {
            request_animation_frame(|| {
                if let Some(p) = browser::query(&format!("#{POPOVER_ID}")) {
                    browser::focus(&p);
                }
            });
        }
    }

    /// Positions the popover next to `button`.
    fn place(&self, button: &Element) {
        if has_anchor_positioning() {
            let _ = button.set_attribute("style", "anchor-name: --srr-term");
            self.style.set(String::new());
            return;
        }
        let rect = button.get_bounding_client_rect();
        let (vw, vh) = browser::window()
            .map(|w| {
                let num = |v: Result<wasm_bindgen::JsValue, _>| {
                    v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
                };
                (num(w.inner_width()), num(w.inner_height()))
            })
            .unwrap_or((1024.0, 768.0));
        let width = (vw - 16.0).min(416.0);
        let left = rect.left().clamp(8.0, (vw - width - 8.0).max(8.0));
        let below = vh - rect.bottom();
        let style = if below < 320.0 && rect.top() > below {
            format!(
                "left: {left:.0}px; bottom: {:.0}px; max-height: {:.0}px",
                vh - rect.top() + 6.0,
                rect.top() - 14.0
            )
        } else {
            format!(
                "left: {left:.0}px; top: {:.0}px; max-height: {:.0}px",
                rect.bottom() + 6.0,
                below - 14.0
            )
        };
        self.style.set(format!("{style}; width: {width:.0}px"));
    }

    /// Closes the popover; `restore_focus` puts focus back on the term.
    pub fn close(&self, restore_focus: bool) {
        self.cancel_timer();
        if self.open.get_untracked().is_none() {
            return;
        }
        self.open.set(None);
        if let Some(button) = self.anchor.get_value() {
            let _ = button.set_attribute("aria-expanded", "false");
            let _ = button.remove_attribute("style");
            if restore_focus {
                browser::focus(&button);
            }
        }
    }

    /// Click or tap in the text.
    pub fn on_click(&self, ev: &web_sys::MouseEvent) {
        if let Some(button) = term_button(ev.target()) {
            lazy::warm_parts();
            self.toggle(&button);
        }
    }

    /// Enter or Space on a focused term: what a click does (and no page scroll for Space).
    pub fn on_key(&self, ev: &web_sys::KeyboardEvent) {
        let activates = matches!(ev.key().as_str(), "Enter" | " ");
        if !activates || ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.repeat() {
            return;
        }
        if let Some(button) = term_button(ev.target()) {
            lazy::warm_parts();
            ev.prevent_default();
            self.toggle(&button);
        }
    }

    /// Opens the term's popover deliberately, or closes it if it is open that way.
    fn toggle(&self, button: &Element) {
        let already = self.anchor.get_value().is_some_and(|a| &a == button);
        match self.open.get_untracked() {
            Some(Open { hover: false, .. }) if already => self.close(true),
            _ => self.open_for(button, false),
        }
    }

    /// A mouse resting on a term opens its popover after a short delay. Any pointer
    /// reaching a term (a touch too, ~100 ms before its click) starts fetching the card's
    /// code (`ui::lazy`).
    pub fn on_pointer_over(&self, ev: &web_sys::PointerEvent) {
        let term = term_button(ev.target());
        if term.is_some() {
            lazy::warm_parts();
        }
        if ev.pointer_type() != "mouse" {
            return;
        }
        if let Some(button) = term {
            if self.open.get_untracked().is_some_and(|o| !o.hover) {
                return;
            }
            let ctl = *self;
            self.timer
                .set_value(Some(Timeout::new(HOVER_OPEN_MS, move || {
                    ctl.open_for(&button, true)
                })));
        }
    }

    /// A term reached with the keyboard: fetch the card's code before Enter asks for it.
    pub fn on_focus_in(&self, ev: &web_sys::FocusEvent) {
        if term_button(ev.target()).is_some() {
            lazy::warm_parts();
        }
    }

    /// Leaving a term (or the popover) closes a hover-opened popover after a delay.
    pub fn on_pointer_out(&self, ev: &web_sys::PointerEvent) {
        if ev.pointer_type() != "mouse" {
            return;
        }
        match self.open.get_untracked() {
            None => self.cancel_timer(),
            Some(Open { hover: true, .. }) => {
                let ctl = *self;
                self.timer
                    .set_value(Some(Timeout::new(HOVER_CLOSE_MS, move || ctl.close(false))));
            }
            Some(_) => {}
        }
    }
}

/// The popover element; render once per page, with the controller the text uses.
#[component]
pub fn TermPopover(
    /// The controller shared with the text's event handlers.
    ctl: PopoverCtl,
) -> impl IntoView {
    let state = use_app();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ctl.open.get_untracked().is_some() {
            ctl.close(true);
        }
    });
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if ctl.open.get_untracked().is_none() {
            return;
        }
        let inside = browser::element(ev.target())
            .and_then(|e| {
                e.closest(&format!("#{POPOVER_ID}, .term[data-id]"))
                    .ok()
                    .flatten()
            })
            .is_some();
        if !inside {
            ctl.close(false);
        }
    });
    on_cleanup(move || {
        keys.remove();
        outside.remove();
    });
    // A new route (a link inside the popover, back/forward) closes it.
    Effect::new(move |_| {
        state.route.track();
        ctl.close(false);
    });
    let anchored = has_anchor_positioning();
    let font = move || format!("font-size: {}px", state.settings.with(|s| s.popover_font));
    move || {
        ctl.open.get().map(|open| {
            view! {
                <section id=POPOVER_ID class=if anchored { "popover anchored" } else { "popover measured" }
                    role="dialog" aria-modal="false" aria-labelledby="popover-title" tabindex="-1"
                    style=move || format!("{}; {}", ctl.style.get(), font())
                    on:pointerover=move |ev| if ev.pointer_type() == "mouse" { ctl.cancel_timer() }
                    on:pointerout=move |ev| ctl.on_pointer_out(&ev)>
                    <div class="popover-tools">
                        <button type="button" class="tool-btn small" aria-pressed=move || state.settings.with(|s| s.pinyin).to_string()
                            on:click=move |_| state.settings.update(|s| s.pinyin = !s.pinyin)>
                            {move || state.t(Msg::Pinyin)}
                        </button>
                        <button type="button" class="tool-btn small" aria-label=move || format!("A− {}", state.t(Msg::SmallerText))
                            on:click=move |_| state.settings.update(|s| s.popover_font = (s.popover_font - 1).max(12))>"A−"</button>
                        <button type="button" class="tool-btn small" aria-label=move || format!("A+ {}", state.t(Msg::LargerText))
                            on:click=move |_| state.settings.update(|s| s.popover_font = (s.popover_font + 1).min(24))>"A+"</button>
                        <button type="button" class="tool-btn small popover-close" on:click=move |_| ctl.close(true)>
                            <span aria-hidden="true">"× "</span>{move || state.t(Msg::Close)}
                        </button>
                    </div>
                    {lazy::with_loading(lazy::term_card(open.term, true, "popover-title"))}
                </section>
            }
        })
    }
}
