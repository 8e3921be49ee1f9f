//! Time: the story's key moments, and which features hold at a given date.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::date::IsoDate;
use crate::i18n::{colon, counted, more_problems, t};
use crate::layer::Feature;
use crate::names::Names;

/// The dates a reader can step through, and the one the map opens on.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Timeline {
    /// The date the map opens on (`YYYY-MM-DD`), usually the article's.
    pub default: String,
    pub moments: Vec<Moment>,
}

/// A key date of the story.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Moment {
    pub date: String,
    pub label: Names,
    /// Passages of the article that speak of this moment.
    #[serde(default)]
    pub passages: Vec<String>,
}

/// What a moment of the timeline changes on the map, against the moment before it
/// (for the first moment, what starts on its very date).
#[derive(Debug, Default, PartialEq)]
pub struct Changes<'a> {
    /// Features that start to hold.
    pub new: Vec<&'a Feature>,
    /// Features that no longer hold.
    pub gone: Vec<&'a Feature>,
    /// Districts handed over since the moment before.
    pub handed_over: Vec<&'a Feature>,
}

/// How many names a caption writes out before "and N more".
const CAPTION_NAMES: usize = 3;

impl Changes<'_> {
    /// Every feature that changes, the new ones first.
    pub fn features(&self) -> impl Iterator<Item = &Feature> {
        self.new
            .iter()
            .chain(&self.gone)
            .chain(&self.handed_over)
            .copied()
    }

    /// The caption of the date in `lang`: each kind of change with the names of its first
    /// few features, or that nothing changes.
    ///
    /// # Examples
    /// ```
    /// # use ceasefire_map::timeline::{tests_support::feature, Changes};
    /// let f = feature();
    /// let changes = Changes { new: vec![&f, &f, &f, &f, &f], handed_over: vec![&f, &f], ..Changes::default() };
    /// assert_eq!(changes.caption("en"), "New on the map: f; f; f and 2 more. Handed over: f and f.");
    /// assert_eq!(changes.caption("fr"), "Apparaissent sur la carte\u{a0}: f\u{a0}; f\u{a0}; f et 2 autres. Transferts effectués\u{a0}: f et f.");
    /// assert_eq!(Changes::default().caption("en"), "No change on the map on this date.");
    /// ```
    pub fn caption(&self, lang: &str) -> String {
        let mut parts = Vec::new();
        for (key, features) in [
            ("changes-new", &self.new),
            ("changes-gone", &self.gone),
            ("changes-handed", &self.handed_over),
        ] {
            if features.is_empty() {
                continue;
            }
            let names: Vec<&str> = features
                .iter()
                .take(CAPTION_NAMES)
                .map(|f| f.name.get(lang))
                .collect();
            let more = features.len().saturating_sub(CAPTION_NAMES);
            // Names may hold commas ("Post no. 8, a village"): semicolons between them.
            let semicolon = if lang == "fr" { "\u{a0}; " } else { "; " };
            let list = match names.split_last() {
                _ if more > 0 => format!("{} {}", names.join(semicolon), more_problems(lang, more)),
                Some((last, first)) if !first.is_empty() => {
                    format!("{} {} {last}", first.join(semicolon), t(lang, "and"))
                }
                _ => names.join(semicolon),
            };
            let head = counted(lang, key, features.len());
            parts.push(format!("{head}{}{list}.", colon(lang)));
        }
        if parts.is_empty() {
            return t(lang, "changes-none").to_string();
        }
        parts.join(" ")
    }
}

impl Timeline {
    /// What the moment at `date` changes on the map, among `features`, against the
    /// moment before it.
    pub fn changes<'a>(
        &self,
        features: impl Iterator<Item = &'a Feature>,
        date: IsoDate,
    ) -> Changes<'a> {
        let before = self
            .moments
            .iter()
            .filter_map(|m| IsoDate::parse(&m.date))
            .filter(|d| *d < date)
            .max();
        let mut changes = Changes::default();
        for f in features {
            let was = match before {
                Some(b) => f.visible_at(b),
                None => f.visible_at(date) && f.valid_from != Some(date),
            };
            let is = f.visible_at(date);
            if is && !was {
                changes.new.push(f);
            } else if was && !is {
                changes.gone.push(f);
            }
            let handed = f
                .handover_date
                .is_some_and(|h| h <= date && before.is_none_or(|b| b < h));
            if handed {
                changes.handed_over.push(f);
            }
        }
        changes
    }

    /// The default date, parsed.
    pub fn default_date(&self) -> Option<IsoDate> {
        IsoDate::parse(&self.default)
    }

    /// The moment on exactly this date.
    pub fn moment(&self, date: IsoDate) -> Option<&Moment> {
        self.moments
            .iter()
            .find(|m| IsoDate::parse(&m.date) == Some(date))
    }
}

impl Feature {
    /// Whether the feature holds on `date`: `valid_from` and `valid_until` both count as
    /// days it holds. Features with only `as_of` (places, borders) always show.
    ///
    /// # Examples
    /// ```
    /// # use ceasefire_map::date::IsoDate;
    /// # let d = |s| IsoDate::parse(s).unwrap();
    /// # let mut f = ceasefire_map::timeline::tests_support::feature();
    /// f.valid_from = Some(d("2020-11-10"));
    /// assert!(!f.visible_at(d("2020-11-09")));
    /// assert!(f.visible_at(d("2020-11-10")));
    /// ```
    pub fn visible_at(&self, date: IsoDate) -> bool {
        self.valid_from.is_none_or(|from| from <= date)
            && self.valid_until.is_none_or(|until| date <= until)
    }

    /// [`Feature::visible_at`] for the date shown, where `None` (a story without a
    /// timeline) shows everything.
    pub fn shown_on(&self, date: Option<IsoDate>) -> bool {
        date.is_none_or(|d| self.visible_at(d))
    }

    /// Whether a district due to be handed over had been on `date`.
    pub fn handed_over_at(&self, date: IsoDate) -> bool {
        self.handover_date.is_some_and(|h| h <= date)
    }

    /// Where a district due to be handed over stands on the date shown: `None` for
    /// features with no handover; pending before it (or when no date is shown), done
    /// from it.
    pub fn handover_on(&self, date: Option<IsoDate>) -> Option<Handover> {
        self.handover_date?;
        Some(match date {
            Some(d) if self.handed_over_at(d) => Handover::Done,
            _ => Handover::Pending,
        })
    }

    /// Whether the feature is drawn: it holds on the date shown and the reader has not
    /// switched its kind off.
    pub fn drawn_on(&self, date: Option<IsoDate>, hidden_kinds: &BTreeSet<String>) -> bool {
        self.shown_on(date) && !hidden_kinds.contains(&self.kind)
    }
}

/// The state of a district due to be handed over, at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handover {
    Pending,
    Done,
}

#[doc(hidden)]
pub mod tests_support {
    use crate::layer::{Accuracy, Feature, Shape};
    use crate::names::Names;

    /// A minimal feature for examples and tests.
    pub fn feature() -> Feature {
        Feature {
            id: "f".into(),
            kind: "k".into(),
            name: Names::from_pairs([("fr", "f"), ("en", "f")]),
            sources: vec![],
            accuracy: Accuracy::Approximate,
            as_of: None,
            valid_from: None,
            valid_until: None,
            handover_date: None,
            note: Names::default(),
            label_at: None,
            facts: vec![],
            shape: Shape::Points(vec![]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::feature;
    use super::*;

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    #[test]
    fn validity_includes_both_ends() {
        let mut f = feature();
        f.valid_from = Some(d("1994-05-12"));
        f.valid_until = Some(d("2020-09-27"));
        let cases = [
            ("1994-05-11", false),
            ("1994-05-12", true),
            ("2020-09-27", true),
            ("2020-09-28", false),
        ];
        for (date, want) in cases {
            assert_eq!(f.visible_at(d(date)), want, "{date}");
        }
        assert!(f.shown_on(None));
        assert!(!f.shown_on(Some(d("2020-09-28"))));
        let mut snapshot = feature();
        snapshot.as_of = Some(d("2020-11-10"));
        assert!(snapshot.visible_at(d("1990-01-01")));
    }

    #[test]
    fn handover_state_follows_the_date() {
        let mut f = feature();
        f.handover_date = Some(d("2020-11-25"));
        assert!(!f.handed_over_at(d("2020-11-19")));
        assert!(f.handed_over_at(d("2020-11-25")));
        assert_eq!(
            f.handover_on(Some(d("2020-11-19"))),
            Some(Handover::Pending)
        );
        assert_eq!(f.handover_on(Some(d("2020-11-25"))), Some(Handover::Done));
        assert_eq!(f.handover_on(None), Some(Handover::Pending));
        let mut hidden = BTreeSet::new();
        assert!(f.drawn_on(None, &hidden));
        hidden.insert(f.kind.clone());
        assert!(!f.drawn_on(None, &hidden));
        f.handover_date = None;
        assert_eq!(f.handover_on(Some(d("2020-11-25"))), None);
    }

    #[test]
    fn moments_are_found_by_date() {
        let t = Timeline {
            default: "2020-11-19".into(),
            moments: vec![Moment {
                date: "2020-11-10".into(),
                label: Names::from_pairs([("fr", "Cessez-le-feu")]),
                passages: vec!["p".into()],
            }],
        };
        assert_eq!(t.default_date(), Some(d("2020-11-19")));
        assert_eq!(t.moment(d("2020-11-10")).unwrap().passages, ["p"]);
        assert!(t.moment(d("2020-11-11")).is_none());
    }
}
