//! The debrief of a classroom session: the group's attempt as the trainee
//! debrief shows it, with the room's votes at every decision against the
//! best reply, and the scenario's discussion questions.

use super::doc;
use super::error::{Handout, HandoutError};
use super::layout::{Composer, Style};
use super::texts::texts;
use super::trainee::body;
use super::votes::DecisionVotes;
use crate::debrief::Debrief;
use crate::i18n::fill;
use crate::lang::Lang;
use crate::records::local_time;
use crate::records::record::AttemptRecord;

/// The group debrief of `record` (the group's attempt: trainee = the
/// group's name) with `votes` (one per decision, in the order of the
/// record's steps) and the scenario's `discussion` questions; labels in
/// `lang`. `review` as for [`super::trainee_debrief`].
pub fn group_debrief(
    record: &AttemptRecord,
    votes: &[DecisionVotes],
    discussion: &[String],
    review: Option<&Debrief>,
    lang: Lang,
) -> Result<Handout, HandoutError> {
    let h = texts(lang);
    let mut composer = Composer::new();
    composer.paragraph(h.group_title, Style::NOTE.bold());
    composer.title(&record.scenario.title);
    let group = if record.trainee.trim().is_empty() {
        h.no_name
    } else {
        record.trainee.trim()
    };
    composer.paragraph(
        &fill(
            h.group_meta,
            &[
                ("group", group),
                ("date", &local_time(record.started_at)),
                ("customer", &record.customer),
            ],
        ),
        Style::NOTE,
    );
    composer.paragraph(h.votes_help, Style::NOTE);
    body(
        &mut composer,
        record,
        review,
        Some(votes),
        h.group_path,
        lang,
    );
    composer.heading(h.discussion_questions);
    if discussion.is_empty() {
        composer.paragraph(h.none_written, Style::NOTE);
    } else {
        composer.bullets(discussion, Style::BODY);
    }
    let title = format!("{} — {}", h.group_title, record.scenario.title);
    doc::finish(composer, &title, lang, &record.scenario.language)
}
