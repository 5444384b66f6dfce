//! Classroom mode: a trainer plays scenarios with a group on a projector.
//! At each decision the room votes; the conversation follows the majority
//! or the reply the trainer picks; after the vote every reply's feedback
//! and share of the room is shown with the moment's discussion question;
//! the group debrief comes at the end. The session is saved as a group
//! attempt after every decision.
//!
//! [`setup`] is the group name, timer and session plan; [`vote`] the vote
//! and its result; [`group_debrief`] the end of each scenario.

pub mod group_debrief;
pub mod report;
pub mod round;
pub mod setup;
pub mod vote;

pub use round::{Round, RoundPhase};

use super::{Command, Screen, ScreenCtx};
use crate::engine::{Mode, Session, fresh_seed};
use crate::i18n::classroom::{ClassroomTexts, texts};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::library::Library;
use crate::plan::SessionPlan;
use crate::records::{self, Recording, Store};
use egui::accesskit::Role;
use std::path::PathBuf;
use std::sync::Arc;

/// What the classroom screens ask the app to do (they need the library,
/// the attempts folder or the clock).
#[derive(Debug, Clone, PartialEq)]
pub enum ClassroomCommand {
    /// Open the classroom setup with this library entry in the plan.
    Open(usize),
    /// Start playing the plan from its first scenario.
    Start,
    /// Close the vote: the conversation follows the chosen reply.
    Reveal,
    /// Play the time-out on purpose (a timed moment).
    TimeOut,
    /// After the result of a vote, go on to the next moment.
    Continue,
    /// Play the next scenario of the plan.
    Next,
    /// Back to the setup (the group attempt is already saved).
    Leave,
    /// Save the plan to its file.
    SavePlan,
    /// Read the plan from its file.
    OpenPlan,
}

/// What the classroom screens remember.
#[derive(Default)]
pub struct ClassroomView {
    /// The group's name (the group attempt's trainee).
    pub group: String,
    /// The scenarios to play, in order, and the discussion factor.
    pub plan: SessionPlan,
    /// The library entry picked in "add a scenario".
    pub add_pick: Option<usize>,
    /// Where the plan is saved and read.
    pub plan_file: Option<PathBuf>,
    /// A line about the plan file (saved, opened, failed).
    pub plan_notice: Option<String>,
    /// The scenario being played, once the session started.
    pub round: Option<Round>,
    /// The group attempt being recorded.
    pub recording: Option<Recording>,
    /// A line about saving (saved as, not saved, failed).
    pub save_notice: Option<String>,
}

/// What [`apply`] needs from the app.
pub struct ApplyEnv<'a> {
    /// The scenario library.
    pub library: &'a Library,
    /// Where attempts are saved, if anywhere.
    pub store: Option<&'a Store>,
    /// The UI language.
    pub lang: Lang,
    /// The app clock's time, in seconds.
    pub now: f64,
}

impl ClassroomView {
    /// The library entries of the plan, in order (`None` for a scenario
    /// the library no longer has).
    pub fn plan_entries(&self, library: &Library) -> Vec<Option<usize>> {
        self.plan
            .items
            .iter()
            .map(|item| {
                library.entries.iter().position(|e| {
                    e.playable().is_some_and(|s| {
                        s.id.value == item.scenario_id && s.language.value == item.language
                    })
                })
            })
            .collect()
    }

    fn group_name(&self, t: &ClassroomTexts) -> String {
        match self.group.trim() {
            "" => t.group_default.to_string(),
            name => name.to_string(),
        }
    }

    fn start_round(&mut self, plan_index: usize, env: &ApplyEnv) -> bool {
        let Some(Some(entry)) = self.plan_entries(env.library).get(plan_index).copied() else {
            return false;
        };
        let Some(scenario) = env.library.entries.get(entry).and_then(|e| e.playable()) else {
            return false;
        };
        let Ok(session) = Session::new(Arc::clone(scenario), fresh_seed(), Mode::Classroom) else {
            return false;
        };
        self.round = Some(Round::new(
            session,
            plan_index,
            self.plan.discussion_factor,
            env.now,
        ));
        self.recording = env.store.map(|_| Recording::start(records::now()));
        let t = texts(env.lang);
        self.save_notice = env.store.is_none().then(|| t.not_saved.to_string());
        true
    }

    /// Writes the group attempt as it stands (after each decision).
    fn save(&mut self, env: &ApplyEnv) {
        let t = texts(env.lang);
        let group = self.group_name(t);
        let (Some(round), Some(recording), Some(store)) =
            (&self.round, &mut self.recording, env.store)
        else {
            return;
        };
        if round.session.steps().is_empty() {
            return;
        }
        self.save_notice = Some(
            match recording.save_group(
                store,
                &round.session,
                &group,
                &round.room,
                env.lang,
                records::now(),
            ) {
                Ok(_) => fill(t.saved_as, &[("group", &group)]),
                Err(error) => fill(t.save_failed, &[("error", &error.message(env.lang))]),
            },
        );
    }
}

/// Applies a classroom command; returns the screen to show, if it changes.
pub fn apply(
    view: &mut ClassroomView,
    command: ClassroomCommand,
    env: &ApplyEnv,
) -> Option<Screen> {
    let t = texts(env.lang);
    match command {
        ClassroomCommand::Open(entry) => {
            view.round = None;
            view.recording = None;
            if let Some(scenario) = env.library.entries.get(entry).and_then(|e| e.playable()) {
                let (id, language) = (&scenario.id.value, &scenario.language.value);
                let present = view
                    .plan
                    .items
                    .iter()
                    .any(|i| &i.scenario_id == id && &i.language == language);
                if !present {
                    view.plan.push(id, language);
                }
            }
            return Some(Screen::Classroom);
        }
        ClassroomCommand::Start => {
            view.start_round(0, env);
        }
        ClassroomCommand::Reveal | ClassroomCommand::TimeOut => {
            if let Some(round) = &mut view.round {
                let done = if command == ClassroomCommand::TimeOut {
                    round.time_out(env.now)
                } else {
                    round.reveal(env.now)
                };
                if done {
                    view.save(env);
                }
            }
        }
        ClassroomCommand::Continue => {
            if let Some(round) = &mut view.round {
                round.next_moment(env.now);
            }
        }
        ClassroomCommand::Next => {
            let next = view.round.as_ref().map_or(0, |r| r.plan_index + 1);
            if !view.start_round(next, env) {
                view.round = None;
            }
        }
        ClassroomCommand::Leave => {
            view.save(env);
            view.round = None;
            view.recording = None;
        }
        ClassroomCommand::SavePlan => {
            view.plan_notice = Some(match &view.plan_file {
                Some(path) => match view.plan.write(path) {
                    Ok(()) => fill(t.plan_saved, &[("path", &path.display().to_string())]),
                    Err(error) => fill(t.plan_error, &[("error", &error.message(env.lang))]),
                },
                None => fill(t.plan_error, &[("error", "—")]),
            });
        }
        ClassroomCommand::OpenPlan => {
            view.plan_notice = Some(match &view.plan_file {
                Some(path) => match SessionPlan::read(path) {
                    Ok(plan) => {
                        view.plan = plan;
                        fill(t.plan_opened, &[("path", &path.display().to_string())])
                    }
                    Err(error) => fill(t.plan_error, &[("error", &error.message(env.lang))]),
                },
                None => fill(t.plan_error, &[("error", "—")]),
            });
        }
    }
    None
}

/// Draws classroom mode: the setup, the vote, or the group debrief.
pub fn classroom_ui(ui: &mut egui::Ui, view: &mut ClassroomView, frame: &mut ScreenCtx) {
    let Some(phase) = view.round.as_ref().map(|r| r.phase) else {
        setup::setup_ui(ui, view, frame);
        return;
    };
    let total = view.plan.items.len();
    if phase == RoundPhase::Debrief {
        let next_title = next_title(view, frame.library);
        let group = view.group_name(texts(frame.lang));
        let notice = view.save_notice.clone();
        if let Some(round) = &mut view.round {
            group_debrief::group_debrief_ui(
                ui,
                round,
                &group,
                next_title.as_deref(),
                notice.as_deref(),
                frame,
            );
        }
    } else if let Some(round) = &mut view.round {
        vote::vote_ui(ui, round, total, frame);
    }
}

fn next_title(view: &ClassroomView, library: &Library) -> Option<String> {
    let next = view.round.as_ref()?.plan_index + 1;
    let entry = (*view.plan_entries(library).get(next)?)?;
    Some(library.entries.get(entry)?.playable()?.title.value.clone())
}

/// The "Classroom" button of a library card.
pub fn library_button_ui(ui: &mut egui::Ui, entry: usize, title: &str, frame: &mut ScreenCtx) {
    let t = texts(frame.lang);
    let button = ui
        .add(egui::Button::new(t.library_button).min_size(egui::vec2(0.0, 32.0)))
        .on_hover_text(t.library_help);
    super::widgets::name_widget(
        &button,
        Role::Button,
        &fill(
            frame.t.gui_start_label,
            &[("mode", t.library_button), ("title", title)],
        ),
    );
    if button.clicked() {
        frame.send(Command::Classroom(ClassroomCommand::Open(entry)));
    }
}

/// The label of the classroom mode, for lists of modes.
pub fn mode_label(lang: Lang) -> &'static str {
    texts(lang).mode
}
