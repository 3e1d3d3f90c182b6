//! The embed dialog: builds the iframe snippet for this document or one passage of it,
//! with the embed's options (interface language, theme, highlighted 五通 terms, the host's
//! origin), ready to copy. Loaded on first use with the reader's other parts
//! (`ui::lazy`); `embed_snippet` holds the button that opens it.
//!
//! The dialog is modal, so the interface language cannot change while it is open: it is
//! built when it opens, in that language, and dropped when it closes.

use crate::core::embed::{parse_origin, passage_choices, reader_page, snippet, EmbedOptions};
use crate::core::i18n::{Lang, Msg};
use crate::core::route::Route;
use crate::core::settings::Theme;
use crate::ui::browser;
use crate::ui::state::use_app;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled `<select>` showing `selected` ("" = option not set). The fields are plain
/// form controls: the form's one handler reads them back into the signals.
fn choice(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    options_lang: Option<&'static str>,
    selected: &str,
) -> AnyView {
    view! {
        <label for=id>{label}</label>
        <select id=id>
            {options.into_iter().map(|(v, text)| {
                let on = v == selected;
                view! { <option value=v selected=on lang=options_lang>{text}</option> }
            }).collect_view()}
        </select>
    }
    .into_any()
}

/// The embed dialog for document `doc` (index in the bundle), shown modally as soon as it
/// is in the page; closing it sets `open` to false, which takes it out again.
#[component]
pub fn EmbedDialog(
    /// Index of the open document.
    doc: usize,
    /// Whether the dialog is wanted (the button sets it).
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    let page = reader_page(&browser::base_url())?;
    let document = &state.engine().bundle.docs[doc];
    let dialog = NodeRef::<html::Dialog>::new();
    let code = NodeRef::<html::Textarea>::new();

    let passage = RwSignal::new(String::new());
    let lang = RwSignal::new(String::new());
    let theme = RwSignal::new(String::new());
    let only_current_five = RwSignal::new(false);
    let host = RwSignal::new(String::new());

    let host_invalid = move || host.with(|h| !h.trim().is_empty() && parse_origin(h).is_none());
    let options = move || EmbedOptions {
        embed: true,
        doc: Some(document.meta.id.clone()),
        para: Some(passage.get()).filter(|p| !p.is_empty()),
        lang: match lang.get().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        },
        theme: Theme::parse(&theme.get()),
        five: only_current_five
            .get()
            .then(|| state.settings.with(|s| s.five)),
        host: parse_origin(&host.get()),
    };
    let title = format!(
        "{} · {} Silk Road Reader",
        document.meta.title,
        Msg::AppName.text(Lang::Zh)
    );
    let page_for_code = page.clone();
    let html_code = Memo::new(move |_| snippet(&page_for_code, &options(), &title));
    let preview_url = Memo::new(move |_| format!("{page}{}", options().to_query()));

    // Start from where the reader is: the paragraph of a deep link, their highlighting.
    if let Route::Doc { para: Some(p), .. } = state.route.get_untracked() {
        if passage_choices(document).iter().any(|(id, _)| *id == p) {
            passage.set(p);
        }
    }
    only_current_five.set(state.settings.with_untracked(|s| s.five != [true; 5]));
    // After the body has rendered, so focus goes to its first control.
    request_animation_frame(move || {
        if let Some(d) = dialog.get_untracked() {
            if d.show_modal().is_err() {
                let _ = d.set_attribute("open", "");
            }
        }
    });
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let copy = move |_| {
        let text = html_code.get_untracked();
        browser::copy_text(&text, move |ok| {
            if ok {
                state.say(state.t(Msg::EmbedCopied));
            } else {
                if let Some(area) = code.get_untracked() {
                    area.select();
                    let _ = area.focus();
                }
                state.say(state.t(Msg::EmbedCopyFailed));
            }
        });
    };
    // A click on the backdrop (outside the dialog's box) closes it, as Esc does.
    let backdrop_click = move |ev: leptos::ev::MouseEvent| {
        let on_dialog = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDialogElement>().ok())
            .is_some();
        if on_dialog {
            close();
        }
    };

    // Every field of the form reports here (input and change bubble to the form).
    let on_field = move |ev: web_sys::Event| {
        let Some(target) = ev.target() else {
            return;
        };
        if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
            let field = match select.id().as_str() {
                "embed-scope" => passage,
                "embed-lang" => lang,
                "embed-theme" => theme,
                _ => return,
            };
            field.set(select.value());
        } else if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            match input.id().as_str() {
                "embed-host" => host.set(input.value()),
                "embed-five" => only_current_five.set(input.checked()),
                _ => {}
            }
        }
    };

    let body = move || {
        let l = state.lang.get_untracked();
        let t = move |m: Msg| m.text(l);
        let unset = || (String::new(), t(Msg::EmbedReaderChoice).to_string());
        let mut scopes = vec![(String::new(), t(Msg::EmbedWholeDoc).to_string())];
        scopes.extend(passage_choices(document));
        let langs = vec![
            unset(),
            ("zh".into(), t(Msg::LangZh).into()),
            ("en".into(), t(Msg::LangEn).into()),
        ];
        let themes = vec![
            unset(),
            ("light".into(), t(Msg::ThemeLight).into()),
            ("dark".into(), t(Msg::ThemeDark).into()),
            ("sepia".into(), t(Msg::ThemeSepia).into()),
        ];
        view! {
            <div class="embed-dialog-body">
                <h2 id="embed-title">{t(Msg::EmbedTitle)}</h2>
                <p class="embed-intro">{t(Msg::EmbedIntro)}</p>
                <div class="embed-form" on:input=on_field on:change=on_field>
                <div class="embed-fields">
                    {choice("embed-scope", t(Msg::EmbedScope), scopes, Some("zh-Hans"), &passage.get_untracked())}
                    {choice("embed-lang", t(Msg::EmbedLang), langs, None, &lang.get_untracked())}
                    {choice("embed-theme", t(Msg::EmbedTheme), themes, None, &theme.get_untracked())}
                    <label for="embed-host">{t(Msg::EmbedHost)}</label>
                    <div>
                        <input id="embed-host" type="url" inputmode="url" autocomplete="url" spellcheck="false"
                            placeholder="https://www.example.org" aria-describedby="embed-host-hint"
                            value=host.get_untracked() aria-invalid=move || host_invalid().to_string()/>
                        <p id="embed-host-hint" class="embed-hint">
                            {move || t(if host_invalid() { Msg::EmbedHostInvalid } else { Msg::EmbedHostHint })}
                        </p>
                    </div>
                </div>
                <div class="setting setting-check">
                    <input type="checkbox" id="embed-five" checked=only_current_five.get_untracked()/>
                    <label for="embed-five">{t(Msg::EmbedFiveCurrent)}</label>
                </div>
                </div>
                <label for="embed-code" class="embed-code-label">{t(Msg::EmbedCode)}</label>
                <textarea id="embed-code" class="embed-code" node_ref=code readonly rows="5" spellcheck="false"
                    prop:value=move || html_code.get()></textarea>
                <div class="embed-actions">
                    <button type="button" class="tool-btn embed-copy" on:click=copy>{t(Msg::EmbedCopy)}</button>
                    <a class="tool-btn embed-preview" href=move || preview_url.get() target="_blank" rel="noopener">
                        {t(Msg::EmbedPreview)}<span class="visually-hidden">{t(Msg::NewWindow)}</span>
                    </a>
                    <button type="button" class="tool-btn embed-close" on:click=move |_| close()>{t(Msg::Close)}</button>
                </div>
            </div>
        }
    };

    Some(view! {
        <dialog id="embed-dialog" class="embed-dialog" node_ref=dialog aria-labelledby="embed-title"
            on:click=backdrop_click on:close=move |_| open.set(false)>
            {body()}
        </dialog>
    })
}
