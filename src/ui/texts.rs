//! The documents' texts, fetched when they are needed.
//!
//! The wasm ships without the texts: the documents' metadata and the build's figures
//! (`core::corpus::DocStats`) are enough for the library and every count. The reader asks
//! for its document's text; search, the concordance, analytics, the notes page and the
//! lists of occurrences ask for the texts they show. A text comes from, in this order:
//! the single-file reader's own copy (`script#srr-texts`), the pre-rendered page that
//! `boot.js` has already fetched for the first screen, or `pre/<doc id>.json`, the same
//! file (so a first visit fetches one file for the opening and the text). See
//! BENCHMARKS.md, session 9.

use crate::core::bundle::bundle;
use crate::core::corpus::Block;
use crate::core::i18n::Msg;
use crate::core::prerender::prerender_path;
use crate::ui::browser;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Where one document's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextStatus {
    NotLoaded,
    Loading,
    Loaded,
    Failed(String),
}

/// Where the texts of a set of documents are, together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Texts {
    Ready,
    Loading,
    /// The first failure, with its reason.
    Failed(String),
}

/// Every document, for the pages over the whole corpus.
pub fn all_docs() -> Vec<usize> {
    (0..bundle().docs.len()).collect()
}

/// The status of every document at start-up: loaded where the build embedded the texts.
pub fn initial() -> Vec<TextStatus> {
    bundle()
        .docs
        .iter()
        .map(|d| {
            if d.blocks.is_loaded() {
                TextStatus::Loaded
            } else {
                TextStatus::NotLoaded
            }
        })
        .collect()
}

/// Where the texts of `docs` are (reactive).
pub fn status(state: AppState, docs: &[usize]) -> Texts {
    state.texts.with(|t| {
        let mut out = Texts::Ready;
        for d in docs {
            match t.get(*d) {
                Some(TextStatus::Failed(e)) => return Texts::Failed(e.clone()),
                Some(TextStatus::Loaded) | None => {}
                Some(_) => out = Texts::Loading,
            }
        }
        out
    })
}

/// Starts fetching each text of `docs` that is neither there nor on its way (a failed
/// one is tried again).
pub fn request(state: AppState, docs: &[usize]) {
    let wanted: Vec<usize> = state.texts.with_untracked(|t| {
        docs.iter()
            .copied()
            .filter(|&d| {
                matches!(
                    t.get(d),
                    Some(TextStatus::NotLoaded | TextStatus::Failed(_))
                )
            })
            .collect()
    });
    if wanted.is_empty() {
        return;
    }
    state.texts.update(|t| {
        for &d in &wanted {
            t[d] = TextStatus::Loading;
        }
    });
    if let Some(inline) = browser::query("script#srr-texts") {
        // The page holds every text: read once, they are all there (a later request
        // finds them loaded and parses nothing again).
        let result = take_inline(&inline.text_content().unwrap_or_default());
        state.texts.update(|t| {
            for (d, status) in t.iter_mut().enumerate() {
                if bundle().texts_loaded(&[d]) {
                    *status = TextStatus::Loaded;
                } else if wanted.contains(&d) {
                    *status = outcome(result.clone().and_then(|_| loaded_or(d)));
                }
            }
        });
        return;
    }
    for d in wanted {
        leptos::task::spawn_local(async move {
            let result = fetch_text(d).await;
            state.texts.update(|t| t[d] = outcome(result));
        });
    }
}

fn outcome(result: Result<(), String>) -> TextStatus {
    match result {
        Ok(()) => TextStatus::Loaded,
        Err(e) => TextStatus::Failed(e),
    }
}

fn loaded_or(doc: usize) -> Result<(), String> {
    if bundle().texts_loaded(&[doc]) {
        Ok(())
    } else {
        Err("the page carries no text for this document".into())
    }
}

/// A document's text and its part of the segmentation dictionary, as `pre/<doc id>.json`
/// holds them (beside the pre-rendered opening, which is not read here) and, with the
/// document's id, the single-file reader's `script#srr-texts`.
#[derive(serde::Deserialize)]
struct TextFile {
    #[serde(default)]
    id: String,
    blocks: Vec<Block>,
    dict: String,
}

fn take_inline(json: &str) -> Result<(), String> {
    let texts: Vec<TextFile> =
        serde_json::from_str(json).map_err(|e| format!("the page's texts are damaged ({e})"))?;
    for t in texts {
        if let Some(doc) = bundle().doc_index(&t.id) {
            bundle()
                .set_text(doc, t.blocks, &t.dict)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Fetches document `doc`'s text and gives it to the bundle.
async fn fetch_text(doc: usize) -> Result<(), String> {
    let id = bundle()
        .docs
        .get(doc)
        .map(|d| d.meta.id.clone())
        .ok_or("no such document")?;
    let text = match from_boot(&id).await {
        Some(text) => text,
        None => {
            let url = format!("{}{}", prerender_path(&id), build_query());
            let body = browser::fetch_text(&url).await.map_err(|e| e.to_string())?;
            serde_json::from_str::<TextFile>(&body)
                .map_err(|e| format!("{url}: the text file is damaged ({e})"))?
        }
    };
    bundle()
        .set_text(doc, text.blocks, &text.dict)
        .map_err(|e| e.to_string())
}

/// `?v=<build id>`, as `boot.js` asks for the same file (so that HTTP caches never hand
/// an older build's text to this one, and the browser can reuse `boot.js`'s request).
fn build_query() -> String {
    browser::query("meta[name=\"srr-build\"]")
        .and_then(|m| m.get_attribute("content"))
        .map(|v| format!("?v={}", String::from(js_sys::encode_uri_component(&v))))
        .unwrap_or_default()
}

/// The text from the page `boot.js` fetched for the first screen (`window.srrPre`,
/// `{ id, page }` with `page` a promise of the file's text, unparsed), when it is this
/// document's and parses (otherwise the caller fetches the file itself).
async fn from_boot(id: &str) -> Option<TextFile> {
    let window = browser::window().ok()?;
    let pre = js_sys::Reflect::get(&window, &JsValue::from_str("srrPre")).ok()?;
    let pre_id = js_sys::Reflect::get(&pre, &JsValue::from_str("id")).ok()?;
    if pre_id.as_string().as_deref() != Some(id) {
        return None;
    }
    let page = js_sys::Reflect::get(&pre, &JsValue::from_str("page")).ok()?;
    let json = wasm_bindgen_futures::JsFuture::from(page.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&json).ok()
}

/// How long the app waits, at most, for the rest of the file `boot.js` is receiving.
pub const BOOT_WAIT_MS: i32 = 3000;

/// Resolves once the file `boot.js` asked for (`window.srrPre.page`) has arrived or
/// failed, or after [`BOOT_WAIT_MS`]; at once when there is none.
pub async fn boot_file_arrived() {
    let Ok(window) = browser::window() else {
        return;
    };
    let page = js_sys::Reflect::get(&window, &JsValue::from_str("srrPre"))
        .and_then(|pre| js_sys::Reflect::get(&pre, &JsValue::from_str("page")))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(page) = page else {
        return;
    };
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, BOOT_WAIT_MS);
    });
    // Either way (arrived, failed, too slow) the app goes on; a failure is handled when
    // the text is asked for.
    let race = js_sys::Promise::race(&js_sys::Array::of2(&page, &timeout));
    let _ = wasm_bindgen_futures::JsFuture::from(race).await;
}

/// `view()` once the texts of `docs` are there. Until then a "Loading the text…" status,
/// and if one could not be fetched, an alert with the reason and a button to try again.
pub fn when_loaded(
    docs: Vec<usize>,
    view: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    request(state, &docs);
    let wanted = docs.clone();
    let texts = Memo::new(move |_| status(state, &wanted));
    move || match texts.get() {
        Texts::Ready => view(),
        Texts::Loading => view! {
            <p class="lazy-loading" role="status">{move || state.t(Msg::LoadingText)}</p>
        }
        .into_any(),
        Texts::Failed(reason) => {
            let docs = docs.clone();
            view! {
                <div class="form-error text-unavailable" role="alert">
                    <p>{move || state.t(Msg::TextUnavailable)}</p>
                    <p class="error-detail" lang="en">{reason}</p>
                    <button type="button" class="tool-btn" on:click=move |_| request(state, &docs)>
                        {move || state.t(Msg::TryAgain)}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}
