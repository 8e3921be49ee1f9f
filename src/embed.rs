//! The embed protocol: messages between the map in an iframe and the news page around it
//! (`window.postMessage`), as plain data. Every message is a JSON object whose `type`
//! starts with `ceasefire:`; anything else is ignored.
//!
//! Host -> map: `{"type":"ceasefire:select","feature":"ID"}` or `…"passage":"ID"` (or
//! neither, to clear). Map -> host: `{"type":"ceasefire:height","height":N}` whenever its
//! content changes height, and `{"type":"ceasefire:selected","feature":…,"passage":…}`
//! when the reader selects something.

use serde::Deserialize;

use crate::selection::Selection;
use crate::url::percent_decode;

/// What a host page may ask of the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostMessage {
    Select(Selection),
}

#[derive(Deserialize)]
struct Raw {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    feature: Option<String>,
    #[serde(default)]
    passage: Option<String>,
}

/// The longest id accepted from a host page.
const MAX_ID: usize = 200;

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl HostMessage {
    /// Reads a message from its JSON text; `None` for anything that is not a well-formed
    /// message of the protocol (ids are checked against the story by the caller).
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::embed::HostMessage;
    /// use ceasefire_map::selection::Selection;
    /// let m = HostMessage::parse(r#"{"type":"ceasefire:select","feature":"lachin-corridor"}"#);
    /// assert_eq!(m, Some(HostMessage::Select(Selection::Feature("lachin-corridor".into()))));
    /// assert_eq!(HostMessage::parse(r#"{"type":"ceasefire:select","feature":"<img onerror=x>"}"#), None);
    /// ```
    pub fn parse(json: &str) -> Option<HostMessage> {
        let raw: Raw = serde_json::from_str(json).ok()?;
        if raw.kind != "ceasefire:select" {
            return None;
        }
        let selection = match (raw.feature, raw.passage) {
            (Some(f), None) if valid_id(&f) => Selection::Feature(f),
            (None, Some(p)) if valid_id(&p) => Selection::Passage(p),
            (None, None) => Selection::None,
            _ => return None,
        };
        Some(HostMessage::Select(selection))
    }
}

/// The message telling the host the content's height, in whole CSS pixels (as
/// `scrollHeight` gives it: an integer, so no float formatting comes into the wasm).
pub fn height_message(height: i32) -> String {
    format!(
        r#"{{"type":"ceasefire:height","height":{}}}"#,
        height.max(0)
    )
}

/// The message telling the host what the reader selected.
pub fn selected_message(selection: &Selection) -> String {
    let (feature, passage) = match selection {
        Selection::None => (None, None),
        Selection::Feature(id) => (Some(id.as_str()), None),
        Selection::Passage(id) => (None, Some(id.as_str())),
    };
    serde_json::json!({ "type": "ceasefire:selected", "feature": feature, "passage": passage })
        .to_string()
}

/// Whether a message from `origin` may be trusted: only the host page's own origin, as
/// the embed snippet declares it (`?host=ORIGIN`) or, failing that, as the referrer gives.
pub fn origin_allowed(origin: &str, allowed: Option<&str>) -> bool {
    allowed.is_some_and(|a| !a.is_empty() && a != "null" && a == origin)
}

/// The host origin: the `host` query parameter, else the referrer's origin.
///
/// # Examples
/// ```
/// use ceasefire_map::embed::host_origin;
/// assert_eq!(host_origin("?embed&host=https%3A%2F%2Fnews.example", ""), Some("https://news.example".into()));
/// assert_eq!(host_origin("?embed", "https://news.example/2020/article.html"), Some("https://news.example".into()));
/// assert_eq!(host_origin("?embed", ""), None);
/// ```
pub fn host_origin(search: &str, referrer: &str) -> Option<String> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let from_query = search
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "host")
        .map(|(_, v)| percent_decode(v));
    from_query
        .or_else(|| Some(referrer.to_string()))
        .and_then(|url| origin_of(&url))
}

/// `scheme://host[:port]` of an http(s) URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    ok.then(|| format!("{scheme}://{host}"))
}

/// Whether the page was opened in embed mode (`?embed` in the query string).
pub fn is_embed(search: &str) -> bool {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .any(|pair| pair == "embed" || pair.starts_with("embed="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_messages_are_read_strictly() {
        let cases = [
            (
                r#"{"type":"ceasefire:select","passage":"p-couloir"}"#,
                Some(Selection::Passage("p-couloir".into())),
            ),
            (r#"{"type":"ceasefire:select"}"#, Some(Selection::None)),
            (
                r#"{"type":"ceasefire:select","feature":"a","passage":"b"}"#,
                None,
            ),
            (r#"{"type":"other","feature":"a"}"#, None),
            (
                r#"{"type":"ceasefire:select","feature":"a\" onload=\"x"}"#,
                None,
            ),
            (r#"{"type":"ceasefire:select","feature":""}"#, None),
            (r#"{"type":"ceasefire:select","feature":42}"#, None),
            ("not json", None),
            ("[]", None),
        ];
        for (json, want) in cases {
            assert_eq!(
                HostMessage::parse(json),
                want.map(HostMessage::Select),
                "{json}"
            );
        }
        let long = format!(
            r#"{{"type":"ceasefire:select","feature":"{}"}}"#,
            "a".repeat(201)
        );
        assert_eq!(HostMessage::parse(&long), None);
    }

    #[test]
    fn map_messages_are_json() {
        assert_eq!(
            height_message(813),
            r#"{"type":"ceasefire:height","height":813}"#
        );
        assert_eq!(
            height_message(-1),
            r#"{"type":"ceasefire:height","height":0}"#
        );
        let v: serde_json::Value =
            serde_json::from_str(&selected_message(&Selection::Feature("x\"y".into()))).unwrap();
        assert_eq!(v["feature"], "x\"y");
        assert!(v["passage"].is_null());
    }

    #[test]
    fn only_the_declared_host_origin_is_trusted() {
        assert!(origin_allowed(
            "https://news.example",
            Some("https://news.example")
        ));
        assert!(!origin_allowed(
            "https://evil.example",
            Some("https://news.example")
        ));
        assert!(!origin_allowed("null", Some("null")));
        assert!(!origin_allowed("https://news.example", None));
        assert_eq!(host_origin("?host=javascript:alert(1)", ""), None);
        assert_eq!(
            host_origin("", "http://127.0.0.1:8123/x.html"),
            Some("http://127.0.0.1:8123".into())
        );
        assert!(is_embed("?embed") && is_embed("?theme=dark&embed=1") && !is_embed("?embedded"));
    }
}
