//! The dashboard's files, embedded in the binary: no CDN, no build step, nothing fetched.
//!
//! Assets are served under `/assets/<name>?v=<hash of the content>`, cached by the browser for
//! a year: a new binary has new hashes, so a page never runs stale code. The HTML shell is
//! rendered per request (it names the user) and never cached.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub(crate) const SHELL_HTML: &str = include_str!("../assets/shell.html");
pub(crate) const LOGIN_HTML: &str = include_str!("../assets/login.html");
pub(crate) const LOGO_SVG: &str = include_str!("../assets/logo.svg");

/// Every file under `/assets/`, with its content type.
const FILES: &[(&str, &str, &[u8])] = &[
    ("app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("lib.js", "text/javascript; charset=utf-8", include_bytes!("../assets/lib.js")),
    ("pages.js", "text/javascript; charset=utf-8", include_bytes!("../assets/pages.js")),
    ("logo.svg", "image/svg+xml", include_bytes!("../assets/logo.svg")),
];

/// FNV-1a: a stable content hash for cache-busting (not for security).
fn fnv(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// `/assets/<name>?v=<hash>` for an embedded file.
pub(crate) fn asset_url(name: &str) -> String {
    static HASHES: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let hashes = HASHES
        .get_or_init(|| FILES.iter().map(|(n, _, b)| (*n, format!("{:016x}", fnv(b)))).collect());
    match hashes.iter().find(|(n, _)| *n == name) {
        Some((n, h)) => format!("/assets/{n}?v={}", &h[..12]),
        None => format!("/assets/{name}"),
    }
}

/// `GET /assets/{file}`.
pub(crate) async fn asset(Path(file): Path<String>) -> Response {
    let Some((_, ctype, body)) = FILES.iter().find(|(n, _, _)| *n == file) else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    let mut res = (*body).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    res
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that is safe inside `<script type="application/json">`: `<` cannot end the element.
pub(crate) fn script_json(v: &serde_json::Value) -> String {
    v.to_string().replace('<', "\\u003c")
}

/// Fills `{{name}}` slots in one pass, so a value can never be read as a slot.
pub(crate) fn render(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 1024);
    let mut rest = template;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find("}}") {
            Some(j) => {
                let key = &after[..j];
                match slots.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push_str("{{");
                        out.push_str(key);
                        out.push_str("}}");
                    }
                }
                rest = &after[j + 2..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_filled_once() {
        let out = render("<p>{{a}} {{b}} {{c}}</p>", &[("a", "{{b}}"), ("b", "x")]);
        assert_eq!(out, "<p>{{b}} x {{c}}</p>");
    }

    #[test]
    fn html_and_script_json_are_escaped() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        let v = serde_json::json!({"x": "</script><script>"});
        assert!(!script_json(&v).contains("</script>"));
    }

    #[test]
    fn every_asset_has_a_versioned_url() {
        for (name, _, _) in FILES {
            assert!(asset_url(name).contains("?v="), "{name}");
        }
    }
}
