//! Embedding the reader in another site's page: the options an iframe's URL carries
//! (`?embed=1&doc=…&para=…&lang=zh|en&theme=light|dark|sepia&five=11010&host=<origin>`),
//! how they change the settings for that frame only, the snippet a publisher copies, the
//! link back to the full reader and the message the frame sends its host page.
//!
//! Like the routes, these URLs are a public contract: parsing is lenient (an unknown or
//! malformed option is ignored, never an error) and the formatting is stable.

use super::corpus::{is_id, Document};
use super::i18n::Lang;
use super::render::escape;
use super::route::{percent_decode, percent_encode, Route};
use super::settings::{Settings, Theme};

/// The `type` of the message a framed reader posts to its host page with its height.
pub const HEIGHT_MESSAGE: &str = "silk-road-reader:height";
/// The `type` of the message a host page (`embed.js`) sends to ask for the height again.
pub const HELLO_MESSAGE: &str = "silk-road-reader:hello";
/// The attribute that marks the iframes `embed.js` resizes.
pub const FRAME_ATTRIBUTE: &str = "data-silk-road-reader";
/// The host script, beside `index.html`.
pub const HOST_SCRIPT: &str = "embed.js";
/// The iframe's height before the reader has reported its own, in CSS pixels.
pub const INITIAL_HEIGHT: u32 = 480;

/// What an embed URL asks for. `embed` is false for the normal reader, and then the other
/// fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    pub embed: bool,
    /// The document to open (when the URL has no route in its hash).
    pub doc: Option<String>,
    /// A paragraph (or heading) of `doc`: the embed then shows only that passage.
    pub para: Option<String>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    /// Which 五通 terms are highlighted, in the order of `glossary::FIVE_IDS`.
    pub five: Option<[bool; 5]>,
    /// The host page's origin: the frame then talks to that origin only.
    pub host: Option<String>,
}

impl EmbedOptions {
    /// Reads `location.search` (with or without the leading `?`).
    pub fn parse(search: &str) -> EmbedOptions {
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut o = EmbedOptions::default();
        for pair in search.split('&').filter(|s| !s.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(&v.replace('+', " "));
            match percent_decode(k).as_str() {
                "embed" => o.embed = v == "1" || v == "true",
                "doc" => o.doc = Some(v).filter(|s| is_id(s)),
                "para" | "p" => o.para = Some(v).filter(|s| is_id(s)),
                "lang" => o.lang = parse_lang(&v),
                "theme" => o.theme = Theme::parse(&v.to_ascii_lowercase()),
                "five" => o.five = parse_five(&v),
                "host" => o.host = parse_origin(&v),
                _ => {}
            }
        }
        o
    }

    /// The query string for these options (`?embed=1&doc=…`), in a fixed order.
    pub fn to_query(&self) -> String {
        let mut parts = vec!["embed=1".to_string()];
        if let Some(d) = &self.doc {
            parts.push(format!("doc={}", percent_encode(d)));
            if let Some(p) = &self.para {
                parts.push(format!("para={}", percent_encode(p)));
            }
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", lang_code(l)));
        }
        if let Some(t) = self.theme {
            parts.push(format!("theme={}", t.as_str()));
        }
        if let Some(f) = self.five {
            parts.push(format!("five={}", format_five(f)));
        }
        if let Some(h) = &self.host {
            parts.push(format!("host={}", percent_encode(h)));
        }
        format!("?{}", parts.join("&"))
    }

    /// The settings this frame reads with: the stored ones with the URL's choices on top.
    /// The result is never stored (an embed must not change the reader's own settings).
    pub fn apply(&self, stored: &Settings) -> Settings {
        let mut s = stored.clone();
        if !self.embed {
            return s;
        }
        if let Some(l) = self.lang {
            s.lang = Some(l);
        }
        if let Some(t) = self.theme {
            s.theme = t;
        }
        if let Some(f) = self.five {
            s.five = f;
        }
        s
    }

    /// The route to open with. A route in the hash wins; otherwise `doc` opens that
    /// document. The passage is not put in the route: a deep link scrolls and focuses,
    /// which inside a frame would move the host page and take its keyboard focus. The
    /// passage is shown with [`passage_css`] instead.
    pub fn initial_route(&self, from_hash: Route) -> Route {
        if !self.embed || from_hash != Route::Library {
            return from_hash;
        }
        match &self.doc {
            Some(doc) => Route::Doc {
                doc: doc.clone(),
                para: None,
                quote: None,
            },
            None => from_hash,
        }
    }

    /// The passage this embed shows alone, if any.
    pub fn passage(&self) -> Option<&str> {
        if self.embed && self.doc.is_some() {
            self.para.as_deref()
        } else {
            None
        }
    }

    /// The origin the height may be posted to: the host's when known, else `*` (the
    /// message then carries the height and nothing else).
    pub fn target_origin(&self) -> &str {
        self.host.as_deref().unwrap_or("*")
    }

    /// Whether a message from `origin` may be answered: any origin when the URL names no
    /// host, else only that one.
    pub fn accepts_origin(&self, origin: &str) -> bool {
        match &self.host {
            Some(h) => h == origin,
            None => parse_origin(origin).is_some(),
        }
    }
}

/// `zh`, `zh-CN`, `zh-Hans`, … → Chinese; `en…` → English; anything else → none.
fn parse_lang(v: &str) -> Option<Lang> {
    let v = v.to_ascii_lowercase();
    if v == "zh" || v.starts_with("zh-") {
        Some(Lang::Zh)
    } else if v == "en" || v.starts_with("en-") {
        Some(Lang::En)
    } else {
        None
    }
}

fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// Exactly five `0`/`1` digits.
pub fn parse_five(v: &str) -> Option<[bool; 5]> {
    let bytes = v.as_bytes();
    if bytes.len() != 5 || !bytes.iter().all(|b| *b == b'0' || *b == b'1') {
        return None;
    }
    let mut out = [false; 5];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = *b == b'1';
    }
    Some(out)
}

pub fn format_five(five: [bool; 5]) -> String {
    five.iter().map(|on| if *on { '1' } else { '0' }).collect()
}

/// A web origin as `postMessage` compares them: `http(s)://host[:port]`, lower case,
/// without a path (a trailing `/` is tolerated). Anything else, including `null`, is None.
pub fn parse_origin(v: &str) -> Option<String> {
    let v = v.trim().to_ascii_lowercase();
    let (scheme, rest) = v.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match rest.strip_prefix('[') {
        Some(v6) => {
            let (addr, after) = v6.split_once(']')?;
            if addr.is_empty() || !addr.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') {
                return None;
            }
            (format!("[{addr}]"), after.strip_prefix(':'))
        }
        None => {
            let (host, port) = match rest.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (rest, None),
            };
            let host_ok = !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
            if !host_ok {
                return None;
            }
            (host.to_string(), port)
        }
    };
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            let n: u32 = p.parse().ok()?;
            if n > 65535 {
                return None;
            }
            let default = (scheme == "http" && n == 80) || (scheme == "https" && n == 443);
            Some(if default {
                format!("{scheme}://{host}")
            } else {
                format!("{scheme}://{host}:{n}")
            })
        }
        Some(_) => None,
    }
}

/// The reader's page URL from `location.href`: without query and hash. Only `http(s)`
/// pages can be embedded elsewhere, so anything else (a `file://` copy) gives None.
pub fn reader_page(href: &str) -> Option<String> {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let page = &href[..end];
    let lower = page.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| page.to_string())
}

/// The folder of a page URL (where `embed.js` lives beside `index.html`).
pub fn folder_of(page: &str) -> &str {
    match page.rfind('/') {
        Some(i) => &page[..=i],
        None => page,
    }
}

/// The full reader at the same document and passage, for "open in the full reader".
pub fn full_reader_url(page: &str, doc: Option<&str>, para: Option<&str>) -> String {
    let route = match doc {
        Some(d) => Route::Doc {
            doc: d.to_string(),
            para: para.map(str::to_string),
            quote: None,
        },
        None => Route::Library,
    };
    format!("{page}{}", route.to_hash())
}

/// The HTML a publisher pastes: the iframe and the host script that sizes it.
pub fn snippet(page: &str, options: &EmbedOptions, title: &str) -> String {
    let src = format!("{page}{}", options.to_query());
    let script = format!("{}{HOST_SCRIPT}", folder_of(page));
    format!(
        "<iframe src=\"{}\" title=\"{}\" {FRAME_ATTRIBUTE} loading=\"lazy\" \
         style=\"width:100%;height:{INITIAL_HEIGHT}px;border:0\"></iframe>\n\
         <script src=\"{}\" async></script>",
        escape(&src),
        escape(title),
        escape(&script),
    )
}

/// The passages a publisher can embed alone: the reading-flow paragraphs (not headings,
/// not publication details), numbered as the reader numbers them, each labelled with its
/// number and first characters.
pub fn passage_choices(doc: &Document) -> Vec<(String, String)> {
    const PREVIEW_CHARS: usize = 18;
    doc.blocks
        .iter()
        .filter(|b| !b.is_heading() && !b.details)
        .enumerate()
        .map(|(i, b)| {
            let text = b.text.trim();
            let mut preview: String = text.chars().take(PREVIEW_CHARS).collect();
            if text.chars().count() > PREVIEW_CHARS {
                preview.push('…');
            }
            (b.id.clone(), format!("¶{} {preview}", i + 1))
        })
        .collect()
}

/// The style that shows only one passage of the document (its block, or the details
/// box holding it). `para` must be an id (`[a-z0-9-]`), so it cannot break out of the
/// selector. Engines without `:has()` ignore the rule and show the whole text.
pub fn passage_css(para: &str) -> Option<String> {
    if !is_id(para) {
        return None;
    }
    Some(format!(
        ".doc-text > :not([data-para=\"{para}\"]):not([data-heading=\"{para}\"]):not(:has([data-para=\"{para}\"])) {{ display: none; }}\n\
         .doc-text [data-para=\"{para}\"] {{ margin-bottom: 0; }}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_option() {
        let o = EmbedOptions::parse(
            "?embed=1&doc=pan-2019-manufacturing&para=p12&lang=en&theme=sepia&five=11010&host=https%3A%2F%2FThinkTank.example%3A443%2F",
        );
        assert_eq!(
            o,
            EmbedOptions {
                embed: true,
                doc: Some("pan-2019-manufacturing".into()),
                para: Some("p12".into()),
                lang: Some(Lang::En),
                theme: Some(Theme::Sepia),
                five: Some([true, true, false, true, false]),
                host: Some("https://thinktank.example".into()),
            }
        );
        assert!(!EmbedOptions::parse("").embed);
        assert!(!EmbedOptions::parse("embed=0&doc=a").embed);
        assert_eq!(
            EmbedOptions::parse("lang=zh-CN&embed=true").lang,
            Some(Lang::Zh)
        );
    }

    #[test]
    fn malformed_options_are_ignored() {
        let o = EmbedOptions::parse(
            "?embed=1&doc=%3Cscript%3E&para=P1&lang=fr&theme=neon&five=1101&host=javascript:alert(1)&x=%zz",
        );
        assert_eq!(
            o,
            EmbedOptions {
                embed: true,
                ..EmbedOptions::default()
            }
        );
        assert_eq!(parse_five("11a10"), None);
        assert_eq!(parse_five("111111"), None);
        assert_eq!(parse_five("00000"), Some([false; 5]));
    }

    #[test]
    fn round_trips_through_the_query() {
        let o = EmbedOptions {
            embed: true,
            doc: Some("a-b".into()),
            para: Some("p3".into()),
            lang: Some(Lang::Zh),
            theme: Some(Theme::Dark),
            five: Some([false, true, false, true, true]),
            host: Some("http://localhost:8000".into()),
        };
        assert_eq!(
            o.to_query(),
            "?embed=1&doc=a-b&para=p3&lang=zh&theme=dark&five=01011&host=http%3A%2F%2Flocalhost%3A8000"
        );
        assert_eq!(EmbedOptions::parse(&o.to_query()), o);
        let bare = EmbedOptions {
            embed: true,
            ..EmbedOptions::default()
        };
        assert_eq!(bare.to_query(), "?embed=1");
        assert_eq!(EmbedOptions::parse(&bare.to_query()), bare);
    }

    #[test]
    fn origins() {
        assert_eq!(
            parse_origin("http://127.0.0.1:8080"),
            Some("http://127.0.0.1:8080".into())
        );
        assert_eq!(
            parse_origin("https://Example.org/"),
            Some("https://example.org".into())
        );
        assert_eq!(
            parse_origin("http://example.org:80"),
            Some("http://example.org".into())
        );
        assert_eq!(
            parse_origin("http://[::1]:3000"),
            Some("http://[::1]:3000".into())
        );
        for bad in [
            "null",
            "*",
            "",
            "example.org",
            "ftp://example.org",
            "https://example.org/path",
            "https://user@example.org",
            "https://example.org:99999",
            "https://example.org:",
            "https://exa mple.org",
            "http://[zz]",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn who_may_be_answered() {
        let open = EmbedOptions::parse("embed=1");
        assert_eq!(open.target_origin(), "*");
        assert!(open.accepts_origin("http://localhost:1234"));
        assert!(!open.accepts_origin("null"));
        let strict = EmbedOptions::parse("embed=1&host=http://localhost:1234");
        assert_eq!(strict.target_origin(), "http://localhost:1234");
        assert!(strict.accepts_origin("http://localhost:1234"));
        assert!(!strict.accepts_origin("http://localhost:9999"));
    }

    #[test]
    fn settings_are_overridden_not_replaced() {
        let stored = Settings {
            font_size: 22,
            theme: Theme::Dark,
            ..Settings::default()
        };
        let o = EmbedOptions::parse("embed=1&theme=sepia&lang=en&five=10000");
        let s = o.apply(&stored);
        assert_eq!(s.font_size, 22);
        assert_eq!(s.theme, Theme::Sepia);
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!(s.five, [true, false, false, false, false]);
        // Without embed=1 the options do nothing.
        assert_eq!(EmbedOptions::parse("theme=sepia").apply(&stored), stored);
        // Options the URL does not give keep the stored value.
        assert_eq!(EmbedOptions::parse("embed=1").apply(&stored), stored);
    }

    #[test]
    fn initial_route() {
        let o = EmbedOptions::parse("embed=1&doc=d1&para=p2");
        assert_eq!(
            o.initial_route(Route::Library),
            Route::Doc {
                doc: "d1".into(),
                para: None,
                quote: None
            }
        );
        assert_eq!(o.passage(), Some("p2"));
        let from_hash = Route::parse("#/doc/d2");
        assert_eq!(o.initial_route(from_hash.clone()), from_hash);
        assert_eq!(
            EmbedOptions::parse("doc=d1").initial_route(Route::Library),
            Route::Library
        );
        assert_eq!(EmbedOptions::parse("embed=1&para=p2").passage(), None);
    }

    #[test]
    fn urls_and_snippet() {
        let href = "https://reader.example/tools/silk/?embed=1&doc=a#/doc/a";
        let page = reader_page(href).unwrap();
        assert_eq!(page, "https://reader.example/tools/silk/");
        assert_eq!(reader_page("file:///home/a/reader.html#/"), None);
        assert_eq!(
            folder_of("https://r.example/x/index.html"),
            "https://r.example/x/"
        );
        assert_eq!(
            full_reader_url(&page, Some("a"), Some("p3")),
            "https://reader.example/tools/silk/#/doc/a/p/p3"
        );
        assert_eq!(
            full_reader_url(&page, None, None),
            "https://reader.example/tools/silk/#/"
        );

        let o = EmbedOptions::parse("embed=1&doc=a&para=p3&lang=en");
        let html = snippet(&page, &o, "丝路读本 · \"A\" <b>");
        assert_eq!(
            html,
            "<iframe src=\"https://reader.example/tools/silk/?embed=1&amp;doc=a&amp;para=p3&amp;lang=en\" \
             title=\"丝路读本 · &quot;A&quot; &lt;b&gt;\" data-silk-road-reader loading=\"lazy\" \
             style=\"width:100%;height:480px;border:0\"></iframe>\n\
             <script src=\"https://reader.example/tools/silk/embed.js\" async></script>"
        );
    }

    #[test]
    fn passages_are_numbered_like_the_reader() {
        let bundle = crate::core::bundle::bundle();
        let doc = &bundle.docs[0];
        let choices = passage_choices(doc);
        let flow: Vec<_> = doc
            .blocks
            .iter()
            .filter(|b| !b.is_heading() && !b.details)
            .collect();
        assert_eq!(choices.len(), flow.len());
        assert!(!choices.is_empty());
        assert_eq!(choices[0].0, flow[0].id);
        assert!(choices[0].1.starts_with("¶1 "));
        assert!(choices.iter().all(|(_, label)| label.chars().count() <= 24));
    }

    #[test]
    fn passage_style_only_for_ids() {
        let css = passage_css("p-12").unwrap();
        assert!(css.contains("[data-para=\"p-12\"]"));
        assert_eq!(passage_css("p1\"] , * {x"), None);
        assert_eq!(passage_css(""), None);
    }
}
