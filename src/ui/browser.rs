//! Small, fallible wrappers over the browser APIs the app uses.
//!
//! Every call can fail (no window in a worker, storage blocked in a sandboxed iframe,
//! quota exceeded, a throwing `scrollIntoView` in an old engine), so each returns a
//! `Result` or an `Option` and nothing here unwraps.

use std::fmt;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Storage, Window};

/// What went wrong with a browser call, in words a reader can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    NoWindow,
    StorageUnavailable(String),
    QuotaExceeded,
    Js(String),
}

impl fmt::Display for BrowserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BrowserError::NoWindow => write!(f, "no browser window"),
            BrowserError::StorageUnavailable(why) => {
                write!(f, "this browser does not allow saving here ({why})")
            }
            BrowserError::QuotaExceeded => write!(f, "the browser's storage for this site is full"),
            BrowserError::Js(msg) => write!(f, "{msg}"),
        }
    }
}

fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

fn is_quota_error(value: &wasm_bindgen::JsValue) -> bool {
    value
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

pub fn window() -> Result<Window, BrowserError> {
    web_sys::window().ok_or(BrowserError::NoWindow)
}

pub fn document() -> Result<Document, BrowserError> {
    window()?.document().ok_or(BrowserError::NoWindow)
}

/// `location.hash`, or "" when it cannot be read.
pub fn hash() -> String {
    window()
        .and_then(|w| {
            w.location()
                .hash()
                .map_err(|e| BrowserError::Js(js_message(&e)))
        })
        .unwrap_or_default()
}

/// Sets `location.hash` (a new history entry).
pub fn set_hash(hash: &str) {
    if let Ok(w) = window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Adds a history entry for `hash` without waiting for the browser's `hashchange` (which
/// arrives a task later); back and forward still fire `hashchange` between such entries.
pub fn push_hash(hash: &str) -> Result<(), BrowserError> {
    window()?
        .history()
        .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash)))
        .map_err(|e| BrowserError::Js(js_message(&e)))
}

/// Replaces the hash without a new history entry.
pub fn replace_hash(hash: &str) {
    if let Ok(w) = window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    }
}

/// The page URL without its hash (for deep links and citations).
pub fn base_url() -> String {
    window()
        .and_then(|w| {
            w.location()
                .href()
                .map_err(|e| BrowserError::Js(js_message(&e)))
        })
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The search part of the URL (`?embed=1…`).
pub fn search() -> String {
    window()
        .and_then(|w| {
            w.location()
                .search()
                .map_err(|e| BrowserError::Js(js_message(&e)))
        })
        .unwrap_or_default()
}

/// `navigator.languages`, most preferred first.
pub fn languages() -> Vec<String> {
    window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// localStorage, or why it cannot be used. Reading the property itself throws in
/// sandboxed and some third-party iframes, which is why gloo-storage (which panics then)
/// is not used.
pub fn local_storage() -> Result<Storage, BrowserError> {
    match window()?.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(BrowserError::StorageUnavailable("no localStorage".into())),
        Err(e) => Err(BrowserError::StorageUnavailable(js_message(&e))),
    }
}

pub fn storage_get(key: &str) -> Result<Option<String>, BrowserError> {
    local_storage()?
        .get_item(key)
        .map_err(|e| BrowserError::StorageUnavailable(js_message(&e)))
}

pub fn storage_set(key: &str, value: &str) -> Result<(), BrowserError> {
    local_storage()?.set_item(key, value).map_err(|e| {
        if is_quota_error(&e) {
            BrowserError::QuotaExceeded
        } else {
            BrowserError::StorageUnavailable(js_message(&e))
        }
    })
}

pub fn storage_remove(key: &str) -> Result<(), BrowserError> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| BrowserError::StorageUnavailable(js_message(&e)))
}

/// The element an event happened on (`target`) or is handled by (`current_target`), if
/// the event has one and it is an element.
pub fn element(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()
}

/// The first element matching a CSS selector.
pub fn query(selector: &str) -> Option<Element> {
    document().ok()?.query_selector(selector).ok().flatten()
}

/// Scrolls an element into view (instantly: smooth scrolling fights deep links).
pub fn scroll_into_view(el: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Moves keyboard focus to an element (making it focusable if needed).
pub fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        if !h.has_attribute("tabindex") && h.tab_index() < 0 {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.focus();
    }
}

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .ok()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets an attribute on `<html>`.
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().ok().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(name, value);
    }
}

/// Sets a CSS custom property on `<html>`.
pub fn set_root_style(name: &str, value: &str) {
    if let Some(root) = document().ok().and_then(|d| d.document_element()) {
        if let Some(h) = root.dyn_ref::<HtmlElement>() {
            let _ = h.style().set_property(name, value);
        }
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Copies text to the clipboard (async; failures are reported to `done`).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Ok(w) = window() else {
        done(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// The height of the window that counts as "being read": a third of the way down. The
/// contents mark the section whose heading is above it; the reading place is the
/// paragraph on it.
fn reading_line() -> Option<f64> {
    Some(window().ok()?.inner_height().ok()?.as_f64()? / 3.0)
}

/// The document's headings in reading order, with the top of each in viewport pixels, and
/// the reading line.
pub fn heading_tops() -> (Vec<(String, f64)>, f64) {
    let line = reading_line().unwrap_or(0.0);
    let mut out = Vec::new();
    if let Some(list) = document()
        .ok()
        .and_then(|d| d.query_selector_all(".doc-text [data-heading]").ok())
    {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(id) = el.get_attribute("data-heading") {
                out.push((id, el.get_bounding_client_rect().top()));
            }
        }
    }
    (out, line)
}

/// The id of the paragraph on the reading line, in the middle of the text column. When the
/// line falls between two paragraphs or on a heading, the first paragraph just below it
/// (within 48 px); `None` when there is none.
pub fn para_at_reading_line() -> Option<String> {
    let line = reading_line()?;
    let doc = document().ok()?;
    let rect = doc
        .query_selector(".doc-text")
        .ok()??
        .get_bounding_client_rect();
    let x = (rect.left() + rect.right()) / 2.0;
    [0.0, 16.0, 32.0, 48.0].into_iter().find_map(|dy| {
        doc.element_from_point(x as f32, (line + dy) as f32)?
            .closest(".doc-text [data-para]")
            .ok()??
            .get_attribute("data-para")
    })
}

/// The scroll position and extent of the page, for the progress bar.
pub fn scroll_fraction() -> f64 {
    let Ok(w) = window() else { return 0.0 };
    let y = w.scroll_y().unwrap_or(0.0);
    let inner = w
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let total = document()
        .ok()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height() as f64)
        .unwrap_or(0.0);
    if total <= inner {
        1.0
    } else {
        (y / (total - inner)).clamp(0.0, 1.0)
    }
}

/// Whether localStorage really works here: reading the property, writing and removing a
/// probe key. Sandboxed and some third-party iframes throw; private modes may refuse.
pub fn storage_works() -> Result<(), BrowserError> {
    const PROBE: &str = "silk-road-reader/probe";
    storage_set(PROBE, "1")?;
    match storage_get(PROBE)? {
        Some(v) if v == "1" => storage_remove(PROBE),
        _ => Err(BrowserError::StorageUnavailable(
            "a value written could not be read back".into(),
        )),
    }
}

/// Fetches a file relative to the page (the app's own static files) as text.
pub async fn fetch_text(url: &str) -> Result<String, BrowserError> {
    let w = window()?;
    let js = |e: wasm_bindgen::JsValue| BrowserError::Js(js_message(&e));
    let response = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(js)?;
    let response: web_sys::Response = response.dyn_into().map_err(js)?;
    if !response.ok() {
        return Err(BrowserError::Js(format!(
            "{url}: HTTP {}",
            response.status()
        )));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(js)?)
        .await
        .map_err(js)?;
    text.as_string()
        .ok_or_else(|| BrowserError::Js(format!("{url}: not text")))
}

/// Offers `text` as a file download (a Blob and a temporary link).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let js = |e: wasm_bindgen::JsValue| BrowserError::Js(js_message(&e));
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let doc = document()?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| BrowserError::Js("cannot create a link".into()))?;
    a.set_href(&url);
    a.set_download(filename);
    let body = doc.body().ok_or(BrowserError::NoWindow)?;
    body.append_child(&a).map_err(js)?;
    a.click();
    a.remove();
    // Revoked later: revoking at once can cancel the download in some browsers.
    gloo_timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
