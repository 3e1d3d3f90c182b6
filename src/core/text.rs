//! Offsets and character classes.
//!
//! Rust strings index bytes, the DOM's selection offsets count UTF-16 code units, and
//! people count characters; CJK Extension B characters are two UTF-16 units and four
//! bytes. Every range the engine hands out carries all three, so no layer has to guess.

use serde::{Deserialize, Serialize};

/// A position in a text, in the three units that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Offset {
    pub byte: usize,
    pub char: usize,
    pub utf16: usize,
}

/// A half-open range `[start, end)` of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TextRange {
    pub start: Offset,
    pub end: Offset,
}

impl TextRange {
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start.byte..self.end.byte]
    }

    pub fn is_empty(&self) -> bool {
        self.start.byte == self.end.byte
    }
}

/// Converts byte offsets of one text to full [`Offset`]s. Built once per text; lookups
/// are binary searches over the characters' starts.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// For each char: (byte start, utf16 start). One extra entry for the end.
    starts: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 2 + 1);
        let mut utf16 = 0;
        for (byte, c) in text.char_indices() {
            starts.push((byte, utf16));
            utf16 += c.len_utf16();
        }
        starts.push((text.len(), utf16));
        OffsetMap { starts }
    }

    /// The offset of a byte position; a position inside a character snaps back to the
    /// character's start.
    pub fn at_byte(&self, byte: usize) -> Offset {
        self.snap_back(byte, |s| s.0)
    }

    /// The offset of a UTF-16 position; a position inside a surrogate pair snaps back.
    pub fn at_utf16(&self, utf16: usize) -> Offset {
        self.snap_back(utf16, |s| s.1)
    }

    /// The character that starts at `pos` (measured by `unit`) or, inside a character,
    /// the one that contains it; past the end, the end.
    fn snap_back(&self, pos: usize, unit: impl Fn(&(usize, usize)) -> usize) -> Offset {
        let i = match self.starts.binary_search_by_key(&pos, unit) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        self.at_char(i)
    }

    /// The offset of the `n`th character (clamped to the end).
    pub fn at_char(&self, n: usize) -> Offset {
        let i = n.min(self.starts.len() - 1);
        let (byte, utf16) = self.starts[i];
        Offset {
            byte,
            char: i,
            utf16,
        }
    }

    pub fn range(&self, start_byte: usize, end_byte: usize) -> TextRange {
        TextRange {
            start: self.at_byte(start_byte),
            end: self.at_byte(end_byte),
        }
    }

    pub fn end(&self) -> Offset {
        self.at_char(usize::MAX)
    }
}

/// Han ideographs (all CJK unified blocks, Extension B and beyond included).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Characters that belong to Chinese running text: Han, CJK punctuation, full-width forms.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2018..=0x201F | 0x2014)
}

/// Removes whitespace (for comparing texts whose line breaks and spaces differ).
pub fn strip_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Finds a space (any whitespace but the ideographic space U+3000, which Chinese
/// typesetting uses on purpose) between two Han characters: the trace of justified PDF
/// text. Returns the byte offset of the first such space.
pub fn find_cjk_gap(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if is_han(chars[i].1) {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_whitespace() && chars[j].1 != '\u{3000}' {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && is_han(chars[j].1) {
                return Some(chars[i + 1].0);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_in_three_units() {
        // 𠀀 is CJK Extension B: 4 bytes, 1 char, 2 UTF-16 units.
        let text = "a一𠀀b";
        let map = OffsetMap::new(text);
        let b = map.at_byte(text.find('b').unwrap());
        assert_eq!(
            b,
            Offset {
                byte: 8,
                char: 3,
                utf16: 4
            }
        );
        assert_eq!(map.at_utf16(4), b);
        assert_eq!(
            map.at_utf16(3).char,
            2,
            "inside a surrogate pair snaps back"
        );
        assert_eq!(map.at_byte(5).byte, 4, "inside a char snaps back");
        assert_eq!(
            map.end(),
            Offset {
                byte: 9,
                char: 4,
                utf16: 5
            }
        );
        assert_eq!(map.at_char(2).utf16, 2);
    }

    #[test]
    fn finds_justification_gaps_only_between_han() {
        assert_eq!(find_cjk_gap("金 融"), Some(3));
        assert_eq!(find_cjk_gap("中国制造 2025"), None);
        assert_eq!(find_cjk_gap("李芳芳\u{3000}朱健"), None);
        assert_eq!(find_cjk_gap("Belt and Road"), None);
    }
}
