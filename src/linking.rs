//! The two-way index between features and passages, and the links that do not resolve.

use std::collections::BTreeMap;

use crate::error::{DataError, Reason};
use crate::layer::TakenIds;
use crate::story::PassageSpec;

/// Which passages speak of a feature, and which features a passage speaks of.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkIndex {
    features_of: BTreeMap<String, Vec<String>>,
    passages_of: BTreeMap<String, Vec<String>>,
}

impl LinkIndex {
    /// Builds the index from the passages placed in the article (`placed`, in reading
    /// order) and the features that loaded. A link to an unknown feature is dropped with
    /// an error naming the passage and the feature.
    pub fn build<'a>(
        file: &str,
        specs: &[PassageSpec],
        placed: impl IntoIterator<Item = &'a str>,
        features: &TakenIds,
    ) -> (LinkIndex, Vec<DataError>) {
        let mut index = LinkIndex::default();
        let mut errors = Vec::new();
        for passage in placed {
            let Some(spec) = specs.iter().find(|s| s.id == passage) else {
                continue;
            };
            for feature in &spec.features {
                if !features.contains_key(feature) {
                    errors.push(DataError::passage(
                        file,
                        passage,
                        Reason::UnknownFeature(feature.clone()),
                    ));
                    continue;
                }
                push_unique(
                    index.features_of.entry(passage.to_string()).or_default(),
                    feature,
                );
                push_unique(
                    index.passages_of.entry(feature.clone()).or_default(),
                    passage,
                );
            }
        }
        (index, errors)
    }

    /// The features a passage links to, in the order the story gives them.
    pub fn features_of(&self, passage: &str) -> &[String] {
        self.features_of.get(passage).map_or(&[], Vec::as_slice)
    }

    /// The passages that link to a feature, in reading order.
    pub fn passages_of(&self, feature: &str) -> &[String] {
        self.passages_of.get(feature).map_or(&[], Vec::as_slice)
    }

    /// Whether a feature has any passage.
    pub fn is_linked_feature(&self, feature: &str) -> bool {
        self.passages_of.contains_key(feature)
    }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|i| i == item) {
        list.push(item.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(id: &str, features: &[&str]) -> PassageSpec {
        PassageSpec {
            id: id.into(),
            phrase: id.into(),
            occurrence: 1.into(),
            features: features.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn links_both_ways_and_reports_broken_ones() {
        let specs = [
            spec("p-soldats", &["peacekeeper-hq", "peacekeeping-zone"]),
            spec("p-ligne", &["contact-line", "nowhere"]),
            spec("p-couloir", &["lachin-corridor", "peacekeeper-hq"]),
            spec("p-unplaced", &["contact-line"]),
        ];
        let features: TakenIds = [
            "peacekeeper-hq",
            "peacekeeping-zone",
            "contact-line",
            "lachin-corridor",
        ]
        .iter()
        .map(|s| (s.to_string(), String::new()))
        .collect();
        let (index, errors) = LinkIndex::build(
            "story.json",
            &specs,
            ["p-soldats", "p-ligne", "p-couloir"],
            &features,
        );
        assert_eq!(
            index.features_of("p-soldats"),
            ["peacekeeper-hq", "peacekeeping-zone"]
        );
        assert_eq!(
            index.passages_of("peacekeeper-hq"),
            ["p-soldats", "p-couloir"]
        );
        assert_eq!(index.passages_of("contact-line"), ["p-ligne"]);
        assert!(index.features_of("p-unplaced").is_empty());
        assert!(!index.is_linked_feature("nowhere"));
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "story.json: passage \"p-ligne\": links to feature \"nowhere\", which no layer has"
        );
    }
}
