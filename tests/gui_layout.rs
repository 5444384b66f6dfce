//! Every screen at the two ends of the sizes Momento supports, in both
//! themes: a 1024×600 laptop with the text at 175 % (about 585×343
//! points) and a 1920×1080 screen at 100 %. The key widgets of each screen
//! must lie inside the window (after scrolling to them, where the screen
//! scrolls) and must not overlap. One test per screen runs the four
//! combinations, so the suite builds 4 harnesses per screen, not 56.

use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::engine::{LineSpeaker, Mode};
use momento::i18n::fill;
use momento::lang::Lang;
use momento::ui::settings::{Settings, Theme};
use momento::ui::{AppOptions, Command, MomentoApp, Screen};
use std::path::Path;

/// Window size in pixels and text scale: the small laptop at 175 % and
/// the full-HD screen at 100 %.
const SIZES: [(f32, f32, f32); 2] = [(1024.0, 600.0, 1.75), (1920.0, 1080.0, 1.0)];

/// Every size in both themes.
fn configs() -> Vec<((f32, f32, f32), bool)> {
    SIZES
        .iter()
        .flat_map(|&size| [(size, false), (size, true)])
        .collect()
}

type App = Harness<'static, MomentoApp>;

/// The app in Spanish (its longer labels are the harder case), with the
/// text scale of `size` applied as the app applies it (egui's zoom), in a
/// window of `size` pixels.
fn app((width, height, scale): (f32, f32, f32), dark: bool, records: Option<&Path>) -> App {
    let options = AppOptions {
        records_dir: records.map(Path::to_path_buf),
        settings: Some(Settings {
            language: Some(Lang::Es),
            theme: if dark { Theme::Dark } else { Theme::Light },
            text_scale: scale,
            trainee_name: "Ana María".to_string(),
            ..Settings::default()
        }),
        ..AppOptions::test()
    };
    // kittest's size is the window's native size; the app's zoom (the
    // text scale) divides it into fewer, larger points, as on the laptop.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_eframe(move |cc| MomentoApp::new(cc, options.clone()));
    harness.run();
    harness.run();
    let ppp = harness.ctx.pixels_per_point();
    assert!((ppp - scale).abs() < 0.01, "zoom {ppp}, wanted {scale}");
    let pixels = harness.ctx.content_rect().size() * ppp;
    assert!(
        (pixels.x - width).abs() < 1.0 && (pixels.y - height).abs() < 1.0,
        "window {pixels:?}"
    );
    assert_eq!(harness.ctx.global_style().visuals.dark_mode, dark);
    harness
}

fn what(size: (f32, f32, f32), dark: bool) -> String {
    format!(
        "{}×{} at {:.0} %, {}",
        size.0,
        size.1,
        size.2 * 100.0,
        if dark { "dark" } else { "light" }
    )
}

/// Fails unless `rect` lies inside the window.
fn assert_inside(harness: &App, rect: Rect, name: &str, context: &str) {
    let window = harness.ctx.content_rect().expand(0.5);
    assert!(
        window.contains_rect(rect),
        "{context}: `{name}` at {rect:?} is not inside the window {window:?}"
    );
}

/// Fails when two of the rects overlap (more than a hairline).
fn assert_apart(rects: &[(String, Rect)], context: &str) {
    for (i, (a_name, a)) in rects.iter().enumerate() {
        for (b_name, b) in &rects[i + 1..] {
            let overlap = a.intersect(*b);
            assert!(
                overlap.width() <= 1.0 || overlap.height() <= 1.0,
                "{context}: `{a_name}` {a:?} overlaps `{b_name}` {b:?}"
            );
        }
    }
}

/// Scrolls the widget labelled `label` into view (as a screen reader or a
/// Tab would) and returns its rect, checked to be inside the window.
fn reach(harness: &mut App, label: &str, context: &str) -> Rect {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    // egui gives a screen reader's "scroll into view" to the innermost
    // scroll area only; the keyboard focus (what a Tab does) is followed
    // by the screen's own area too.
    harness.get_by_label(label).focus();
    harness.run();
    harness.run();
    let rect = harness.get_by_label(label).rect();
    assert_inside(harness, rect, label, context);
    rect
}

/// The first built-in scenario in Spanish, with reflection prompts.
fn spanish_entry(harness: &App) -> usize {
    harness
        .state()
        .library
        .entries
        .iter()
        .position(|e| {
            e.playable()
                .is_some_and(|s| s.language.value == "es" && !s.reflection_prompts.is_empty())
        })
        .expect("a Spanish scenario with reflection prompts")
}

fn send(harness: &mut App, command: Command) {
    harness.state_mut().commands.push(command);
    harness.state_mut().apply_commands();
    harness.run();
    harness.run();
}

fn start(harness: &mut App) {
    let entry = spanish_entry(harness);
    send(
        harness,
        Command::Start {
            entry,
            mode: Mode::Practice,
            seed: Some(11),
        },
    );
    assert_eq!(harness.state().screen, Screen::Player);
}

/// Plays the first reply until the end, then opens the debrief.
fn play_to_debrief(harness: &mut App) {
    for _ in 0..60 {
        let player = harness.state().player.as_ref().expect("playing");
        if player.session.is_finished() {
            break;
        }
        let command = if player.showing_feedback() {
            Command::Continue
        } else {
            Command::Choose(0)
        };
        harness.state_mut().commands.push(command);
        harness.state_mut().apply_commands();
    }
    send(harness, Command::ShowDebrief);
    assert_eq!(harness.state().screen, Screen::Debrief);
}

/// The rect of the customer's latest line, as drawn now (no scrolling).
fn customer_line(harness: &App) -> (String, Rect) {
    let player = harness.state().player.as_ref().expect("playing");
    let text = player
        .transcript()
        .iter()
        .rev()
        .find(|line| line.speaker == LineSpeaker::Customer)
        .map(|line| line.text.clone())
        .expect("the customer has spoken");
    let rect = harness
        .get_all_by_label(&text)
        .map(|node| node.rect())
        .max_by(|a, b| a.min.y.total_cmp(&b.min.y))
        .expect("the customer's line is on screen");
    (text, rect)
}

/// The player's reply buttons, by accessible name.
fn reply_labels(harness: &App) -> Vec<String> {
    let player = harness.state().player.as_ref().expect("playing");
    player
        .session
        .choices()
        .iter()
        .map(|c| format!("{}. {}", c.number, c.text))
        .collect()
}

/// The customer's latest line is visible as the replies appear, above the
/// first reply; every reply can be reached and none overlaps another.
fn check_choosing(harness: &mut App, context: &str) {
    let (line, line_rect) = customer_line(harness);
    assert_inside(harness, line_rect, "customer's latest line", context);
    let replies = reply_labels(harness);
    let first = harness.get_by_label(&replies[0]).rect();
    assert!(
        first.min.y >= line_rect.max.y - 1.0,
        "{context}: reply 1 {first:?} is not below the customer's line {line_rect:?}"
    );
    let mut rects = vec![(line, line_rect)];
    for label in &replies {
        let rect = reach(harness, label, context);
        rects.push((label.clone(), rect));
    }
    // Reaching the last reply may scroll the line away; overlap is judged
    // where each was drawn, in one scroll position.
    let last = rects.len() - 1;
    let top = harness.get_by_label(&rects[last].0).rect();
    rects[last].1 = top;
    let replies_only: Vec<(String, Rect)> = replies
        .iter()
        .map(|label| (label.clone(), harness.get_by_label(label).rect()))
        .collect();
    assert_apart(&replies_only, context);
}

/// A section of the top bar (not the screen heading of the same name).
fn tab_node<'a>(harness: &'a App, tab: &'a str) -> egui_kittest::Node<'a> {
    harness.get_by(move |node| {
        node.role() != Role::Label
            && node.role() != Role::TextRun
            && node.label().as_deref() == Some(tab)
    })
}

#[test]
fn the_library_and_top_bar_fit_every_size() {
    let t = Lang::Es.texts();
    for (size, dark) in configs() {
        let context = &format!("library, {}", what(size, dark));
        let mut harness = app(size, dark, None);
        let hello = fill(t.gui_hello, &[("name", "Ana María")]);
        let tabs = [
            t.nav_library,
            t.nav_history,
            t.nav_trainer_report,
            t.nav_settings,
        ];
        let mut bar: Vec<(String, Rect)> = Vec::new();
        if harness.query_by_label(t.nav_settings).is_some() {
            for tab in tabs {
                let rect = tab_node(&harness, tab).rect();
                assert_inside(&harness, rect, tab, context);
                bar.push((tab.to_string(), rect));
            }
        } else {
            // Folded into a menu: the menu and the greeting share the row.
            let menu = fill(
                "{menu}: {current}",
                &[("menu", t.gui_menu), ("current", t.nav_library)],
            );
            let rect = harness.get_by_label(&menu).rect();
            assert_inside(&harness, rect, &menu, context);
            bar.push((menu.clone(), rect));
            assert!(
                size.2 > 1.0,
                "{context}: the full-size window folded its tabs"
            );
        }
        let hello_rect = harness.get_by_label(&hello).rect();
        assert_inside(&harness, hello_rect, &hello, context);
        bar.push((hello.clone(), hello_rect));
        assert_apart(&bar, context);

        // Settings can be reached with the mouse at every size.
        if harness.query_by_label(t.nav_settings).is_none() {
            let menu = fill(
                "{menu}: {current}",
                &[("menu", t.gui_menu), ("current", t.nav_library)],
            );
            harness.get_by_label(&menu).click();
            harness.run();
        }
        tab_node(&harness, t.nav_settings).click();
        harness.run();
        assert_eq!(harness.state().screen, Screen::Settings, "{context}");

        // A card far down the library can be reached, and its buttons fit.
        send(&mut harness, Command::Show(Screen::Library));
        let title = {
            let state = harness.state();
            let entry = state
                .library
                .entries
                .iter()
                .rev()
                .find(|e| e.playable().is_some_and(|s| s.language.value == "es"))
                .and_then(|e| e.playable())
                .expect("a Spanish scenario");
            entry.title.value.clone()
        };
        let practice = fill(
            t.gui_start_label,
            &[("mode", t.library_practice), ("title", &title)],
        );
        let assessment = fill(
            t.gui_start_label,
            &[("mode", t.library_assessment), ("title", &title)],
        );
        let a = reach(&mut harness, &practice, context);
        let b = harness.get_by_label(&assessment).rect();
        assert_inside(&harness, b, &assessment, context);
        assert_apart(&[(practice, a), (assessment, b)], context);
    }
}

#[test]
fn the_player_keeps_the_customer_line_and_replies_reachable() {
    let t = Lang::Es.texts();
    for (size, dark) in configs() {
        let context = &format!("player, {}", what(size, dark));
        let mut harness = app(size, dark, None);
        start(&mut harness);
        check_choosing(&mut harness, context);

        // The feedback of decision 1: its header says decision 1, and Undo
        // and Continue are reachable and apart.
        harness.key_press(Key::Num1);
        harness.run();
        assert!(
            harness
                .state()
                .player
                .as_ref()
                .is_some_and(|p| p.showing_feedback()),
            "{context}: no feedback after reply 1"
        );
        let header = fill(t.gui_decision_number, &[("number", "1")]);
        assert!(
            harness.query_by_label(&header).is_some(),
            "{context}: the header does not say `{header}` during its feedback"
        );
        let (_, line_rect) = customer_line(&harness);
        assert_inside(&harness, line_rect, "customer's reaction", context);
        let finished = harness
            .state()
            .player
            .as_ref()
            .is_some_and(|p| p.session.is_finished());
        let next = if finished {
            t.player_see_debrief
        } else {
            t.gui_continue
        };
        let undo = reach(&mut harness, t.gui_undo, context);
        let go_on = reach(&mut harness, next, context);
        let quit = reach(&mut harness, t.gui_quit, context);
        assert_apart(
            &[("undo".to_string(), undo), ("continue".to_string(), go_on)],
            context,
        );
        assert!(quit.is_positive(), "{context}: Quit has no size");

        // Nothing keeps the focus: Enter goes to the player, not to Quit.
        harness.ctx.memory_mut(|m| {
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        });
        harness.run();
        // The next decision: the customer's new line is in view again.
        if !finished {
            harness.key_press(Key::Enter);
            harness.run();
            harness.run();
            check_choosing(&mut harness, context);
        }
    }
}

#[test]
fn the_debrief_opens_at_its_top_with_its_buttons_apart() {
    let t = Lang::Es.texts();
    for (size, dark) in configs() {
        let context = &format!("debrief, {}", what(size, dark));
        let mut harness = app(size, dark, None);
        // Scroll the library to its end first: the debrief must not share
        // its scroll position.
        harness.key_press(Key::End);
        harness.run();
        start(&mut harness);
        play_to_debrief(&mut harness);
        let heading = harness.get_by_label(t.cli_debrief).rect();
        assert_inside(&harness, heading, t.cli_debrief, context);
        let names = [t.gui_again_same, t.gui_again_new, t.gui_back_to_library];
        let rects: Vec<(String, Rect)> = names
            .iter()
            .map(|name| (name.to_string(), reach(&mut harness, name, context)))
            .collect();
        assert_apart(&rects, context);
        // The score descriptions and the chart are on screen once scrolled to.
        let chart_name = fill(t.gui_mood_chart_label, &[("values", "")]);
        let chart = harness.query_by(|node| {
            node.role() == Role::Image
                && node
                    .label()
                    .is_some_and(|label| label.starts_with(chart_name.trim_end_matches(['.', ' '])))
        });
        assert!(
            chart.is_some(),
            "{context}: the mood chart has no text alternative"
        );
    }
}

#[test]
fn history_and_the_trainer_report_scroll_to_every_column_and_control() {
    let t = Lang::Es.texts();
    for (size, dark) in configs() {
        let context = &format!("history, {}", what(size, dark));
        let records = tempfile::tempdir().expect("temp dir");
        let mut harness = app(size, dark, Some(records.path()));
        start(&mut harness);
        play_to_debrief(&mut harness);
        send(&mut harness, Command::Show(Screen::History));
        assert_eq!(harness.state().screen, Screen::History);
        // The last column's button: past the right edge at 175 % without
        // a horizontal scroll.
        // End scrolls the screen down; the table scrolls sideways to the
        // button (egui hands a nested scroll target to the inner area).
        harness.key_press(Key::End);
        harness.run();
        harness.get_by_label(t.history_open).scroll_to_me();
        harness.run();
        let open = harness.get_by_label(t.history_open).rect();
        assert_inside(&harness, open, t.history_open, context);
        assert!(open.is_positive());

        let context = &format!("trainer report, {}", what(size, dark));
        send(
            &mut harness,
            Command::LoadReport(records.path().to_path_buf()),
        );
        assert_eq!(harness.state().screen, Screen::TrainerReport);
        let load = reach(&mut harness, t.report_load, context);
        let mode = harness
            .get_by_role_and_label(Role::ComboBox, t.col_mode)
            .rect();
        harness
            .get_by_role_and_label(Role::ComboBox, t.col_mode)
            .scroll_to_me();
        harness.run();
        let mode_now = harness
            .get_by_role_and_label(Role::ComboBox, t.col_mode)
            .rect();
        assert_inside(&harness, mode_now, t.col_mode, context);
        assert_apart(
            &[("load".to_string(), load), ("mode".to_string(), mode)],
            context,
        );
    }
}

#[test]
fn settings_scroll_to_their_last_row() {
    let t = Lang::Es.texts();
    for (size, dark) in configs() {
        let context = &format!("settings, {}", what(size, dark));
        let mut harness = app(size, dark, None);
        send(&mut harness, Command::Show(Screen::Settings));
        let largest = reach(&mut harness, "175 %", context);
        let smaller = harness.get_by_label("150 %").rect();
        assert_inside(&harness, smaller, "150 %", context);
        // The last row: the scenarios folder's field and its Load button.
        let load = reach(&mut harness, t.gui_folder_load, context);
        let field = harness
            .get_by_role_and_label(Role::TextInput, t.gui_folder)
            .rect();
        assert_inside(&harness, field, t.gui_folder, context);
        assert_apart(
            &[
                ("175 %".to_string(), largest),
                ("150 %".to_string(), smaller),
            ],
            context,
        );
        assert_apart(
            &[("folder".to_string(), field), ("load".to_string(), load)],
            context,
        );
    }
}

#[test]
fn the_workbench_shows_its_graph_at_every_size() {
    let t = Lang::Es.texts();
    let prefix = t.wb_node_a11y.replace("{id}", "");
    for (size, dark) in configs() {
        let context = &format!("workbench, {}", what(size, dark));
        let mut harness = app(size, dark, None);
        let entry = spanish_entry(&harness);
        send(&mut harness, Command::OpenWorkbench(entry));
        assert_eq!(harness.state().screen, Screen::Workbench);
        let window = harness.ctx.content_rect();
        let nodes: Vec<Rect> = harness
            .get_all_by(|node| {
                node.role() == Role::Button
                    && node.label().is_some_and(|label| label.starts_with(&prefix))
            })
            .map(|node| node.rect())
            .collect();
        let visible = nodes
            .iter()
            .filter(|rect| window.contains(rect.center()))
            .count();
        assert!(
            visible > 0,
            "{context}: no graph node is visible ({} drawn)",
            nodes.len()
        );
    }
}

#[test]
fn the_keyboard_reaches_the_last_reflection_box_of_a_debrief() {
    let t = Lang::Es.texts();
    let size = SIZES[0];
    let mut harness = app(size, false, None);
    start(&mut harness);
    play_to_debrief(&mut harness);
    let last_prompt = {
        let player = harness.state_mut().player.as_mut().expect("debrief");
        let (review, _) = player.review(Lang::Es);
        review
            .debrief
            .reflection_prompts
            .last()
            .cloned()
            .expect("reflection prompts")
    };
    let window = harness.ctx.content_rect();
    // Before: the last box is far below the window.
    let before = harness
        .get_by_role_and_label(Role::MultilineTextInput, &last_prompt)
        .rect();
    assert!(
        before.min.y > window.max.y,
        "the last reflection box {before:?} starts on screen; nothing to prove"
    );
    // PageDown scrolls the debrief (nothing has the focus yet).
    harness.key_press(Key::PageDown);
    harness.run();
    let paged = harness
        .get_by_role_and_label(Role::MultilineTextInput, &last_prompt)
        .rect();
    assert!(
        paged.min.y < before.min.y - 100.0,
        "PageDown did not scroll: {before:?} → {paged:?}"
    );
    harness.key_press(Key::Home);
    harness.run();
    // Tab until the last box has the focus, with keys only.
    let mut tabs = 0;
    while !harness
        .get_by_role_and_label(Role::MultilineTextInput, &last_prompt)
        .is_focused()
    {
        tabs += 1;
        assert!(
            tabs <= 200,
            "200 Tabs never reached the last reflection box"
        );
        harness.key_press(Key::Tab);
        harness.run();
    }
    harness.run();
    let field = harness
        .get_by_role_and_label(Role::MultilineTextInput, &last_prompt)
        .rect();
    assert_inside(&harness, field, "last reflection box", "keyboard");
    // Typing goes into it, and Back is still one Shift+Tab chain away.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, &last_prompt)
        .type_text("Escuchar antes de explicar");
    harness.run();
    let answers = &harness
        .state()
        .player
        .as_ref()
        .expect("debrief")
        .reflections;
    assert_eq!(
        answers.last().map(String::as_str),
        Some("Escuchar antes de explicar")
    );
    assert!(harness.query_by_label(t.gui_back_to_library).is_some());
}
