//! The article as blocks of text with linked phrases ("passages") cut out of it.
//!
//! The text stays verbatim: passages are found in it by their exact phrase, never
//! typed again, so the article a reader sees is the article that was published.

use crate::error::{DataError, Reason};
use crate::story::PassageSpec;

/// The article, ready to render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    pub blocks: Vec<Block>,
}

/// A paragraph, or a short line that reads as a subheading.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub heading: bool,
    pub spans: Vec<Span>,
}

/// A run of plain text, or a linked passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Passage { id: String, text: String },
}

impl Article {
    /// The text as published: blocks joined by blank lines, passages as plain text.
    pub fn plain_text(&self) -> String {
        self.blocks
            .iter()
            .map(|b| {
                b.spans
                    .iter()
                    .map(|s| match s {
                        Span::Text(t) | Span::Passage { text: t, .. } => t.as_str(),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Ids of the passages placed in the text, in reading order.
    pub fn passage_ids(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .flat_map(|b| &b.spans)
            .filter_map(|s| match s {
                Span::Passage { id, .. } => Some(id.as_str()),
                Span::Text(_) => None,
            })
    }
}

/// Cuts `text` into blocks and places every passage in it. A passage whose phrase is
/// missing, that overlaps another or that crosses a paragraph break is left out with
/// an error (`file` names the manifest that declares it).
///
/// # Examples
/// ```
/// use ceasefire_map::article::{build_article, Span};
/// use ceasefire_map::story::PassageSpec;
/// let spec = PassageSpec { id: "c".into(), phrase: "couloir".into(), occurrence: 1.into(), features: vec![] };
/// let (a, errors) = build_article("story.json", "Le couloir relie.", &[spec], "fr", "fr");
/// assert!(errors.is_empty());
/// assert_eq!(a.blocks[0].spans[1], Span::Passage { id: "c".into(), text: "couloir".into() });
/// ```
pub fn build_article(
    file: &str,
    text: &str,
    specs: &[PassageSpec],
    lang: &str,
    original: &str,
) -> (Article, Vec<DataError>) {
    let text = text.replace("\r\n", "\n");
    let mut errors = Vec::new();
    let mut placed: Vec<(usize, usize, &str)> = Vec::new();
    for spec in specs {
        let fail = |reason| DataError::passage(file, spec.id.clone(), reason);
        let Some(phrase) = spec.phrase_in(lang, original) else {
            errors.push(fail(Reason::NoPhraseIn(lang.to_string())));
            continue;
        };
        let occurrence = spec.occurrence_in(lang);
        if phrase.is_empty() || occurrence == 0 {
            errors.push(fail(Reason::EmptyPhrase));
            continue;
        }
        let Some(start) = word_matches(&text, phrase).nth(occurrence - 1) else {
            errors.push(fail(Reason::PhraseNotFound {
                phrase: phrase.to_string(),
                occurrence,
                found: word_matches(&text, phrase).count(),
            }));
            continue;
        };
        let end = start + phrase.len();
        if phrase.contains("\n\n") {
            errors.push(fail(Reason::PhraseCrossesParagraph));
        } else if let Some(other) = placed.iter().find(|(s, e, _)| start < *e && *s < end) {
            errors.push(fail(Reason::Overlap(other.2.to_string())));
        } else if placed.iter().any(|(_, _, id)| *id == spec.id) {
            errors.push(fail(Reason::DuplicatePassage));
        } else {
            placed.push((start, end, &spec.id));
        }
    }
    placed.sort_unstable();

    let mut blocks = Vec::new();
    let mut offset = 0;
    for para in text.split("\n\n") {
        let (p_start, p_end) = (offset, offset + para.len());
        offset = p_end + 2;
        let trimmed = para.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = para.len() - para.trim_start().len();
        let (t_start, t_end) = (p_start + lead, p_start + lead + trimmed.len());
        let mut spans = Vec::new();
        let mut cursor = t_start;
        for &(s, e, id) in placed
            .iter()
            .filter(|(s, _, _)| *s >= t_start && *s < t_end)
        {
            if s > cursor {
                spans.push(Span::Text(text[cursor..s].to_string()));
            }
            spans.push(Span::Passage {
                id: id.to_string(),
                text: text[s..e].to_string(),
            });
            cursor = e;
        }
        if cursor < t_end {
            spans.push(Span::Text(text[cursor..t_end].to_string()));
        }
        blocks.push(Block {
            heading: looks_like_heading(trimmed),
            spans,
        });
    }
    (Article { blocks }, errors)
}

/// Where `phrase` starts in `text`, each time it stands as whole words: "Armenia" is
/// not found inside "Armenian", but is in "l’Armenia" or "Armenia's" (letters and digits
/// of any script make words, see [`is_word_char`]; apostrophes, hyphens, spaces and
/// punctuation part them). Matches do not overlap.
///
/// # Examples
/// ```
/// use ceasefire_map::article::word_matches;
/// let text = "Armenian forces left Armenia’s border; l’Arménie, Arménie.";
/// assert_eq!(word_matches(text, "Armenia").collect::<Vec<_>>(), [21]);
/// assert_eq!(word_matches(text, "Arménie").count(), 2);
/// ```
pub fn word_matches<'a>(text: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    let word = is_word_char;
    let starts_word = phrase.chars().next().is_some_and(word);
    let ends_word = phrase.chars().next_back().is_some_and(word);
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = text.get(from..).and_then(|rest| rest.find(phrase)) {
            let start = from + i;
            let end = start + phrase.len();
            let apart_before = !starts_word || !text[..start].chars().next_back().is_some_and(word);
            let apart_after = !ends_word || !text[end..].chars().next().is_some_and(word);
            if apart_before && apart_after && !phrase.is_empty() {
                from = end;
                return Some(start);
            }
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// Whether `c` is part of a word: an ASCII letter or digit, or any character past
/// Latin-1's signs (the letters of every other script) but the punctuation blocks
/// (general, Armenian, CJK) and × ÷. Unicode's own letter tables would add kilobytes to
/// the app for the same answer on text.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c > '\u{bf}'
            && !matches!(
                c,
                '\u{d7}'
                    | '\u{f7}'
                    | '\u{55a}'..='\u{55f}'
                    | '\u{589}'..='\u{58a}'
                    | '\u{2000}'..='\u{206f}'
                    | '\u{3000}'..='\u{303f}'
            ))
}

/// A single short line with no closing punctuation reads as a subheading.
fn looks_like_heading(para: &str) -> bool {
    !para.contains('\n')
        && para.chars().count() <= 90
        && !para.ends_with(['.', '!', '?', ':', ';', '»', '"', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(id: &str, phrase: &str, occurrence: usize) -> PassageSpec {
        PassageSpec {
            id: id.into(),
            phrase: phrase.into(),
            occurrence: occurrence.into(),
            features: vec!["f".into()],
        }
    }

    const TEXT: &str = "Le Haut-Karabakh et la ligne de contact.\n\nAccord au Haut-Karabakh\n\nLa Russie a déployé ses soldats à la ligne de contact au Haut-Karabakh et dans le couloir de Latchine.";

    fn flat(a: &Article) -> String {
        a.blocks
            .iter()
            .map(|b| {
                b.spans
                    .iter()
                    .map(|s| match s {
                        Span::Text(t) => t.clone(),
                        Span::Passage { id, text } => format!("[{id}:{text}]"),
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn places_phrases_by_occurrence_and_keeps_the_text_verbatim() {
        let (a, errors) = build_article(
            "s.json",
            TEXT,
            &[
                spec("hk3", "Haut-Karabakh", 3),
                spec("lc2", "ligne de contact", 2),
                spec("cl", "couloir de Latchine", 1),
                spec("hk1", "Haut-Karabakh", 1),
            ],
            "fr",
            "fr",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            flat(&a),
            "Le [hk1:Haut-Karabakh] et la ligne de contact.|Accord au Haut-Karabakh|\
             La Russie a déployé ses soldats à la [lc2:ligne de contact] au [hk3:Haut-Karabakh] et dans le [cl:couloir de Latchine]."
        );
        assert!(!a.blocks[0].heading);
        assert!(a.blocks[1].heading);
        assert_eq!(
            a.passage_ids().collect::<Vec<_>>(),
            ["hk1", "lc2", "hk3", "cl"]
        );
        assert_eq!(a.plain_text(), TEXT);
    }

    #[test]
    fn phrases_are_found_on_word_boundaries_only() {
        for c in ['é', 'ç', 'œ', 'Ա', 'ə', 'Ş', 'я', 'a', 'Z', '7'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [
            ' ', '\u{a0}', '\u{202f}', '’', '\'', '-', '–', '«', '»', '“', '.', '։', '×',
        ] {
            assert!(!is_word_char(c), "{c:?}");
        }
        let text = "L’Arménie et l'Arménie, les Arméniens, Arménie-Azerbaïdjan. Armenia's Armenian 2020 20201";
        let found = |phrase: &str| word_matches(text, phrase).collect::<Vec<usize>>();
        assert_eq!(found("Arménie").len(), 3);
        assert!(found("Arménien").is_empty());
        assert_eq!(found("Armenia").len(), 1);
        assert_eq!(found("2020").len(), 1);
        assert_eq!(found("Azerbaïdjan").len(), 1);
        assert!(found("menie").is_empty());
        // A phrase that starts or ends with punctuation is bounded only on its word side.
        assert_eq!(found(", les").len(), 1);
        assert!(found("s Arm").is_empty());
        let (a, errors) = build_article("s.json", text, &[spec("p", "Arménie", 3)], "fr", "fr");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(flat(&a), "L’Arménie et l'Arménie, les Arméniens, [p:Arménie]-Azerbaïdjan. Armenia's Armenian 2020 20201");
    }

    #[test]
    fn bad_passages_are_reported_and_left_out() {
        let cases = [
            (
                spec("x", "Nakhitchevan", 1),
                "passage \"x\": \"Nakhitchevan\" is not in the article",
            ),
            (
                spec("x", "Haut-Karabakh", 4),
                "occurrence 4 of \"Haut-Karabakh\" is not in the article: it is there 3 times",
            ),
            (
                spec("x", "Russie", 2),
                "occurrence 2 of \"Russie\" is not in the article: it is there once",
            ),
            // Inside a word is no match: "Karabakh" is there, "Kara" is not.
            (spec("x", "Kara", 1), "\"Kara\" is not in the article"),
            (spec("x", "ligne de", 1), "overlaps passage \"lc\""),
            (
                spec("x", "contact.\n\nAccord", 1),
                "crosses a paragraph break",
            ),
            (spec("x", "", 1), "the phrase is empty"),
            (spec("lc", "Accord", 1), "used twice"),
        ];
        for (bad, want) in cases {
            let (a, errors) = build_article(
                "s.json",
                TEXT,
                &[spec("lc", "ligne de contact", 1), bad],
                "fr",
                "fr",
            );
            assert_eq!(a.passage_ids().count(), 1);
            assert_eq!(errors.len(), 1);
            assert!(errors[0].to_string().contains(want), "{}", errors[0]);
        }
    }
}
