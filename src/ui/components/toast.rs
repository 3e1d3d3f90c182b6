//! A polite live region for short confirmations ("link copied"); clears itself.

use crate::ui::state::use_app;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Shows `AppState::toast` for a few seconds.
#[component]
pub fn Toast() -> impl IntoView {
    let state = use_app();
    let timer: StoredValue<Option<Timeout>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        if state.toast.get().is_some() {
            // Replacing the stored timeout drops (cancels) the previous one.
            timer.set_value(Some(Timeout::new(4000, move || state.toast.set(None))));
        }
    });
    view! {
        <div class="toast" role="status" aria-live="polite">
            {move || state.toast.get().map(|t| view! { <p class="toast-msg">{t}</p> })}
        </div>
    }
}
