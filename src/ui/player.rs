//! The player: the customer's portrait and mood, the conversation, the
//! replies as large numbered buttons, a countdown on timed moments, and in
//! practice mode the trainer's feedback after each reply with an undo.

use super::portrait::{self, Looks};
use super::widgets::{self, name_widget};
use super::{Command, Screen, ScreenCtx, keyboard, responsive, style, transcript};
use crate::debrief::{self, Debrief, DecisionReview};
use crate::engine::{Event, Mode, MoodLevel, Session, TranscriptLine};
use crate::i18n::fill;
use crate::labels;
use crate::lang::Lang;
use egui::accesskit::Role;
use egui::{Align, Color32, Key, Layout, Modifiers, RichText, Sense, Stroke, StrokeKind};

/// The keys that pick replies 1 to 9, in order.
pub const NUMBER_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Seconds the portrait takes to move to a new mood.
const MOOD_ANIMATION_SECONDS: f32 = 0.9;

/// What the trainer says about the reply just given (practice mode).
#[derive(Debug, Clone)]
pub struct Feedback {
    /// The decision, reviewed by the library.
    pub decision: DecisionReview,
    /// The events it caused (promises made, kept, broken, confirmed).
    pub events: Vec<Event>,
}

/// Where the player is between two replies.
#[derive(Debug, Clone)]
pub enum Phase {
    /// Replies on offer (or, at an ending, the way to the debrief).
    Choosing,
    /// Practice: the feedback on the last reply, before going on.
    Feedback(Box<Feedback>),
}

/// The debrief of the session in one language, computed once.
pub struct Review {
    /// The language it was built for (reflection prompts depend on it).
    pub lang: Lang,
    /// The debrief.
    pub debrief: Debrief,
    /// One sentence per score line, explaining where the points came from.
    pub explanations: Vec<String>,
}

/// A session being played, with what the screen needs to remember.
pub struct PlayerView {
    /// The session.
    pub session: Session,
    /// Its library entry.
    pub entry: usize,
    /// Clock time when the current replies were shown (for the countdown
    /// and for the time a reply took).
    pub node_shown_at: f64,
    /// Feedback shown or not.
    pub phase: Phase,
    /// The trainee's answers to the debrief's reflection prompts, in order.
    pub reflections: Vec<String>,
    /// Where the debrief's "back" button and Esc go: History for a past
    /// attempt opened from there, else the library.
    pub back_to: Screen,
    /// The "leave this conversation?" dialog is open.
    pub confirm_quit: bool,
    /// When the dialog opened: the countdown waits while it is open.
    paused_at: Option<f64>,
    transcript: Vec<TranscriptLine>,
    review: Option<Review>,
}

impl PlayerView {
    /// Starts showing a session.
    pub fn new(session: Session, entry: usize, now: f64) -> PlayerView {
        let mut view = PlayerView {
            session,
            entry,
            node_shown_at: now,
            phase: Phase::Choosing,
            reflections: Vec::new(),
            back_to: Screen::Library,
            confirm_quit: false,
            paused_at: None,
            transcript: Vec::new(),
            review: None,
        };
        view.session_changed();
        view
    }

    /// The conversation so far.
    pub fn transcript(&self) -> &[TranscriptLine] {
        &self.transcript
    }

    /// True while the practice feedback panel is shown.
    pub fn showing_feedback(&self) -> bool {
        matches!(self.phase, Phase::Feedback(_))
    }

    fn session_changed(&mut self) {
        self.transcript = self.session.transcript();
        self.review = None;
    }

    fn elapsed_ms(&self, now: f64) -> Option<u32> {
        Some(((now - self.node_shown_at).max(0.0) * 1000.0) as u32)
    }

    fn after_reply(&mut self, now: f64) {
        self.session_changed();
        self.node_shown_at = now;
        self.phase = match self.session.mode() {
            Mode::Practice => match debrief::last_decision(&self.session) {
                Some(decision) => Phase::Feedback(Box::new(Feedback {
                    decision,
                    events: self.session.last_events().to_vec(),
                })),
                None => Phase::Choosing,
            },
            Mode::Assessment | Mode::Classroom => Phase::Choosing,
        };
    }

    /// Takes a reply.
    pub fn choose(&mut self, position: usize, now: f64) {
        if self.showing_feedback() {
            return;
        }
        let elapsed = self.elapsed_ms(now);
        if self.session.choose_timed(position, elapsed).is_ok() {
            self.after_reply(now);
        }
    }

    /// The time ran out.
    pub fn time_out(&mut self, now: f64) {
        if self.showing_feedback() {
            return;
        }
        let elapsed = self.elapsed_ms(now);
        if self.session.time_out_after(elapsed).is_ok() {
            self.after_reply(now);
        }
    }

    /// Takes back the last reply (practice).
    pub fn undo(&mut self, now: f64) {
        if self.session.undo().is_ok() {
            self.session_changed();
            self.phase = Phase::Choosing;
            self.node_shown_at = now;
        }
    }

    /// Leaves the feedback panel for the next replies; their clock starts now.
    pub fn continue_after_feedback(&mut self, now: f64) {
        if self.showing_feedback() {
            self.phase = Phase::Choosing;
            self.node_shown_at = now;
        }
    }

    /// Opens the "leave this conversation?" dialog, pausing the countdown.
    pub fn ask_quit(&mut self, now: f64) {
        if !self.confirm_quit {
            self.confirm_quit = true;
            self.paused_at = Some(now);
        }
    }

    /// Closes the dialog and lets the countdown run again.
    pub fn cancel_quit(&mut self, now: f64) {
        self.confirm_quit = false;
        if let Some(paused_at) = self.paused_at.take() {
            self.node_shown_at += (now - paused_at).max(0.0);
        }
    }

    /// Seconds left on a timed moment, when one is running.
    pub fn seconds_left(&self, now: f64) -> Option<f64> {
        if self.showing_feedback() {
            return None;
        }
        let now = self.paused_at.unwrap_or(now);
        let limit = self.session.time_limit()?;
        Some((f64::from(limit) - (now - self.node_shown_at)).max(0.0))
    }

    /// The debrief in `lang` (built on first use) and the trainee's
    /// reflection answers, one per prompt.
    pub fn review(&mut self, lang: Lang) -> (&Review, &mut Vec<String>) {
        if self.review.as_ref().is_some_and(|r| r.lang != lang) {
            self.review = None;
        }
        let session = &self.session;
        let review = self.review.get_or_insert_with(|| {
            let debrief = Debrief::of(session, lang);
            let explanations = debrief
                .scorecard
                .lines
                .iter()
                .map(|line| debrief::explain(session, line, lang))
                .collect();
            Review {
                lang,
                debrief,
                explanations,
            }
        });
        self.reflections
            .resize(review.debrief.reflection_prompts.len(), String::new());
        (review, &mut self.reflections)
    }
}

/// How the player is drawn on a small or short window (given by the app,
/// so this module does not depend on the compact one that uses it).
pub type CompactUi = fn(&mut egui::Ui, &mut PlayerView, &mut ScreenCtx);

/// Draws the player; `compact` when the window is small or short.
pub fn player_ui(
    ui: &mut egui::Ui,
    player: &mut PlayerView,
    frame: &mut ScreenCtx,
    compact: CompactUi,
) {
    keyboard(ui, player, frame);
    if responsive::is_compact(ui) {
        compact(ui, player, frame);
    } else {
        wide_player_ui(ui, player, frame);
    }
    if player.confirm_quit {
        quit_dialog_ui(ui, player, frame);
    }
}

/// Portrait and mood on the left, the conversation in the middle, the
/// replies below it: for windows with room for all three.
fn wide_player_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let wide = ui.available_width() > 1000.0;
    let side_width = if wide { 300.0 } else { 240.0 };
    egui::Panel::left("player_side")
        .exact_size(side_width)
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin {
            left: 4,
            right: 16,
            top: 4,
            bottom: 4,
        }))
        .show(ui, |ui| {
            let area = egui::ScrollArea::vertical().id_salt("player_side_scroll");
            keyboard::scroll_ui(ui, area, false, |ui| side_ui(ui, player, frame));
        });
    egui::Panel::bottom("player_actions")
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(4, 10)))
        .show(ui, |ui| actions_ui(ui, player, frame));
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(style::card_fill(ui))
                .corner_radius(10)
                .inner_margin(egui::Margin::same(14)),
        )
        .show(ui, |ui| {
            let area = egui::ScrollArea::vertical()
                .id_salt("player_transcript")
                .auto_shrink(false)
                .stick_to_bottom(true);
            keyboard::scroll_ui(ui, area, true, |ui| {
                transcript::transcript_ui(ui, t, &player.transcript)
            });
        });
}

/// 1–9 reply, Enter continues, Esc asks to leave.
fn keyboard(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut ScreenCtx) {
    if player.confirm_quit {
        return;
    }
    let nothing_focused = ui.memory(|m| m.focused().is_none());
    let (escape, enter) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::Escape),
            nothing_focused && i.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    if escape {
        player.ask_quit(frame.clock.now());
        return;
    }
    let finished = player.session.is_finished();
    match &player.phase {
        Phase::Feedback(_) if enter => frame.send(if finished {
            Command::ShowDebrief
        } else {
            Command::Continue
        }),
        Phase::Choosing if finished && enter => frame.send(Command::ShowDebrief),
        Phase::Choosing if !finished => {
            let offered = player.session.offered().len();
            for (position, key) in NUMBER_KEYS.iter().enumerate().take(offered) {
                if ui.input_mut(|i| i.consume_key(Modifiers::NONE, *key)) {
                    frame.send(Command::Choose(position));
                    break;
                }
            }
        }
        _ => {}
    }
}

/// The decision the screen is about: while the feedback of a reply is
/// shown, that reply's decision, not the next one.
pub(super) fn decision_number(player: &PlayerView) -> usize {
    let session = &player.session;
    let upcoming = usize::from(!session.is_finished() && !player.showing_feedback());
    session.steps().len() + upcoming
}

fn side_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut ScreenCtx) {
    let gender = player.session.scenario().customer.gender;
    let t = frame.t;
    let session = &player.session;
    let scenario = session.scenario();
    ui.label(RichText::new(&scenario.title.value).strong().size(17.0));
    ui.horizontal(|ui| {
        let (label, color) = match session.mode() {
            Mode::Practice => (t.gui_mode_practice, style::ACCENT),
            Mode::Assessment => (t.gui_mode_assessment, style::middling(ui)),
            Mode::Classroom => (
                crate::i18n::classroom::texts(frame.lang).mode,
                style::ACCENT,
            ),
        };
        widgets::chip_ui(ui, label, color);
        let decision = decision_number(player);
        ui.label(
            RichText::new(fill(
                t.gui_decision_number,
                &[("number", &decision.to_string())],
            ))
            .small()
            .weak(),
        );
    });
    ui.add_space(8.0);

    let customer = session.customer_name();
    let mood = session.mood();
    let level = MoodLevel::of(mood);
    let shown_mood = ui.ctx().animate_value_with_time(
        egui::Id::unique("portrait_mood"),
        mood as f32,
        if frame.animate() {
            MOOD_ANIMATION_SECONDS
        } else {
            0.0
        },
    );
    // On a short window the portrait gives way to the mood and Quit.
    let size = ui
        .available_width()
        .min(260.0)
        .min((ui.ctx().content_rect().height() * 0.34).max(120.0));
    ui.vertical_centered(|ui| {
        portrait::portrait_ui(
            ui,
            size,
            shown_mood,
            Looks::of(customer),
            &fill(
                t.gui_portrait,
                &[
                    ("customer", customer),
                    ("mood", labels::mood(frame.lang, level, gender)),
                ],
            ),
        );
    });
    ui.add_space(6.0);
    ui.label(RichText::new(customer).size(20.0).strong());
    ui.label(RichText::new(session.resolve_text(&scenario.customer.persona)).weak());
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.gui_mood).strong());
        ui.label(
            RichText::new(labels::mood(frame.lang, level, gender))
                .strong()
                .color(mood_color(ui, mood)),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format!("{mood}/100")).weak());
        });
    });
    widgets::thin_bar_ui(
        ui,
        shown_mood / 100.0,
        mood_color(ui, mood),
        &fill(
            t.gui_mood_bar,
            &[
                ("mood", labels::mood(frame.lang, level, gender)),
                ("value", &mood.to_string()),
            ],
        ),
    );
    ui.add_space(16.0);
    if ui.button(t.gui_quit).clicked() {
        player.ask_quit(frame.clock.now());
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t.gui_player_keys).small().weak());
}

/// Red to green along the mood.
pub(super) fn mood_color(ui: &egui::Ui, mood: i32) -> Color32 {
    style::score_color(ui, f64::from(mood) + 10.0)
}

pub(super) fn actions_ui(ui: &mut egui::Ui, player: &PlayerView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let finished = player.session.is_finished();
    match &player.phase {
        Phase::Feedback(feedback) => feedback_ui(ui, player, feedback, frame),
        Phase::Choosing if finished => {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.gui_conversation_over).strong());
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if primary_button(ui, t.player_see_debrief).clicked() {
                        frame.send(Command::ShowDebrief);
                    }
                    ui.label(RichText::new(t.gui_press_enter).small().weak());
                });
            });
        }
        Phase::Choosing => choices_ui(ui, player, frame),
    }
}

pub(super) fn choices_ui(ui: &mut egui::Ui, player: &PlayerView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let choices = player.session.choices();
    if let Some(left) = player.seconds_left(frame.clock.now()) {
        let limit = f64::from(player.session.time_limit().unwrap_or(1).max(1));
        let fraction = (left / limit) as f32;
        let color = if fraction > 0.5 {
            style::good(ui)
        } else if fraction > 0.2 {
            style::middling(ui)
        } else {
            style::bad(ui)
        };
        let seconds = left.ceil() as u32;
        let label = fill(t.gui_time_left, &[("seconds", &seconds.to_string())]);
        ui.horizontal(|ui| {
            ui.label(RichText::new(&label).strong().color(color));
        });
        widgets::thin_bar_ui(ui, fraction, color, &label);
        ui.add_space(4.0);
        if left <= 0.0 {
            frame.send(Command::TimeOut);
        }
    }
    ui.label(
        RichText::new(fill(
            t.gui_choose_hint,
            &[("max", &choices.len().to_string())],
        ))
        .weak(),
    );
    ui.add_space(2.0);
    for choice in &choices {
        if choice_button_ui(ui, choice.number, &choice.text).clicked() {
            frame.send(Command::Choose(choice.number - 1));
        }
        ui.add_space(2.0);
    }
}

/// A large reply button: the number in a circle, then the text, wrapped.
fn choice_button_ui(ui: &mut egui::Ui, number: usize, text: &str) -> egui::Response {
    let width = ui.available_width();
    let text_left = 54.0;
    let galley = egui::WidgetText::from(RichText::new(text).size(16.5)).into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        width - text_left - 14.0,
        egui::TextStyle::Body,
    );
    let height = (galley.size().y + 20.0).max(46.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    name_widget(&response, Role::Button, &format!("{number}. {text}"));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let hovered = response.hovered() || response.has_focus();
        let fill = if hovered {
            style::ACCENT.gamma_multiply(if style::is_dark(ui) { 0.45 } else { 0.16 })
        } else {
            style::card_fill(ui)
        };
        let stroke = if response.has_focus() {
            Stroke::new(2.0, style::ACCENT)
        } else if hovered {
            Stroke::new(1.5, style::ACCENT)
        } else {
            Stroke::new(1.0, style::card_stroke(ui))
        };
        let painter = ui.painter();
        painter.rect(rect, 10.0, fill, stroke, StrokeKind::Inside);
        widgets::paint_badge(
            painter,
            egui::pos2(rect.left() + 27.0, rect.center().y),
            number,
            style::ACCENT,
        );
        painter.galley(
            egui::pos2(
                rect.left() + text_left,
                rect.center().y - galley.size().y / 2.0,
            ),
            galley,
            visuals.text_color(),
        );
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}

/// A button for the main action of a moment.
pub(super) fn primary_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add(
        egui::Button::new(RichText::new(text).strong().color(Color32::WHITE))
            .fill(style::ACCENT)
            .min_size(egui::vec2(0.0, 34.0)),
    )
}

fn feedback_ui(ui: &mut egui::Ui, player: &PlayerView, feedback: &Feedback, frame: &mut ScreenCtx) {
    let t = frame.t;
    let decision = &feedback.decision;
    let finished = player.session.is_finished();
    egui::Frame::new()
        .fill(style::note_fill(ui))
        .stroke(Stroke::new(1.0, style::middling(ui).gamma_multiply(0.6)))
        .corner_radius(10)
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(t.gui_feedback_title).strong().size(17.0));
            ui.add_space(2.0);
            ui.label(RichText::new(&decision.feedback).size(16.0));
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(t.gui_what_moved).weak());
                moved_ui(ui, player, feedback, frame);
            });
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(t.gui_undo).clicked() {
            frame.send(Command::Undo);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let (label, command) = if finished {
                (t.player_see_debrief, Command::ShowDebrief)
            } else {
                (t.gui_continue, Command::Continue)
            };
            if primary_button(ui, label).clicked() {
                frame.send(command);
            }
            ui.label(RichText::new(t.gui_press_enter).small().weak());
        });
    });
}

/// Chips for each dimension's points, the mood change and promise events.
fn moved_ui(ui: &mut egui::Ui, player: &PlayerView, feedback: &Feedback, frame: &ScreenCtx) {
    let t = frame.t;
    let decision = &feedback.decision;
    widgets::points_chips_ui(ui, &decision.points, t, frame.lang);
    widgets::mood_chip_ui(ui, t, decision.mood);
    let session = &player.session;
    let promise = |index| {
        session
            .scenario()
            .promise_text(index)
            .map(|(text, _)| session.resolve_text(text))
            .unwrap_or_default()
    };
    for event in &feedback.events {
        let (template, index, good) = match *event {
            Event::PromiseMade {
                promise: p,
                limit: None,
                ..
            } => (t.gui_promise_made, p, true),
            Event::PromiseMade {
                promise: p,
                limit: Some(limit),
                ..
            } => {
                let text = fill(
                    t.gui_promise_unrealistic,
                    &[
                        ("promise", &promise(p)),
                        ("limit", labels::limit(frame.lang, limit)),
                    ],
                );
                widgets::chip_ui(ui, &text, style::bad(ui));
                continue;
            }
            Event::PromiseKept { promise: p } => (t.gui_promise_kept, p, true),
            Event::PromiseBroken { promise: p, .. } => (t.gui_promise_broken, p, false),
            Event::PromiseConfirmed { promise: p } => (t.gui_promise_confirmed, p, true),
            _ => continue,
        };
        let color = if good {
            style::good(ui)
        } else {
            style::bad(ui)
        };
        widgets::chip_ui(ui, &fill(template, &[("promise", &promise(index))]), color);
    }
}

fn quit_dialog_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let confirm = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
    let modal = egui::Modal::new(egui::Id::unique("quit_dialog")).show(ui.ctx(), |ui| {
        ui.set_width(400.0);
        ui.label(RichText::new(t.gui_quit_title).strong().size(18.0));
        ui.add_space(4.0);
        // What happens to the attempt, as it will happen: practice can be
        // resumed, an assessment stays unfinished without a debrief.
        ui.label(match player.session.mode() {
            Mode::Practice => t.quit_body_practice,
            Mode::Assessment | Mode::Classroom => t.gui_quit_body,
        });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(t.gui_quit_confirm).clicked() || confirm {
                frame.send(Command::Abandon);
            }
            if ui.button(t.gui_quit_cancel).clicked() {
                player.cancel_quit(frame.clock.now());
            }
        });
        ui.label(RichText::new(t.gui_quit_keys).small().weak());
    });
    if modal.should_close() {
        player.cancel_quit(frame.clock.now());
    }
}
