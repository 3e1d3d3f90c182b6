//! The app's shared state, provided as one typed context: the current route, the
//! settings, the interface language, and per-document analyses cached after first use.

use crate::core::analysis::DocAnalysis;
use crate::core::bundle::GLOSSARY_FILE;
use crate::core::engine::{engine, Engine};
use crate::core::glossary::Term;
use crate::core::i18n::{Lang, Msg};
use crate::core::route::Route;
use crate::core::settings::Settings;
use crate::ui::texts::TextStatus;
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
    /// The glossary with definitions, once fetched (the wasm embeds only its index).
    pub glossary: RwSignal<GlossaryState>,
    /// Where each document's text is (the wasm fetches them: `ui::texts`).
    pub texts: RwSignal<Vec<TextStatus>>,
}

/// Where the glossary's definitions are.
#[derive(Debug, Clone, Default)]
pub enum GlossaryState {
    #[default]
    NotLoaded,
    Loading,
    Loaded(Arc<Vec<Term>>),
    Failed(String),
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
            glossary: RwSignal::new(GlossaryState::NotLoaded),
            texts: RwSignal::new(crate::ui::texts::initial()),
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

    /// Starts loading the glossary's definitions, once. The single-file reader carries
    /// them in `<script type="application/json" id="srr-glossary">`; otherwise they are
    /// fetched from `GLOSSARY_FILE` beside the app.
    pub fn load_glossary(&self) {
        if !matches!(
            self.glossary.get_untracked(),
            GlossaryState::NotLoaded | GlossaryState::Failed(_)
        ) {
            return;
        }
        let signal = self.glossary;
        signal.set(GlossaryState::Loading);
        if let Some(el) = crate::ui::browser::query("script#srr-glossary") {
            let text = el.text_content().unwrap_or_default();
            signal.set(decode_glossary(&text));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let result = crate::ui::browser::fetch_text(GLOSSARY_FILE).await;
            signal.set(match result {
                Ok(text) => decode_glossary(&text),
                Err(e) => GlossaryState::Failed(e.to_string()),
            });
        });
    }

    /// Goes to `route` now, with a history entry; where history cannot be written (some
    /// `file://` pages), through `location.hash` and its `hashchange`.
    pub fn navigate(&self, route: Route) {
        let hash = route.to_hash();
        // The same route again (a second click on a link) adds no history entry, but
        // still goes there (e.g. back to the paragraph a link names).
        let same = Route::parse(&crate::ui::browser::hash()) == route;
        if same || crate::ui::browser::push_hash(&hash).is_ok() {
            self.route.set(route);
        } else {
            crate::ui::browser::set_hash(&hash);
        }
    }

    pub fn say(&self, message: impl Into<String>) {
        self.toast.set(Some(message.into()));
    }
}

fn decode_glossary(text: &str) -> GlossaryState {
    match serde_json::from_str::<Vec<Term>>(text) {
        Ok(terms) => GlossaryState::Loaded(Arc::new(terms)),
        Err(e) => GlossaryState::Failed(format!("the glossary file is damaged ({e})")),
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
