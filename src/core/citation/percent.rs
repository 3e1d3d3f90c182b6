//! Percent-encoding for the deep links, which carry a quoted passage (`?q=…`) in UTF-8.
//!
//! Why strict decoding here: a citation link is produced by us and read back by the
//! reader, so anything malformed is a bug to report, not a guess to make (the router keeps
//! its own lenient decoder for links typed or mangled by hand).

use std::fmt;

/// Percent-encodes `s` as UTF-8, leaving only RFC 3986 unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) as they are. Safe in a path segment, a query value and a
/// fragment; `+` is encoded, so it never turns into a space.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Why a percent-encoded string could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentError {
    /// A `%` at this byte offset is not followed by two hex digits.
    BadEscape(usize),
    /// The decoded bytes are not UTF-8.
    NotUtf8,
}

impl fmt::Display for PercentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PercentError::BadEscape(at) => {
                write!(
                    f,
                    "the '%' at byte {at} is not followed by two hexadecimal digits"
                )
            }
            PercentError::NotUtf8 => write!(f, "the decoded text is not valid UTF-8"),
        }
    }
}

impl std::error::Error for PercentError {}

/// Decodes `%XX` sequences (UTF-8). Strict: a malformed escape or invalid UTF-8 is an
/// error. `+` stays `+`.
pub fn percent_decode(s: &str) -> Result<String, PercentError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            let value = hex
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or(PercentError::BadEscape(i))?;
            out.push(value);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| PercentError::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_round_trip_and_errors() {
        for s in ["设施 联通&“x”", "a+b=c?#/%", "𠀀", ""] {
            assert_eq!(percent_decode(&percent_encode(s)).unwrap(), s);
        }
        assert_eq!(percent_encode("合作 a+b"), "%E5%90%88%E4%BD%9C%20a%2Bb");
        assert_eq!(percent_encode("p-1_x.~"), "p-1_x.~");
        assert_eq!(percent_decode("a+b%2b"), Ok("a+b+".into()));
        assert_eq!(percent_decode("%e5%90%88"), Ok("合".into()));
        assert_eq!(percent_decode("ab%2"), Err(PercentError::BadEscape(2)));
        assert_eq!(percent_decode("%zz"), Err(PercentError::BadEscape(0)));
        assert_eq!(percent_decode("%E5%90"), Err(PercentError::NotUtf8));
        assert_eq!(
            PercentError::BadEscape(3).to_string(),
            "the '%' at byte 3 is not followed by two hexadecimal digits"
        );
    }
}
