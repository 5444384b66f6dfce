//! CPU time of one frame of the app's screens, headless (egui_kittest, no
//! rendering): the library, the player mid-conversation with the practice
//! feedback shown, and the debrief.
//!
//! Run with `cargo bench --bench gui_frames`. Target: a frame under 2 ms.

mod common;
use common::median;
use egui_kittest::Harness;
use momento::engine::Mode;
use momento::lang::Lang;
use momento::ui::settings::Settings;
use momento::ui::{AppOptions, Command, MomentoApp, Screen};
use std::time::Instant;

/// Frames measured per screen.
const FRAMES: usize = 300;

fn app() -> Harness<'static, MomentoApp> {
    let options = AppOptions {
        settings: Some(Settings {
            language: Some(Lang::En),
            ..Settings::default()
        }),
        ..AppOptions::test()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| MomentoApp::new(cc, options.clone()));
    harness.run();
    harness
}

/// Sends a command as if a screen had, and lets the app settle.
fn send(harness: &mut Harness<'static, MomentoApp>, command: Command) {
    harness.state_mut().commands.push(command);
    harness.state_mut().apply_commands();
    harness.run();
}

fn measure(name: &str, harness: &mut Harness<'static, MomentoApp>) {
    for _ in 0..20 {
        harness.step();
    }
    let mut samples = Vec::with_capacity(FRAMES);
    for _ in 0..FRAMES {
        let start = Instant::now();
        harness.step();
        samples.push(start.elapsed());
    }
    let worst = samples.iter().max().copied().unwrap_or_default();
    println!(
        "{name:<34} {:>6.3} ms median  {:>6.3} ms worst  ({FRAMES} frames)",
        median(samples).as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0
    );
}

fn main() {
    let mut harness = app();
    measure("library (16 scenarios)", &mut harness);

    let entry = harness
        .state()
        .library
        .entries
        .iter()
        .position(|e| e.id() == "warranty-no-receipt" && e.language() == "en")
        .expect("the warranty scenario is built in");
    send(
        &mut harness,
        Command::Start {
            entry,
            mode: Mode::Practice,
            seed: Some(7),
        },
    );
    send(&mut harness, Command::Choose(0));
    send(&mut harness, Command::Continue);
    send(&mut harness, Command::Choose(1));
    measure("player, practice feedback shown", &mut harness);
    send(&mut harness, Command::Continue);
    measure("player, replies on offer", &mut harness);

    while harness
        .state()
        .player
        .as_ref()
        .is_some_and(|p| !p.session.is_finished())
    {
        send(&mut harness, Command::Choose(0));
        send(&mut harness, Command::Continue);
    }
    send(&mut harness, Command::ShowDebrief);
    assert_eq!(harness.state().screen, Screen::Debrief);
    measure("debrief", &mut harness);
}
