//! The interface's own words in each language it speaks. Story content is never here:
//! it comes from the data.

/// The languages of the interface; the first is the default.
pub const UI_LANGS: [&str; 2] = ["fr", "en"];

/// The interface's words: `(key, French, English)`.
pub const WORDS: &[(&str, &str, &str)] = &[

        ("legend", "Légende", "Legend"),
        ("timeline", "Date affichée", "Date shown"),
        ("language", "Langue", "Language"),
        ("retry", "Réessayer", "Try again"),
        ("export-svg", "Exporter cette vue en SVG", "Export this view as SVG"),
        ("export-png", "Exporter cette vue en PNG", "Export this view as PNG"),
        // The name of an exported file, before its extension.
        ("export-file", "carte", "map"),
        // Quotation marks around a passage quoted in the details.
        ("quote-open", "«\u{a0}", "“"),
        ("quote-close", "\u{a0}»", "”"),
        ("noscript",
            "Sans JavaScript, la carte ne bouge pas : ses liens mènent à l’article.",
            "Without JavaScript the map stays still: its links lead to the article.",
        ),
        ("feature-list", "Liste des éléments", "List of features"),
        ("show-map", "Revenir à la carte", "Back to the map"),
        ("map-keys", 
            "Flèches : d’un élément de la carte à l’autre ; Entrée : choisir ; Maj + flèches : déplacer la carte ; + et − : zoomer ; 0 : vue d’ensemble.",
            "Arrows: from one feature of the map to the next; Enter: select; Shift + arrows: move the map; + and −: zoom; 0: reset.",
        ),
        ("skip-to-article", "Aller à l’article", "Skip to the article"),
        ("map", "Carte", "Map"),
        ("article", "Article", "Article"),
        ("loading", "Chargement de la carte…", "Loading the map…"),
        ("zoom-in", "Zoom avant", "Zoom in"),
        ("zoom-out", "Zoom arrière", "Zoom out"),
        ("zoom-reset", "Vue d’ensemble", "Reset view"),
        ("close", "Fermer", "Close"),
        ("accuracy", "Précision", "Accuracy"),
        ("exact", "exacte (donnée de référence)", "exact (reference data)"),
        ("approximate", 
            "approximative (tracée d’après des rapports)",
            "approximate (drawn from reports)",
        ),
        ("schematic", 
            "schématique (tracé indicatif)",
            "schematic (indicative only)",
        ),
        ("legend-approximate", "Tireté : tracé approximatif", "Dashed: approximate"),
        ("legend-schematic", "Pointillé : tracé schématique", "Dotted: schematic"),
        ("as-of", "État au", "As of"),
        ("valid-from", "Depuis le", "From"),
        ("valid-until", "Jusqu’au", "Until"),
        ("handover", "Restitution prévue le", "Handover due"),
        ("sources", "Sources", "Sources"),
        ("other-names", "Autres noms", "Other names"),
        ("in-article", "Dans l’article", "In the article"),
        ("not-in-article", 
            "L’article n’en parle pas.",
            "The article does not mention it.",
        ),
        ("problems", "Problèmes dans les données", "Problems in the data"),
        // The timeline's caption: what a date changes on the map.
        ("changes-new-1", "Apparaît sur la carte", "New on the map"),
        ("changes-new-n", "Apparaissent sur la carte", "New on the map"),
        ("changes-gone-1", "Quitte la carte", "Off the map"),
        ("changes-gone-n", "Quittent la carte", "Off the map"),
        ("changes-handed-1", "Transfert effectué", "Handed over"),
        ("changes-handed-n", "Transferts effectués", "Handed over"),
        ("changes-none", "Aucun changement sur la carte à cette date.", "No change on the map on this date."),
        ("and", "et", "and"),
        ("legend-handover-pending", "Transfert à venir (à la date affichée)", "To be handed over (on the date shown)"),
        ("legend-handover-done", "Transfert effectué (à la date affichée)", "Handed over (on the date shown)"),
        ("problems-more-1", "et 1 autre", "and 1 more"),
        ("problems-more-n", "et {n} autres", "and {n} more"),
        ("fatal", "La carte n’a pas pu se charger", "The map could not load"),
        ("published", "Publié le", "Published"),
        ("hint", 
            "Cliquez sur un lieu de la carte ou un passage souligné du texte.",
            "Click a place on the map or an underlined passage of the text.",
        ),
        ("status-feature", "Sélection : {name}", "{name} selected"),
        ("status-passage", "Passage sélectionné", "Passage selected"),
        ("status-passages-0", "l’article n’en parle pas", "the article does not mention it"),
        ("status-passages-1", "1 passage de l’article", "1 passage of the article"),
        ("status-passages-n", "{n} passages de l’article", "{n} passages of the article"),
        ("status-places-0", "aucun lieu sur la carte à cette date", "no place on the map at this date"),
        ("status-places-1", "1 lieu sur la carte", "1 place on the map"),
        ("status-places-n", "{n} lieux sur la carte", "{n} places on the map"),
        ("map-label", 
            "Carte interactive : chaque élément est lié aux passages de l’article",
            "Interactive map: each feature is linked to passages of the article",
        ),
];

/// A word or phrase of the interface, in `lang` (French for an unknown language). An
/// unknown key is shown as itself, so a missing word is seen, never blank.
///
/// # Examples
/// ```
/// use ceasefire_map::i18n::t;
/// assert_eq!(t("en", "legend"), "Legend");
/// assert_eq!(t("xx", "legend"), "Légende");
/// assert_eq!(t("en", "no-such-key"), "no-such-key");
/// ```
pub fn t<'a>(lang: &str, key: &'a str) -> &'a str {
    match WORDS.iter().find(|(k, _, _)| *k == key) {
        Some((_, _, en)) if lang == "en" => en,
        Some((_, fr, _)) => fr,
        None => key,
    }
}

/// What the status region says when a feature is selected: its name and how many
/// passages of the article speak of it.
///
/// # Examples
/// ```
/// use ceasefire_map::i18n::selected_feature;
/// assert_eq!(selected_feature("en", "Lachin corridor", 2), "Lachin corridor selected: 2 passages of the article");
/// assert_eq!(selected_feature("fr", "Chouchi", 1), "Sélection : Chouchi — 1 passage de l’article");
/// ```
pub fn selected_feature(lang: &str, name: &str, passages: usize) -> String {
    let what = t(lang, "status-feature").replace("{name}", name);
    format!(
        "{what}{}{}",
        dash(lang),
        counted(lang, "status-passages", passages)
    )
}

/// What the status region says when a passage is selected: how many places of the map
/// it links to at the date shown.
///
/// # Examples
/// ```
/// use ceasefire_map::i18n::selected_passage;
/// assert_eq!(selected_passage("en", 3), "Passage selected: 3 places on the map");
/// // French puts a no-break space before the colon.
/// assert_eq!(selected_passage("fr", 1), "Passage sélectionné\u{a0}: 1 lieu sur la carte");
/// ```
pub fn selected_passage(lang: &str, places: usize) -> String {
    format!(
        "{}{}{}",
        t(lang, "status-passage"),
        colon(lang),
        counted(lang, "status-places", places)
    )
}

/// Between a selected name and what it links to: French keeps its colon for the list
/// after "Sélection".
fn dash(lang: &str) -> &'static str {
    if lang == "fr" {
        " — "
    } else {
        ": "
    }
}

/// The last line of a problem list cut short: how many more problems there are.
///
/// # Examples
/// ```
/// use ceasefire_map::i18n::more_problems;
/// assert_eq!(more_problems("en", 12), "and 12 more");
/// assert_eq!(more_problems("fr", 1), "et 1 autre");
/// ```
pub fn more_problems(lang: &str, n: usize) -> String {
    counted(lang, "problems-more", n)
}

/// The phrase `{key}-0`, `{key}-1` or `{key}-n` for `n`, with `{n}` written out.
pub fn counted(lang: &str, key: &str, n: usize) -> String {
    let key = match n {
        0 => format!("{key}-0"),
        1 => format!("{key}-1"),
        _ => format!("{key}-n"),
    };
    WORDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, fr, en)| if lang == "en" { en } else { fr })
        .unwrap_or(&key)
        .replace("{n}", &n.to_string())
}

/// The separator before a list or a value: French puts a space before the colon.
pub fn colon(lang: &str) -> &'static str {
    if lang == "fr" {
        "\u{a0}: "
    } else {
        ": "
    }
}

/// The name of a language, written in itself (for the language switch).
pub fn endonym(code: &str) -> &'static str {
    match code {
        "fr" => "Français",
        "en" => "English",
        _ => "",
    }
}

/// The name of a language, written in the interface language.
pub fn language_name(ui: &str, code: &str) -> &'static str {
    match (ui, code) {
        ("en", "fr") => "French",
        ("en", "en") => "English",
        ("en", "hy") => "Armenian",
        ("en", "az") => "Azerbaijani",
        ("en", "ru") => "Russian",
        ("en", "hy-Armn") => "Armenian script",
        (_, "hy-Armn") => "alphabet arménien",
        (_, "fr") => "français",
        (_, "en") => "anglais",
        (_, "hy") => "arménien",
        (_, "az") => "azerbaïdjanais",
        (_, "ru") => "russe",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages() {
        for (key, fr, en) in WORDS {
            assert!(!fr.is_empty() && !en.is_empty(), "{key}");
            assert_eq!(t("fr", key), *fr);
            assert_eq!(t("en", key), *en);
        }
        assert_eq!(t("fr", "no-such-key"), "no-such-key");
    }

    #[test]
    fn status_phrases_count_in_both_languages() {
        for lang in UI_LANGS {
            for n in [0, 1, 2, 13] {
                let feature = selected_feature(lang, "X", n);
                let passage = selected_passage(lang, n);
                for text in [&feature, &passage] {
                    assert!(!text.contains('{') && !text.contains("status-"), "{text}");
                }
                if n > 1 {
                    assert!(feature.contains(&n.to_string()) && passage.contains(&n.to_string()));
                }
            }
        }
        assert_eq!(
            selected_passage("en", 0),
            "Passage selected: no place on the map at this date"
        );
        assert_eq!(
            selected_feature("fr", "Bakou", 0),
            "Sélection : Bakou — l’article n’en parle pas"
        );
    }

    /// Every key the shell asks for exists: those written as `t(…, "key")`, and those
    /// passed through a variable (accuracy flags, date rows, legend keys).
    #[test]
    fn every_key_the_shell_uses_exists() {
        fn files(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    files(&path, out);
                } else {
                    out.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut texts = Vec::new();
        files(std::path::Path::new("src/ui"), &mut texts);
        let mut used: Vec<String> = Vec::new();
        for text in &texts {
            for (at, _) in text.match_indices("t(&") {
                let line = text[at..].lines().next().unwrap_or("");
                let Some(quote) = line.find(", \"") else {
                    continue;
                };
                if !line[..quote].contains('"') {
                    let key = &line[quote + 3..];
                    used.push(key[..key.find('"').unwrap()].to_string());
                }
            }
        }
        assert!(used.len() > 20, "{used:?}");
        let indirect = [
            "exact",
            "approximate",
            "schematic",
            "as-of",
            "valid-from",
            "valid-until",
            "handover",
            "legend-approximate",
            "legend-schematic",
            "zoom-in",
            "zoom-out",
            "zoom-reset",
            "export-svg",
            "export-png",
        ];
        for key in used.iter().map(String::as_str).chain(indirect) {
            assert!(
                WORDS.iter().any(|(k, _, _)| *k == key),
                "no word for \"{key}\""
            );
        }
    }
}
