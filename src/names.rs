//! Text given per language in the data: place names, titles, notes.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Text by language code (`fr`, `en`, `hy`, `az`, ...).
///
/// Contested places carry one name per language; none of them is "the" name. The map
/// shows the name in the reader's language and lists the others beside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Names(BTreeMap<String, String>);

impl Names {
    /// Builds names from `(language, text)` pairs.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::names::Names;
    /// let n = Names::from_pairs([("fr", "Chouchi"), ("az", "Şuşa")]);
    /// assert_eq!(n.get("fr"), "Chouchi");
    /// assert_eq!(n.get("de"), "Chouchi"); // falls back to French, then English
    /// ```
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Names(
            pairs
                .into_iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect(),
        )
    }

    /// The text in `lang`, else in French, else in English, else any, else "".
    pub fn get(&self, lang: &str) -> &str {
        [lang, "fr", "en"]
            .iter()
            .find_map(|l| self.0.get(*l))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether the text exists in `lang` itself (no fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some_and(|t| !t.trim().is_empty())
    }

    /// The names in the other languages that differ from the one shown in `lang`,
    /// in a fixed (alphabetical by language code) order, so no side comes first by choice.
    pub fn others(&self, lang: &str) -> Vec<(&str, &str)> {
        let shown = self.get(lang);
        let mut seen: Vec<&str> = vec![shown];
        let mut out = Vec::new();
        for (l, t) in &self.0 {
            if !seen.contains(&t.as_str()) {
                seen.push(t);
                out.push((l.as_str(), t.as_str()));
            }
        }
        out
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.0.values().all(|t| t.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_names_skip_duplicates_and_the_shown_one() {
        let n = Names::from_pairs([
            ("en", "Lachin"),
            ("fr", "Latchine"),
            ("hy", "Berdzor"),
            ("az", "Laçın"),
        ]);
        assert_eq!(
            n.others("fr"),
            vec![("az", "Laçın"), ("en", "Lachin"), ("hy", "Berdzor")]
        );
        let same = Names::from_pairs([("en", "Goris"), ("fr", "Goris"), ("hy", "Goris")]);
        assert!(same.others("fr").is_empty());
    }

    #[test]
    fn missing_text_falls_back_then_is_empty() {
        let n = Names::from_pairs([("en", "Armenia")]);
        assert_eq!(n.get("fr"), "Armenia");
        assert!(!n.has("fr"));
        assert_eq!(Names::default().get("fr"), "");
        assert!(Names::default().is_empty());
    }
}
