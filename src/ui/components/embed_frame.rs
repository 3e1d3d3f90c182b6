//! The reader inside another site's iframe (`?embed=1`): reports its height to the host
//! page so the iframe can be sized to the content (no inner scrollbar), and shows a
//! passage alone when the URL names one. The host side is `public/embed.js`.
//!
//! Messages carry the height and nothing else. They go to the origin named by `host=`
//! in the URL; without it, to `*` until the host page says hello, then to the origin
//! the browser reports for that hello.

use crate::core::embed::{passage_css, EmbedOptions, HEIGHT_MESSAGE, HELLO_MESSAGE};
use crate::ui::browser;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `ResizeObserver` (Chrome 64, Firefox 69, Safari 13.1), bound here because web-sys
    /// has it behind a feature the crate does not enable.
    #[wasm_bindgen(js_name = ResizeObserver)]
    type SizeObserver;
    #[wasm_bindgen(constructor, js_class = "ResizeObserver", catch)]
    fn new(callback: &js_sys::Function) -> Result<SizeObserver, JsValue>;
    #[wasm_bindgen(method, js_class = "ResizeObserver")]
    fn observe(this: &SizeObserver, target: &web_sys::Element);
}

/// Where the height goes and what was sent last.
struct Reporter {
    target: String,
    last: u32,
}

/// The page's content height in CSS pixels (rounded up, so nothing is cut off).
fn content_height() -> Option<u32> {
    let root = browser::document().ok()?.document_element()?;
    let h = root.get_bounding_client_rect().height().ceil();
    (h.is_finite() && h > 0.0).then_some(h as u32)
}

/// The host window, when the page is framed.
fn parent_window() -> Option<web_sys::Window> {
    let w = browser::window().ok()?;
    let parent = w.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &w)).then_some(parent)
}

/// Posts the height if it changed (or always, with `force`).
fn report(reporter: &RefCell<Reporter>, force: bool) {
    let Some(height) = content_height() else {
        return;
    };
    let Some(parent) = parent_window() else {
        return;
    };
    let mut r = reporter.borrow_mut();
    if !force && r.last == height {
        return;
    }
    r.last = height;
    let message = js_sys::Object::new();
    let ok = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into()).is_ok()
        && js_sys::Reflect::set(&message, &"height".into(), &height.into()).is_ok();
    if ok {
        let _ = parent.post_message(&message, &r.target);
    }
}

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Starts reporting the height: on every size change (ResizeObserver, or a timer and the
/// window's resize event where it is missing) and whenever the host page says hello.
fn start_reporting(options: &EmbedOptions) -> Result<(), JsValue> {
    let w = browser::window().map_err(|e| JsValue::from_str(&e.to_string()))?;
    let reporter = Rc::new(RefCell::new(Reporter {
        target: options.target_origin().to_string(),
        last: 0,
    }));

    let r = reporter.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || report(&r, false));
    let observed = browser::document()
        .ok()
        .and_then(|d| d.document_element())
        .and_then(|root| {
            let observer = SizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
            observer.observe(&root);
            Some(())
        });
    if observed.is_none() {
        w.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())?;
        w.set_interval_with_callback_and_timeout_and_arguments_0(
            on_resize.as_ref().unchecked_ref(),
            1000,
        )?;
    }
    // Lives as long as the page: the app is never unmounted.
    on_resize.forget();

    let options = options.clone();
    let r = reporter;
    let on_message = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let data = field(&event, "data");
        if field(&data, "type").as_string().as_deref() != Some(HELLO_MESSAGE) {
            return;
        }
        let from_parent =
            parent_window().is_some_and(|p| js_sys::Object::is(&field(&event, "source"), &p));
        let origin = field(&event, "origin").as_string().unwrap_or_default();
        if !from_parent || !options.accepts_origin(&origin) {
            return;
        }
        r.borrow_mut().target = origin;
        report(&r, true);
    });
    w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())?;
    on_message.forget();
    Ok(())
}

/// Shows only the passage the URL names (see `core::embed::passage_css`).
fn show_passage_only(para: &str) {
    let (Some(css), Ok(doc)) = (passage_css(para), browser::document()) else {
        return;
    };
    let Some(head) = browser::query("head") else {
        return;
    };
    if let Ok(style) = doc.create_element("style") {
        style.set_text_content(Some(&css));
        let _ = style.set_attribute("data-embed-passage", para);
        let _ = head.append_child(&style);
    }
}

/// Renders nothing; wires the embed to its host page. Only rendered when `state.embed`.
#[component]
pub fn EmbedFrame() -> impl IntoView {
    let options = use_context::<EmbedOptions>().unwrap_or_default();
    if let Some(para) = options.passage() {
        show_passage_only(para);
    }
    if let Err(e) = start_reporting(&options) {
        leptos::logging::warn!("embed: cannot report the height to the host page: {e:?}");
    }
}
