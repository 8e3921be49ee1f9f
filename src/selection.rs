//! What the reader has selected, and what is highlighted because of it (its URL form is
//! in [`crate::url`]).

use std::collections::BTreeSet;

use crate::linking::LinkIndex;

/// The one selected item, if any. Every highlight is derived from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    None,
    Feature(String),
    Passage(String),
}

/// The items marked `data-selected="true"`: the selected one and those linked to it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlight {
    pub features: BTreeSet<String>,
    pub passages: BTreeSet<String>,
}

/// Items whose state changes, with their new state.
pub type Changes<'a> = Vec<(&'a str, bool)>;

impl Highlight {
    /// What changes from `self` to `next`: the features, then the passages, whose state
    /// differs, with their new state (so that only their marks need touching).
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::selection::Highlight;
    /// let before = Highlight { features: ["a".into(), "b".into()].into(), passages: ["p".into()].into() };
    /// let after = Highlight { features: ["b".into(), "c".into()].into(), passages: Default::default() };
    /// let (features, passages) = before.changes(&after);
    /// assert_eq!(features, [("a", false), ("c", true)]);
    /// assert_eq!(passages, [("p", false)]);
    /// ```
    pub fn changes<'a>(&'a self, next: &'a Highlight) -> (Changes<'a>, Changes<'a>) {
        fn diff<'a>(a: &'a BTreeSet<String>, b: &'a BTreeSet<String>) -> Changes<'a> {
            // In id order, as BTreeSet iterates.
            a.symmetric_difference(b)
                .map(|id| (id.as_str(), b.contains(id)))
                .collect()
        }
        (
            diff(&self.features, &next.features),
            diff(&self.passages, &next.passages),
        )
    }
}

impl Selection {
    /// The selection after the reader activates `next`: activating the selected item
    /// again clears the selection.
    pub fn toggled(&self, next: Selection) -> Selection {
        if *self == next {
            Selection::None
        } else {
            next
        }
    }

    /// The selected item and everything linked to it.
    pub fn highlight(&self, index: &LinkIndex) -> Highlight {
        let mut h = Highlight::default();
        match self {
            Selection::None => {}
            Selection::Feature(id) => {
                h.features.insert(id.clone());
                h.passages.extend(index.passages_of(id).iter().cloned());
            }
            Selection::Passage(id) => {
                h.passages.insert(id.clone());
                h.features.extend(index.features_of(id).iter().cloned());
            }
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::PassageSpec;

    #[test]
    fn highlight_follows_links_both_ways() {
        let specs = [PassageSpec {
            id: "p".into(),
            phrase: "p".into(),
            occurrence: 1.into(),
            features: vec!["a".into(), "b".into()],
        }];
        let features = ["a", "b", "c"]
            .iter()
            .map(|s| (s.to_string(), String::new()))
            .collect();
        let (index, _) = LinkIndex::build("s", &specs, ["p"], &features);
        let h = Selection::Passage("p".into()).highlight(&index);
        assert_eq!(h.features.iter().collect::<Vec<_>>(), ["a", "b"]);
        assert!(h.passages.contains("p"));
        let h = Selection::Feature("b".into()).highlight(&index);
        assert!(h.passages.contains("p") && h.features.contains("b") && !h.features.contains("a"));
        assert_eq!(Selection::None.highlight(&index), Highlight::default());
    }

    #[test]
    fn activating_twice_clears() {
        let s = Selection::Feature("a".into());
        assert_eq!(s.toggled(Selection::Feature("a".into())), Selection::None);
        assert_eq!(
            s.toggled(Selection::Passage("p".into())),
            Selection::Passage("p".into())
        );
    }
}
