//! The app's shared state, provided as one typed context: the current route, the
//! settings, the interface language, and per-document analyses cached after first use.

use crate::core::analysis::DocAnalysis;
use crate::core::engine::{engine, Engine};
use crate::core::i18n::{Lang, Msg};
use crate::core::route::Route;
use crate::core::settings::Settings;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Shared state; cheap to copy (signals and a stored value).
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    pub settings: RwSignal<Settings>,
    /// The interface language: the reader's choice, else the browser's.
    pub lang: Memo<Lang>,
    /// A short message shown in a live region (copied, saved, …).
    pub toast: RwSignal<Option<String>>,
    /// Embedded in an iframe with `?embed=1`: no site chrome.
    pub embed: bool,
    analyses: StoredValue<HashMap<usize, Arc<DocAnalysis>>, LocalStorage>,
}

impl AppState {
    pub fn new(route: Route, settings: Settings, browser_lang: Lang, embed: bool) -> Self {
        let settings = RwSignal::new(settings);
        AppState {
            route: RwSignal::new(route),
            settings,
            lang: Memo::new(move |_| settings.with(|s| s.lang).unwrap_or(browser_lang)),
            toast: RwSignal::new(None),
            embed,
            analyses: StoredValue::new_local(HashMap::new()),
        }
    }

    pub fn engine(&self) -> &'static Engine {
        engine()
    }

    /// A message in the current interface language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// The analysis of document `doc`, computed on first request and then cached.
    pub fn analysis(&self, doc: usize) -> Option<Arc<DocAnalysis>> {
        if let Some(a) = self.analyses.with_value(|m| m.get(&doc).cloned()) {
            return Some(a);
        }
        let a = Arc::new(engine().analyse(doc)?);
        self.analyses.update_value(|m| {
            m.insert(doc, a.clone());
        });
        Some(a)
    }

    pub fn navigate(&self, route: Route) {
        crate::ui::browser::set_hash(&route.to_hash());
    }

    pub fn say(&self, message: impl Into<String>) {
        self.toast.set(Some(message.into()));
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
