//! "When scrolling pauses": work that reads the page's layout (which heading is on screen,
//! which paragraph is being read) runs once scrolling has settled, not in every scroll
//! event, where it would measure the page dozens of times a second and could force a
//! layout while a document is being drawn.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Runs `settled` once scrolling has paused for `ms` milliseconds (each scroll event
/// restarts the wait), until the calling component is cleaned up.
pub fn when_scrolling_settles(ms: u32, settled: impl Fn() + Clone + 'static) {
    let timer: StoredValue<Option<Timeout>, LocalStorage> = StoredValue::new_local(None);
    let listener = window_event_listener(leptos::ev::scroll, move |_| {
        // Replacing the timer drops (cancels) the one before.
        timer.set_value(Some(Timeout::new(ms, settled.clone())));
    });
    on_cleanup(move || {
        listener.remove();
        timer.set_value(None);
    });
}
