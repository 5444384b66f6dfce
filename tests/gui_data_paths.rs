//! Settings → "Where your data lives", driven headless with egui_kittest:
//! it names the folders the app really uses, says when a file does not
//! exist yet, and says "not saved" when the session saves nothing.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::i18n::Lang;
use momento::ui::settings::Settings;
use momento::ui::{AppOptions, MomentoApp, Screen};

fn settings_screen(options: AppOptions) -> Harness<'static, MomentoApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| MomentoApp::new(cc, options.clone()));
    harness.run();
    let t = harness.state().settings.lang().texts();
    harness
        .get_by_role_and_label(Role::Button, t.settings_title)
        .click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Settings);
    harness.get_by_label(t.paths_title);
    // The card is the screen's last; Settings scrolls, and End reaches it.
    harness.key_press(egui::Key::End);
    harness.run();
    harness
}

fn options(lang: Lang) -> AppOptions {
    AppOptions {
        settings: Some(Settings {
            language: Some(lang),
            ..Settings::default()
        }),
        ..AppOptions::test()
    }
}

#[test]
fn the_folders_in_use_are_named_in_both_languages() {
    for lang in Lang::ALL {
        let t = lang.texts();
        let dir = tempfile::tempdir().expect("temp dir");
        let records = dir.path().join("attempts");
        let settings_file = dir.path().join("config").join("settings.ron");
        let harness = settings_screen(AppOptions {
            records_dir: Some(records.clone()),
            settings_file: Some(settings_file.clone()),
            ..options(lang)
        });
        harness.get_by_label(&records.display().to_string());
        harness.get_by_label(t.paths_records_from_flag);
        harness.get_by_label(&settings_file.display().to_string());
        // The app writes its settings at start (the trainee's id is
        // kept from the first run), so the file is not "not yet created".
        assert!(settings_file.is_file());
        assert!(harness.query_by_label(t.paths_not_yet).is_none());
        let built_in = momento::library::BUILT_IN.len().to_string();
        harness.get_by_label(&momento::i18n::fill(
            t.paths_built_in_count,
            &[("count", &built_in)],
        ));
        // A test binary does not sit in an installed prefix.
        harness.get_by_label(t.paths_installed_none);
        harness.get_by_label(t.paths_trainer_none);
    }
}

#[test]
fn a_session_that_saves_nothing_says_so() {
    let harness = settings_screen(options(Lang::En));
    let t = Lang::En.texts();
    // Test mode with no folder saves neither attempts nor settings.
    assert_eq!(
        harness.query_all_by_label(t.paths_not_saved).count(),
        2,
        "records and settings"
    );
}

#[test]
fn the_copy_button_puts_the_path_on_the_clipboard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = dir.path().join("attempts");
    let mut harness = settings_screen(AppOptions {
        records_dir: Some(records.clone()),
        ..options(Lang::En)
    });
    let t = Lang::En.texts();
    harness.get_by_label(t.paths_copy).click_accesskit();
    // One of the next frames handles the click and asks the platform to
    // copy; collect what each frame asks.
    let mut copied: Vec<String> = Vec::new();
    for _ in 0..3 {
        harness.step();
        copied.extend(
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .filter_map(|command| match command {
                    egui::OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                }),
        );
    }
    assert_eq!(copied, vec![records.display().to_string()]);
    harness.run();
    // The button says it worked.
    harness.get_by_label(t.paths_copied);
}
