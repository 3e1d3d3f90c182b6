//! The reading settings, in a panel below the header. Changes apply at once and persist.

use crate::core::i18n::{Lang, Msg};
use crate::core::render::GlossaryMode;
use crate::core::settings::{Settings, Theme, FONT_SIZES, LINE_HEIGHTS, POPOVER_FONTS};
use crate::ui::browser;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A labelled range input bound to one numeric setting.
#[component]
fn RangeSetting(
    /// Label text.
    label: Msg,
    /// Input id.
    id: &'static str,
    /// Allowed values.
    range: std::ops::RangeInclusive<u8>,
    /// Reads the value from the settings.
    get: fn(&Settings) -> u8,
    /// Writes the value into the settings.
    set: fn(&mut Settings, u8),
    /// Formats the value for display.
    show: fn(u8) -> String,
) -> impl IntoView {
    let state = use_app();
    let value = move || state.settings.with(get);
    view! {
        <div class="setting">
            <label for=id>{move || state.t(label)}</label>
            <input type="range" id=id min=*range.start() max=*range.end() step="1"
                prop:value=move || value().to_string()
                aria-valuetext=move || show(value())
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                        state.settings.update(|s| set(s, v));
                    }
                }/>
            <output for=id>{move || show(value())}</output>
        </div>
    }
}

/// A labelled checkbox bound to one boolean setting.
#[component]
fn CheckSetting(
    /// Label text.
    label: Msg,
    /// Input id.
    id: &'static str,
    /// Reads the value.
    get: fn(&Settings) -> bool,
    /// Writes the value.
    set: fn(&mut Settings, bool),
) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="setting setting-check">
            <input type="checkbox" id=id prop:checked=move || state.settings.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.settings.update(|s| set(s, on));
                }/>
            <label for=id>{move || state.t(label)}</label>
        </div>
    }
}

/// A radio group bound to one setting with a few named values.
#[component]
fn ChoiceSetting<T: Copy + PartialEq + Send + Sync + 'static>(
    /// Group legend.
    label: Msg,
    /// Name of the radio group.
    name: &'static str,
    /// The values with their labels.
    choices: Vec<(T, Msg)>,
    /// Reads the value.
    get: fn(&Settings) -> T,
    /// Writes the value.
    set: fn(&mut Settings, T),
) -> impl IntoView {
    let state = use_app();
    view! {
        <fieldset class="setting setting-choice">
            <legend>{move || state.t(label)}</legend>
            {choices.into_iter().enumerate().map(|(i, (value, msg))| {
                let id = format!("{name}-{i}");
                view! {
                    <span class="choice">
                        <input type="radio" name=name id=id.clone()
                            prop:checked=move || state.settings.with(get) == value
                            on:change=move |_| state.settings.update(|s| set(s, value))/>
                        <label for=id>{move || state.t(msg)}</label>
                    </span>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The settings panel; `open` is toggled by the header's button.
#[component]
pub fn SettingsPanel(
    /// Whether the panel is shown.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    // Closing takes the panel out of the page: focus goes back to the button that opened it.
    let close = move || {
        open.set(false);
        if let Some(button) = browser::query(".settings-btn") {
            browser::focus(&button);
        }
    };
    view! {
        <section id="settings-panel" class="settings-panel" hidden=move || !open.get()
            aria-labelledby="settings-title"
            on:keydown=move |ev| if ev.key() == "Escape" { close() }>
            <div class="settings-head">
                <h2 id="settings-title">{move || state.t(Msg::SettingsTitle)}</h2>
                <button type="button" class="tool-btn" on:click=move |_| close()>{move || state.t(Msg::Close)}</button>
            </div>
            <div class="settings-grid">
                <RangeSetting label=Msg::FontSize id="set-font" range=FONT_SIZES
                    get=|s| s.font_size set=|s, v| s.font_size = v show=|v| format!("{v} px")/>
                <RangeSetting label=Msg::LineHeight id="set-line" range=LINE_HEIGHTS
                    get=|s| s.line_height set=|s, v| s.line_height = v show=|v| format!("{:.1}", f64::from(v) / 10.0)/>
                <RangeSetting label=Msg::PopoverFont id="set-popover-font" range=POPOVER_FONTS
                    get=|s| s.popover_font set=|s, v| s.popover_font = v show=|v| format!("{v} px")/>
                <ChoiceSetting label=Msg::ThemeLabel name="theme"
                    choices=vec![(Theme::System, Msg::ThemeSystem), (Theme::Light, Msg::ThemeLight),
                                 (Theme::Dark, Msg::ThemeDark), (Theme::Sepia, Msg::ThemeSepia)]
                    get=|s| s.theme set=|s, v| s.theme = v/>
                <ChoiceSetting label=Msg::LanguageLabel name="lang"
                    choices=vec![(Some(Lang::Zh), Msg::LangZh), (Some(Lang::En), Msg::LangEn)]
                    get=|s| s.lang set=|s, v| s.lang = v/>
                <ChoiceSetting label=Msg::GlossaryHighlight name="glossary-mode"
                    choices=vec![(GlossaryMode::All, Msg::GlossaryAll), (GlossaryMode::FirstPerParagraph, Msg::GlossaryFirst),
                                 (GlossaryMode::Off, Msg::GlossaryOff)]
                    get=|s| s.glossary set=|s, v| s.glossary = v/>
                <div class="setting-checks">
                    <CheckSetting label=Msg::WordBoundaries id="set-boundaries" get=|s| s.boundaries set=|s, v| s.boundaries = v/>
                    <CheckSetting label=Msg::ParaNumbers id="set-para-numbers" get=|s| s.para_numbers set=|s, v| s.para_numbers = v/>
                    <CheckSetting label=Msg::PinyinSetting id="set-pinyin" get=|s| s.pinyin set=|s, v| s.pinyin = v/>
                </div>
            </div>
            <p class="shortcuts"><strong>{move || state.t(Msg::Shortcuts)}": "</strong>{move || state.t(Msg::ShortcutsBody)}</p>
            <button type="button" class="tool-btn" on:click=move |_| {
                let lang = state.settings.with_untracked(|s| s.lang);
                state.settings.set(Settings { lang, ..Settings::default() });
            }>{move || state.t(Msg::Reset)}</button>
        </section>
    }
}
