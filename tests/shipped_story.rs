//! The shipped story loads with no problem at all, has the contract's ids, and links
//! every passage both ways. Runs natively on the files in `geodata/`.

use std::collections::BTreeSet;
use std::path::Path;

use ceasefire_map::layer::Accuracy;
use ceasefire_map::model::Model;
use ceasefire_map::validate::{load, read_folder};

fn shipped() -> Model {
    let files = read_folder(Path::new("geodata")).expect("geodata/ reads");
    load(&files).expect("story.json parses")
}

#[test]
fn the_shipped_story_loads_without_a_single_problem() {
    let model = shipped();
    let problems: Vec<String> = model.problems.iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "problems:\n{}", problems.join("\n"));
}

#[test]
fn the_contract_ids_exist() {
    let model = shipped();
    let ids: BTreeSet<&str> = model.features().map(|f| f.id.as_str()).collect();
    for id in [
        "nagorno-karabakh",
        "armenia",
        "azerbaijan",
        "contact-line",
        "peacekeeping-zone",
        "lachin-corridor",
        "kalbajar-district",
        "agdam-district",
        "lachin-district",
        "stepanakert",
        "shusha",
        "lachin",
        "goris",
        "baku",
        "yerevan",
    ] {
        assert!(ids.contains(id), "missing feature {id}");
    }
    assert!(ids.iter().any(|id| id.starts_with("peacekeeper-")));
    for district in ["kalbajar-district", "agdam-district", "lachin-district"] {
        assert!(
            model.feature(district).unwrap().handover_date.is_some(),
            "{district}"
        );
    }
}

#[test]
fn hand_drawn_features_are_never_exact_and_all_carry_names_and_sources() {
    let model = shipped();
    let hand_drawn = ["contact-line", "peacekeeping-zone", "lachin-corridor"];
    for f in model.features() {
        assert!(
            f.name.has("fr") && f.name.has("en"),
            "{}: names fr and en",
            f.id
        );
        assert!(!f.sources.is_empty(), "{}: sources", f.id);
        if hand_drawn.contains(&f.id.as_str()) || f.id.starts_with("peacekeeper-") {
            assert_ne!(f.accuracy, Accuracy::Exact, "{} is hand-drawn", f.id);
        }
    }
}

#[test]
fn the_article_is_verbatim_and_its_key_phrases_are_linked() {
    let model = shipped();
    let text = std::fs::read_to_string("geodata/article.fr.txt").unwrap();
    assert_eq!(model.article.plain_text(), text.trim_end());
    // The English translation carries every passage of the original.
    let original: Vec<&str> = model.article.passage_ids().collect();
    let mut english: Vec<&str> = model.article_in("en").passage_ids().collect();
    english.sort_unstable();
    let mut sorted = original.clone();
    sorted.sort_unstable();
    assert_eq!(english, sorted);
    // One sentence, three targets (the corridor, the line, the peacekeepers).
    for (passage, feature) in [
        ("p-couloir-latchine", "lachin-corridor"),
        ("p-ligne-de-contact", "contact-line"),
        ("p-soldats-paix", "peacekeeper-hq"),
    ] {
        assert!(model
            .index
            .features_of(passage)
            .iter()
            .any(|f| f == feature));
        assert!(model
            .index
            .passages_of(feature)
            .iter()
            .any(|p| p == passage));
    }
}

#[test]
fn lines_and_outlines_of_selectable_kinds_stand_out_at_3_to_1() {
    let model = shipped();
    // The land the map is drawn on.
    let land = model
        .story
        .style("country")
        .fill
        .expect("countries have a fill");
    for (kind, style) in &model.story.kinds {
        if !style.interactive || style.label.is_empty() {
            continue;
        }
        // Points stand out by their fill (their stroke is a white halo), lines and areas
        // by their stroke.
        let is_point = model
            .features()
            .find(|f| &f.kind == kind)
            .is_some_and(|f| matches!(f.shape, ceasefire_map::layer::Shape::Points(_)));
        let colour = if is_point { &style.fill } else { &style.stroke };
        let colour = colour.as_deref().unwrap_or("#555555");
        let ratio = ceasefire_map::story::contrast_ratio(colour, &land).unwrap();
        assert!(ratio >= 3.0, "{kind}: {colour} on {land} is {ratio:.2}:1");
    }
}

#[test]
fn every_line_and_area_in_view_draws_at_every_zoom_within_the_vertex_budget() {
    use ceasefire_map::screen::Screen;
    use ceasefire_map::shape::Shape;
    use ceasefire_map::svg::path::{Detail, VERTEX_BUDGET};

    let model = shipped();
    let detail = Detail::new(model.features().map(|f| (f.id.as_str(), &f.shape)));
    // The shipped story is far under the map's budget: tight budgets test the cut too.
    let line_ends: usize = model
        .features()
        .map(|f| match &f.shape {
            Shape::Lines(lines) => 2 * lines.len(),
            _ => 0,
        })
        .sum();
    let whole = Screen::fitted(model.extent().unwrap(), 800.0, 600.0);
    for budget in [300, 1_000, VERTEX_BUDGET] {
        for k in [1.0, 2.0, 4.0, 8.0, 16.0] {
            // Zoomed on Stepanakert, where the story's lines meet.
            let stepanakert = model
                .feature("stepanakert")
                .unwrap()
                .shape
                .positions()
                .next()
                .unwrap();
            let p = whole.projection.project(stepanakert);
            let view = whole.view.zoomed_at(p, k).clamped(800.0, 600.0);
            let screen = whole.with_view(view);
            let paths = detail.paths(&screen, budget);
            assert!(
                paths.vertices <= budget.max(line_ends),
                "budget {budget}, k={k}: {}",
                paths.vertices
            );
            for f in model.features() {
                let should = !matches!(f.shape, Shape::Points(_));
                let d = paths.get(&f.id);
                assert_eq!(d.is_some(), should, "{} at k={k}", f.id);
                // Within the map's own budget, a line or area with a vertex on screen is
                // drawn at every zoom (tighter budgets may drop the smallest).
                let on_screen = f
                    .shape
                    .positions()
                    .any(|p| screen.rect().contains(screen.to_screen(p)));
                if should && on_screen && budget == VERTEX_BUDGET {
                    assert!(!d.unwrap().is_empty(), "{} at k={k}, budget {budget}", f.id);
                }
            }
        }
    }
}

#[test]
fn each_date_of_the_timeline_says_what_it_changes_on_the_map() {
    use ceasefire_map::date::IsoDate;
    let model = shipped();
    let d = |s| IsoDate::parse(s).unwrap();
    let changed = |date| {
        let changes = model.changes_at(d(date)).unwrap();
        let ids: Vec<String> = changes.features().map(|f| f.id.clone()).collect();
        (changes.caption("en"), ids)
    };
    // The ceasefire brings the zone, the corridor and the line of contact.
    let (caption, ids) = changed("2020-11-10");
    for id in ["peacekeeping-zone", "lachin-corridor", "contact-line"] {
        assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
    }
    assert!(caption.starts_with("New on the map: "), "{caption}");
    // Each handover date says which district was handed over, and nothing else changes.
    for (date, id, name) in [
        ("2020-11-20", "agdam-district", "Aghdam"),
        ("2020-11-25", "kalbajar-district", "Kalbajar"),
        ("2020-12-01", "lachin-district", "Lachin"),
    ] {
        let (caption, ids) = changed(date);
        assert!(ids.contains(&id.to_string()), "{date}: {ids:?}");
        assert!(
            caption.contains("Handed over: ") && caption.contains(name),
            "{date}: {caption}"
        );
    }
    // The war's first day draws nothing new (what was held then is the 1994 line), and
    // says so; every later moment changes something on the map.
    let timeline = model.story.timeline.as_ref().unwrap();
    assert_eq!(
        changed("2020-09-27"),
        ("No change on the map on this date.".to_string(), vec![])
    );
    for m in &timeline.moments[1..] {
        let (caption, ids) = changed(&m.date);
        assert!(!ids.is_empty(), "{} changes nothing: {caption}", m.date);
    }
    // In French too, with French punctuation.
    let caption = model.changes_at(d("2020-11-20")).unwrap().caption("fr");
    assert!(
        caption.starts_with("Transfert effectué\u{a0}: "),
        "{caption}"
    );
}

#[test]
fn the_legend_keys_the_handover_in_a_style_of_its_own() {
    use ceasefire_map::date::IsoDate;
    use ceasefire_map::legend::handover_keys;
    let model = shipped();
    let keys = |date| -> Vec<&str> {
        handover_keys(&model, IsoDate::parse(date))
            .into_iter()
            .map(|k| k.1)
            .collect()
    };
    assert_eq!(keys("2020-11-19"), ["map-feature--pending"]);
    assert_eq!(
        keys("2020-11-25"),
        ["map-feature--pending", "map-feature--handed-over"]
    );
    assert_eq!(keys("2020-12-01"), ["map-feature--handed-over"]);
    // The style is not the accuracy key's: handed-over areas keep their own dashes.
    let css = std::fs::read_to_string("style/main.css").unwrap();
    let rule = css
        .lines()
        .find(|l| l.starts_with(".map-feature--handed-over"))
        .unwrap();
    assert!(!rule.contains("dasharray"), "{rule}");
}
