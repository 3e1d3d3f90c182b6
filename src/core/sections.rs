//! Which section of a document the reader is in, from where its headings are on screen:
//! the contents mark it, so that a long text keeps its bearings.

/// The index of the section being read: the last heading whose top (in viewport pixels,
/// reading order) is at or above `line`, the height that counts as "being read" (a third
/// of the way down the window). `None` before the first heading.
pub fn current_section(tops: &[f64], line: f64) -> Option<usize> {
    tops.iter().rposition(|top| *top <= line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_heading_above_the_line_names_the_section() {
        let tops = [-900.0, -200.0, 150.0, 700.0];
        assert_eq!(current_section(&tops, 300.0), Some(2));
        assert_eq!(
            current_section(&tops, 150.0),
            Some(2),
            "a heading at the line counts"
        );
        assert_eq!(current_section(&tops, 100.0), Some(1));
        assert_eq!(
            current_section(&[400.0, 900.0], 300.0),
            None,
            "before the first heading"
        );
        assert_eq!(current_section(&[], 300.0), None);
    }
}
