//! Play from any node, with a panel to set the starting mood, flags and
//! open promises, and a state watch showing what the engine reports: mood,
//! flags, the promise ledger and the running scores.

use super::{SideTab, WorkbenchView};
use crate::engine::{Event, Mode, PromiseStatus, Session, StartState, fresh_seed, reply_of};
use crate::i18n::fill;
use crate::labels;
use crate::scenario::model::{Dimension, MoodSpec, NodeIdx};
use crate::ui::ScreenCtx;
use std::sync::Arc;

/// A session played inside the workbench.
#[derive(Debug)]
pub struct PlayState {
    /// The engine's session.
    pub session: Session,
    /// The document version it plays (an older one after a reload).
    pub generation: u64,
    /// Nodes entered so far, for the graph.
    pub visited: Vec<NodeIdx>,
    shown_at: f64,
}

impl PlayState {
    fn new(session: Session, generation: u64, now: f64) -> PlayState {
        let mut play = PlayState {
            session,
            generation,
            visited: Vec::new(),
            shown_at: now,
        };
        play.refresh();
        play
    }

    fn refresh(&mut self) {
        self.visited = self
            .session
            .events()
            .iter()
            .filter_map(|e| match e {
                Event::Entered { node } => Some(*node),
                _ => None,
            })
            .collect();
    }

    fn elapsed_ms(&self, now: f64) -> Option<u32> {
        Some(((now - self.shown_at).max(0.0) * 1000.0) as u32)
    }
}

/// The "play from here" form.
#[derive(Debug, Clone, PartialEq)]
pub struct StartForm {
    /// The node to start at.
    pub node: NodeIdx,
    /// Its id.
    pub node_id: String,
    /// Starting mood (0–100).
    pub mood: i32,
    /// Per scenario flag: already set.
    pub flags: Vec<bool>,
    /// Per scenario promise: made and open.
    pub promises: Vec<bool>,
}

/// Opens the form to play from `node`, prefilled with the state of the
/// session being played when it stands at that node, else the customer's
/// starting mood and nothing set.
pub fn open_form(view: &mut WorkbenchView, node: NodeIdx) {
    let Some(scenario) = view.document.playable() else {
        return;
    };
    let Some(graph_node) = view.document.graph.nodes.get(node as usize) else {
        return;
    };
    let mut form = StartForm {
        node,
        node_id: graph_node.id.clone(),
        mood: match scenario.customer.mood {
            MoodSpec::Fixed(mood) => mood,
            MoodSpec::Between(low, high) => (low + high) / 2,
        },
        flags: vec![false; scenario.flags.len()],
        promises: vec![false; scenario.promises.len()],
    };
    if let Some(play) = &view.play
        && play.generation == view.document.generation
        && play.session.node_index() == node
    {
        let session = &play.session;
        form.mood = session.mood();
        for (i, slot) in form.flags.iter_mut().enumerate() {
            *slot = session.flag(i as u16);
        }
        for (slot, entry) in form.promises.iter_mut().zip(session.ledger()) {
            *slot = entry.status == PromiseStatus::Open;
        }
    }
    view.start_form = Some(form);
    view.tab = SideTab::Play;
}

/// Starts a session: at the scenario's start, or as the form says.
pub fn start(view: &mut WorkbenchView, form: Option<&StartForm>, frame: &ScreenCtx) {
    let now = frame.clock.now();
    let Some(scenario) = view.document.playable().map(Arc::clone) else {
        return;
    };
    let seed = fresh_seed();
    let session = match form {
        None => Session::new(scenario, seed, Mode::Practice),
        Some(form) => {
            let start = StartState {
                node: form.node_id.clone(),
                mood: form.mood,
                flags: scenario
                    .flags
                    .iter()
                    .zip(&form.flags)
                    .filter(|(_, on)| **on)
                    .map(|(name, _)| name.clone())
                    .collect(),
                open_promises: scenario
                    .promises
                    .iter()
                    .zip(&form.promises)
                    .filter(|(_, on)| **on)
                    .map(|(p, _)| p.id.clone())
                    .collect(),
            };
            Session::starting_at(scenario, seed, Mode::Practice, start)
        }
    };
    match session {
        Ok(session) => {
            view.play = Some(PlayState::new(session, view.document.generation, now));
            view.start_form = None;
            view.tab = SideTab::Play;
        }
        Err(error) => view.notice = Some(error.message(frame.lang)),
    }
}

/// Starts the same kind of session again on the version shown now.
fn restart(view: &mut WorkbenchView, frame: &ScreenCtx) {
    let Some(play) = &view.play else {
        return;
    };
    let form = play.session.start_state().and_then(|start| {
        let scenario = view.document.playable()?;
        let node = scenario.node_by_id(&start.node)?;
        Some(StartForm {
            node,
            node_id: start.node.clone(),
            mood: start.mood,
            flags: scenario
                .flags
                .iter()
                .map(|f| start.flags.contains(f))
                .collect(),
            promises: scenario
                .promises
                .iter()
                .map(|p| start.open_promises.contains(&p.id))
                .collect(),
        })
    });
    let from_node = play.session.start_state().is_some();
    if from_node && form.is_none() {
        // The start node is gone from the new version.
        view.play = None;
        return;
    }
    start(view, form.as_ref(), frame);
}

/// Draws the play tab: the form, or the session with its state watch.
pub fn play_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    let t = frame.t;
    if view.start_form.is_some() {
        start_form_ui(ui, view, frame);
        return;
    }
    if view.play.is_none() {
        ui.label(t.wb_play_hint);
        return;
    }
    let now = frame.clock.now();
    let generation = view.document.generation;
    let mut restart_now = false;
    let mut stop = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let Some(play) = &mut view.play else {
                return;
            };
            let heading = match play.session.start_state() {
                Some(start) => fill(t.wb_playing_from, &[("node", &start.node)]),
                None => t.wb_playing_start.to_string(),
            };
            ui.strong(heading);
            ui.horizontal(|ui| {
                restart_now = ui.button(t.wb_restart).clicked();
                let can_undo = !play.session.steps().is_empty();
                if ui
                    .add_enabled(can_undo, egui::Button::new(t.wb_undo))
                    .clicked()
                    && play.session.undo().is_ok()
                {
                    play.refresh();
                    play.shown_at = now;
                }
                stop = ui.button(t.wb_stop).clicked();
            });
            if play.generation != generation {
                ui.colored_label(
                    egui::Color32::from_rgb(190, 130, 0),
                    t.wb_changed_while_playing,
                );
            }
            ui.separator();
            state_watch_ui(ui, &play.session, frame);
            ui.separator();
            conversation_ui(ui, play, frame, now);
        });
    if restart_now {
        restart(view, frame);
    } else if stop {
        view.play = None;
    }
}

fn start_form_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let Some(scenario) = view.document.playable().map(Arc::clone) else {
        view.start_form = None;
        return;
    };
    let mut start_now = false;
    let mut cancel = false;
    if let Some(form) = &mut view.start_form {
        ui.strong(fill(t.wb_start_state_of, &[("node", &form.node_id)]));
        ui.add_space(4.0);
        ui.add(egui::Slider::new(&mut form.mood, 0..=100).text(t.wb_start_mood));
        ui.weak(labels::mood(
            frame.lang,
            crate::engine::MoodLevel::of(form.mood),
            scenario.customer.gender,
        ));
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(ui.available_height() - 60.0)
            .show(ui, |ui| {
                ui.label(t.wb_start_flags);
                if scenario.flags.is_empty() {
                    ui.weak(t.wb_none);
                }
                for (name, on) in scenario.flags.iter().zip(form.flags.iter_mut()) {
                    ui.checkbox(on, name);
                }
                ui.add_space(4.0);
                ui.label(t.wb_start_promises);
                if scenario.promises.is_empty() {
                    ui.weak(t.wb_none);
                }
                for (index, (promise, on)) in scenario
                    .promises
                    .iter()
                    .zip(form.promises.iter_mut())
                    .enumerate()
                {
                    let label = match scenario.promise_text(index as u16) {
                        Some((text, _)) => format!("{}: {}", promise.id, text.value),
                        None => promise.id.clone(),
                    };
                    ui.checkbox(on, label);
                }
            });
        ui.horizontal(|ui| {
            start_now = ui.button(t.wb_start).clicked();
            cancel = ui.button(t.wb_cancel).clicked();
        });
    }
    if start_now {
        let form = view.start_form.clone();
        start(view, form.as_ref(), frame);
    } else if cancel {
        view.start_form = None;
    }
}

/// Mood, flags, promise ledger and running scores, as the engine reports them.
fn state_watch_ui(ui: &mut egui::Ui, session: &Session, frame: &ScreenCtx) {
    let t = frame.t;
    let lang = frame.lang;
    ui.strong(t.wb_state_watch);
    egui::Grid::new("workbench_state_watch")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.label(t.wb_watch_mood);
            ui.horizontal(|ui| {
                let mood = session.mood();
                ui.label(format!(
                    "{mood} · {}",
                    labels::mood(
                        lang,
                        session.mood_level(),
                        session.scenario().customer.gender
                    )
                ));
                ui.add(
                    egui::ProgressBar::new(mood as f32 / 100.0)
                        .desired_width(90.0)
                        .desired_height(8.0),
                );
            });
            ui.end_row();

            ui.label(t.wb_watch_flags);
            let flags = session.flags_set();
            if flags.is_empty() {
                ui.weak(t.wb_none);
            } else {
                ui.label(flags.join(", "));
            }
            ui.end_row();

            ui.label(t.wb_watch_ledger);
            ui.vertical(|ui| {
                let scenario = session.scenario();
                let mut any = false;
                for (info, entry) in scenario.promises.iter().zip(session.ledger()) {
                    if entry.status == PromiseStatus::NotMade {
                        continue;
                    }
                    any = true;
                    let mut line = format!(
                        "{}: {}",
                        info.id,
                        labels::promise_status(lang, entry.status)
                    );
                    if entry.confirmed {
                        line.push_str(" · ");
                        line.push_str(t.promise_confirmed);
                    }
                    if let Some(limit) = entry.limit {
                        line.push_str(" · ");
                        line.push_str(&fill(
                            t.wb_unrealistic,
                            &[("limit", labels::limit(lang, limit))],
                        ));
                    }
                    ui.label(line);
                }
                if !any {
                    ui.weak(t.wb_none);
                }
            });
            ui.end_row();

            let card = session.scorecard();
            for dimension in Dimension::ALL {
                let score = &card.dimensions[dimension.index()];
                ui.label(labels::dimension(lang, dimension));
                ui.label(format!(
                    "{} ({})",
                    labels::score(score.score),
                    fill(
                        t.cli_points,
                        &[
                            (
                                "earned",
                                &crate::debrief::format_points(score.points.earned)
                            ),
                            (
                                "available",
                                &crate::debrief::format_points(score.points.available)
                            ),
                        ],
                    )
                ));
                ui.end_row();
            }
            ui.label(t.balance);
            ui.label(labels::score(card.balance));
            ui.end_row();
        });
}

fn conversation_ui(ui: &mut egui::Ui, play: &mut PlayState, frame: &ScreenCtx, now: f64) {
    let t = frame.t;
    for line in play.session.transcript() {
        let who = match line.speaker {
            crate::engine::LineSpeaker::Trainee => t.speaker_you.to_string(),
            crate::engine::LineSpeaker::Narrator => t.speaker_narrator.to_string(),
            _ => line
                .name
                .clone()
                .unwrap_or_else(|| t.speaker_customer.to_string()),
        };
        ui.label(egui::RichText::new(who).small().weak());
        ui.label(&line.text);
        if let Some(cue) = &line.mood_cue {
            ui.label(egui::RichText::new(cue).italics().weak());
        }
    }
    let session = &play.session;
    if let Some(step) = session.steps().last()
        && let Some(choice) = session
            .scenario()
            .node(step.node)
            .and_then(|n| reply_of(n, step.reply))
    {
        ui.add_space(4.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(egui::RichText::new(t.cli_feedback).small().strong());
            ui.label(session.resolve_text(&choice.feedback));
        });
    }
    ui.add_space(6.0);
    if let Some(outcome) = session.outcome() {
        ui.strong(fill(
            t.wb_finished,
            &[("outcome", labels::outcome(frame.lang, outcome))],
        ));
        return;
    }
    let mut chosen = None;
    let mut timed_out = false;
    for choice in session.choices() {
        if ui
            .button(format!("{}. {}", choice.number, choice.text))
            .clicked()
        {
            chosen = Some(choice.number - 1);
        }
    }
    if session.time_limit().is_some() && ui.button(t.wb_let_time_run_out).clicked() {
        timed_out = true;
    }
    let elapsed = play.elapsed_ms(now);
    let moved = match (chosen, timed_out) {
        (Some(position), _) => play.session.choose_timed(position, elapsed).is_ok(),
        (None, true) => play.session.time_out_after(elapsed).is_ok(),
        _ => false,
    };
    if moved {
        play.shown_at = now;
        play.refresh();
    }
}
