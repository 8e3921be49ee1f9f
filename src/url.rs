//! The URL hash: the selection, and the date, language and view when they are not the
//! story's defaults, as `key=value` pairs joined by `&` (`#feature=lachin-corridor`), so
//! more state can join it later without breaking links already shared. Also the query
//! string's theme.

use crate::date::IsoDate;
use crate::selection::Selection;
pub use crate::viewport::ViewSpec;

impl Selection {
    /// Reads the selection from a URL hash (with or without the leading `#`).
    /// Unknown keys are ignored; an empty or unreadable hash selects nothing.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::selection::Selection;
    /// assert_eq!(Selection::from_hash("#feature=contact-line"), Selection::Feature("contact-line".into()));
    /// assert_eq!(Selection::from_hash("#passage=p1&lang=en"), Selection::Passage("p1".into()));
    /// assert_eq!(Selection::from_hash(""), Selection::None);
    /// ```
    pub fn from_hash(hash: &str) -> Selection {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        for pair in hash.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            if value.is_empty() {
                continue;
            }
            match key {
                "feature" => return Selection::Feature(value),
                "passage" => return Selection::Passage(value),
                _ => {}
            }
        }
        Selection::None
    }

    /// The hash for this selection: `#feature=ID`, `#passage=ID`, or `""`.
    pub fn to_hash(&self) -> String {
        match self {
            Selection::None => String::new(),
            Selection::Feature(id) => format!("#feature={}", percent_encode(id)),
            Selection::Passage(id) => format!("#passage={}", percent_encode(id)),
        }
    }
}

/// Everything the URL hash holds: the selection, and the date, language and view when
/// they are not the defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrlState {
    pub selection: Selection,
    pub date: Option<IsoDate>,
    pub lang: Option<String>,
    pub view: Option<ViewSpec>,
}

impl ViewSpec {
    /// Reads `lon,lat,zoom`.
    pub fn parse(text: &str) -> Option<ViewSpec> {
        let mut parts = text.split(',').map(|p| crate::svg::parse_num(p.trim()));
        let (lon, lat, zoom) = (parts.next()??, parts.next()??, parts.next()??);
        let ok = (-180.0..=180.0).contains(&lon)
            && (-85.0..=85.0).contains(&lat)
            && (1.0..=64.0).contains(&zoom)
            && parts.next().is_none();
        ok.then_some(ViewSpec { lon, lat, zoom })
    }
}

impl std::fmt::Display for ViewSpec {
    /// `lon,lat,zoom` with up to 4, 4 and 2 decimals (about 10 m; enough for any screen).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::svg::num;
        let (lon, lat, zoom) = (num(self.lon, 4), num(self.lat, 4), num(self.zoom, 2));
        write!(f, "{lon},{lat},{zoom}")
    }
}

impl UrlState {
    /// Reads a hash such as `#feature=shusha&date=2020-11-08&lang=en`; parts that are
    /// missing or unreadable are `None`.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::selection::Selection;
    /// use ceasefire_map::url::UrlState;
    /// let s = UrlState::from_hash("#passage=p1&date=2020-11-10&lang=en");
    /// assert_eq!(s.selection, Selection::Passage("p1".into()));
    /// assert_eq!(s.date.unwrap().to_string(), "2020-11-10");
    /// assert_eq!(s.to_hash(), "#passage=p1&date=2020-11-10&lang=en");
    /// ```
    pub fn from_hash(hash: &str) -> UrlState {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let value = |key: &str| {
            hash.split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(k, _)| *k == key)
                .map(|(_, v)| percent_decode(v))
        };
        UrlState {
            selection: Selection::from_hash(hash),
            date: value("date").and_then(|d| IsoDate::parse(&d)),
            lang: value("lang").filter(|l| {
                !l.is_empty()
                    && l.len() <= 8
                    && l.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
            }),
            view: value("view").and_then(|v| ViewSpec::parse(&v)),
        }
    }

    /// The hash for this state (`""` when everything is default).
    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        let selection = self.selection.to_hash();
        if let Some(s) = selection.strip_prefix('#') {
            parts.push(s.to_string());
        }
        if let Some(d) = self.date {
            parts.push(format!("date={d}"));
        }
        if let Some(l) = &self.lang {
            parts.push(format!("lang={}", percent_encode(l)));
        }
        if let Some(v) = &self.view {
            parts.push(format!("view={v}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("#{}", parts.join("&"))
        }
    }
}

/// The colour theme a host page forces with `?theme=light` or `?theme=dark` in the query
/// string (`None`: follow the reader's system).
///
/// # Examples
/// ```
/// use ceasefire_map::url::theme_from_query;
/// assert_eq!(theme_from_query("?embed&theme=dark"), Some("dark"));
/// assert_eq!(theme_from_query("?theme=<b>"), None);
/// ```
pub fn theme_from_query(search: &str) -> Option<&'static str> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "theme")
        .and_then(|(_, v)| match v {
            "light" => Some("light"),
            "dark" => Some("dark"),
            _ => None,
        })
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (invalid ones are kept as they are).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok();
        match (bytes[i], hex().and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_round_trips() {
        let cases = [
            Selection::None,
            Selection::Feature("lachin-corridor".into()),
            Selection::Passage("p-couloir".into()),
            Selection::Feature("odd id/é&x=1".into()),
        ];
        for s in cases {
            assert_eq!(Selection::from_hash(&s.to_hash()), s, "{}", s.to_hash());
        }
    }

    #[test]
    fn reads_hashes_written_by_hand() {
        let cases = [
            ("feature=shusha", Selection::Feature("shusha".into())),
            ("#lang=fr&passage=p2", Selection::Passage("p2".into())),
            ("#feature=", Selection::None),
            ("#nonsense", Selection::None),
            ("#feature=%zz", Selection::Feature("%zz".into())),
        ];
        for (hash, want) in cases {
            assert_eq!(Selection::from_hash(hash), want, "{hash}");
        }
    }

    #[test]
    fn url_state_round_trips_and_ignores_junk() {
        let cases = [
            "",
            "#feature=shusha",
            "#date=2020-09-27",
            "#passage=p&date=2020-12-01&lang=en",
            "#lang=fr",
            "#feature=a&view=46.75,39.82,4",
        ];
        for hash in cases {
            assert_eq!(UrlState::from_hash(hash).to_hash(), hash);
        }
        let junk = UrlState::from_hash("#date=yesterday&lang=<script>&feature=a&view=1,2");
        assert_eq!(junk.date, None);
        assert_eq!(junk.lang, None);
        assert_eq!(junk.view, None);
        for bad in ["1,2,3,4", "200,40,2", "46,40,0.5", "a,b,c", ""] {
            assert_eq!(ViewSpec::parse(bad), None, "{bad}");
        }
        assert_eq!(junk.selection, Selection::Feature("a".into()));
    }
}
