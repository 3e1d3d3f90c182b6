//! Reader settings: what they are, their defaults and limits, and their stored form.
//!
//! Stored as versioned JSON by the UI; decoding is lenient (unknown or broken fields fall
//! back to defaults) because losing a font-size preference must never stop the reader.

use super::i18n::Lang;
use super::render::GlossaryMode;
use serde::{Deserialize, Serialize};

/// Colour scheme. `System` follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    Sepia,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::System, Theme::Light, Theme::Dark, Theme::Sepia];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Everything the reader remembers between visits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    /// Body text size in CSS pixels.
    pub font_size: u8,
    /// Line height ×10 (18 = 1.8), kept integral so it compares exactly.
    pub line_height: u8,
    pub theme: Theme,
    /// `None` until the reader chooses; then the browser's language decides.
    pub lang: Option<Lang>,
    pub boundaries: bool,
    pub para_numbers: bool,
    /// Which of the five 五通 terms are highlighted (order of `glossary::FIVE_IDS`).
    pub five: [bool; 5],
    pub glossary: GlossaryMode,
    pub pinyin: bool,
    /// Popover text size in CSS pixels, independent of the page's.
    pub popover_font: u8,
}

pub const FONT_SIZES: std::ops::RangeInclusive<u8> = 14..=28;
pub const LINE_HEIGHTS: std::ops::RangeInclusive<u8> = 14..=26;
pub const POPOVER_FONTS: std::ops::RangeInclusive<u8> = 12..=24;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: 1,
            font_size: 18,
            line_height: 19,
            theme: Theme::System,
            lang: None,
            boundaries: false,
            para_numbers: false,
            five: [true; 5],
            glossary: GlossaryMode::All,
            pinyin: true,
            popover_font: 15,
        }
    }
}

impl Settings {
    /// Reads stored settings; anything unreadable falls back to the defaults.
    pub fn decode(raw: &str) -> Settings {
        serde_json::from_str::<Settings>(raw)
            .map(Settings::clamped)
            .unwrap_or_default()
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Brings every number into its range.
    pub fn clamped(mut self) -> Settings {
        self.font_size = self.font_size.clamp(*FONT_SIZES.start(), *FONT_SIZES.end());
        self.line_height = self
            .line_height
            .clamp(*LINE_HEIGHTS.start(), *LINE_HEIGHTS.end());
        self.popover_font = self
            .popover_font
            .clamp(*POPOVER_FONTS.start(), *POPOVER_FONTS.end());
        self.version = 1;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_lenient_decoding() {
        let mut s = Settings {
            font_size: 22,
            theme: Theme::Sepia,
            lang: Some(Lang::En),
            ..Settings::default()
        };
        s.five[2] = false;
        assert_eq!(Settings::decode(&s.encode()), s);
        assert_eq!(Settings::decode("{not json"), Settings::default());
        let partial = Settings::decode(r#"{"font_size": 99, "unknown": 1}"#);
        assert_eq!(partial.font_size, 28);
        assert_eq!(partial.theme, Theme::System);
    }
}
