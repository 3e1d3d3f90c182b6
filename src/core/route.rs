//! The view state in the URL hash (`#/doc/<id>/p/<para>` …).
//!
//! Hash routes work on any static host, inside an iframe and from `file://`, where path
//! routes need server rewrites or throw. These routes are a public contract: embedders and
//! shared links rely on them, so parsing is lenient and formatting is stable.

/// Encoding is the citation links' (RFC 3986 unreserved characters kept, UTF-8); decoding
/// stays lenient ([`percent_decode`]).
pub use super::citation::percent_encode;

/// Search modes, as written in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchKind {
    #[default]
    Word,
    Substring,
}

/// One screen of the app.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Library,
    /// A document, optionally scrolled to a block, optionally with a passage to mark.
    Doc {
        doc: String,
        para: Option<String>,
        quote: Option<String>,
    },
    Glossary {
        term: Option<String>,
    },
    Notes,
    Search {
        query: String,
        kind: SearchKind,
    },
    Concordance {
        query: String,
    },
    Analytics,
    About,
    /// Anything else; the app shows "not found" with a link home.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let params = parse_query(query);
        let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let parts: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        match parts.as_slice() {
            [] => Route::Library,
            ["library"] => Route::Library,
            ["doc", doc] => Route::Doc {
                doc: doc.to_string(),
                para: None,
                quote: param("q"),
            },
            ["doc", doc, "p", para] => Route::Doc {
                doc: doc.to_string(),
                para: Some(para.to_string()),
                quote: param("q").filter(|q| !q.is_empty()),
            },
            ["glossary"] => Route::Glossary { term: None },
            ["glossary", term] => Route::Glossary {
                term: Some(term.to_string()),
            },
            ["notes"] => Route::Notes,
            ["search"] => Route::Search {
                query: param("q").unwrap_or_default(),
                kind: match param("mode").as_deref() {
                    Some("sub") => SearchKind::Substring,
                    _ => SearchKind::Word,
                },
            },
            ["concordance"] => Route::Concordance {
                query: param("q").unwrap_or_default(),
            },
            ["analytics"] => Route::Analytics,
            ["about"] => Route::About,
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The hash for this route, with the leading `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".into(),
            Route::Doc { doc, para, quote } => {
                let mut h = format!("#/doc/{}", percent_encode(doc));
                if let Some(p) = para {
                    h.push_str(&format!("/p/{}", percent_encode(p)));
                    if let Some(q) = quote {
                        h.push_str(&format!("?q={}", percent_encode(q)));
                    }
                }
                h
            }
            Route::Glossary { term: None } => "#/glossary".into(),
            Route::Glossary { term: Some(t) } => format!("#/glossary/{}", percent_encode(t)),
            Route::Notes => "#/notes".into(),
            Route::Search { query, kind } => {
                let mode = match kind {
                    SearchKind::Word => "",
                    SearchKind::Substring => "&mode=sub",
                };
                format!("#/search?q={}{mode}", percent_encode(query))
            }
            Route::Concordance { query } => format!("#/concordance?q={}", percent_encode(query)),
            Route::Analytics => "#/analytics".into(),
            Route::About => "#/about".into(),
            Route::NotFound(h) => format!("#{h}"),
        }
    }

    /// The document this route shows, if any.
    pub fn doc(&self) -> Option<&str> {
        match self {
            Route::Doc { doc, .. } => Some(doc),
            _ => None,
        }
    }
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(&v.replace('+', " ")))
        })
        .collect()
}

/// Decodes `%XX` sequences; invalid sequences and invalid UTF-8 are kept or replaced,
/// never an error (a mangled link still opens something sensible).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_public_routes() {
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#/"), Route::Library);
        assert_eq!(
            Route::parse("#/doc/pan-2019-manufacturing/p/p12"),
            Route::Doc {
                doc: "pan-2019-manufacturing".into(),
                para: Some("p12".into()),
                quote: None
            }
        );
        assert_eq!(
            Route::parse("#/glossary/xiao-er-mei"),
            Route::Glossary {
                term: Some("xiao-er-mei".into())
            }
        );
        assert_eq!(
            Route::parse("#/search?q=%E5%90%88%E4%BD%9C&mode=sub"),
            Route::Search {
                query: "合作".into(),
                kind: SearchKind::Substring
            }
        );
        assert!(matches!(Route::parse("#/nope/x"), Route::NotFound(_)));
        // Settings are a panel over any page, not a page of their own.
        assert!(matches!(Route::parse("#/settings"), Route::NotFound(_)));
    }

    #[test]
    fn round_trips() {
        let routes = [
            Route::Library,
            Route::Doc {
                doc: "a".into(),
                para: Some("p1".into()),
                quote: Some("设施 联通&“x”".into()),
            },
            Route::Doc {
                doc: "a".into(),
                para: None,
                quote: None,
            },
            Route::Glossary { term: None },
            Route::Search {
                query: "一带一路 #?&".into(),
                kind: SearchKind::Word,
            },
            Route::Concordance {
                query: "合作".into(),
            },
            Route::Notes,
            Route::Analytics,
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn hostile_hashes_do_not_panic() {
        for h in [
            "#/doc/%",
            "#/doc/%E5%90",
            "#/search?q=%zz",
            "#/doc/<script>/p/\"",
            "#%%%%",
        ] {
            let _ = Route::parse(h).to_hash();
        }
        assert_eq!(percent_decode("%E5%90"), "\u{FFFD}");
    }
}
