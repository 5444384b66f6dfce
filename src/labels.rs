//! The words for the domain's values: dimensions, outcomes, mood levels,
//! the four limits of a promise and promise states, in either language.
//!
//! They sit above the domain (they name its types) and below everything
//! that shows them (`ui`, `cli`, `debrief`, `records`), so `i18n` itself
//! stays free of domain types.

use crate::engine::{MoodLevel, PromiseStatus};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::scenario::{Dimension, Gender, Limit, Outcome};

/// Label of a dimension.
pub fn dimension(lang: Lang, dimension: Dimension) -> &'static str {
    let t = lang.texts();
    match dimension {
        Dimension::Empathy => t.dim_empathy,
        Dimension::Promise => t.dim_promise,
        Dimension::Care => t.dim_care,
    }
}

/// Plain-language help for a dimension.
pub fn dimension_help(lang: Lang, dimension: Dimension) -> &'static str {
    let t = lang.texts();
    match dimension {
        Dimension::Empathy => t.dim_empathy_help,
        Dimension::Promise => t.dim_promise_help,
        Dimension::Care => t.dim_care_help,
    }
}

/// Label of an outcome.
pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    let t = lang.texts();
    match outcome {
        Outcome::Kept => t.outcome_kept,
        Outcome::Neutral => t.outcome_neutral,
        Outcome::Lost => t.outcome_lost,
    }
}

/// One-sentence summary of an outcome.
pub fn outcome_sentence(lang: Lang, outcome: Outcome, customer: &str) -> String {
    let t = lang.texts();
    let template = match outcome {
        Outcome::Kept => t.outcome_sentence_kept,
        Outcome::Neutral => t.outcome_sentence_neutral,
        Outcome::Lost => t.outcome_sentence_lost,
    };
    fill(template, &[("customer", customer)])
}

/// Label of a mood level, agreeing in Spanish with the customer's gender
/// ("Molesta", "Encantado"); the masculine form when it is not given.
pub fn mood(lang: Lang, level: MoodLevel, gender: Gender) -> &'static str {
    let t = lang.texts();
    let feminine = gender == Gender::Feminine;
    match level {
        MoodLevel::Furious if feminine => t.mood_furious_f,
        MoodLevel::Furious => t.mood_furious,
        MoodLevel::Upset if feminine => t.mood_upset_f,
        MoodLevel::Upset => t.mood_upset,
        MoodLevel::Neutral => t.mood_neutral,
        MoodLevel::Pleased if feminine => t.mood_pleased_f,
        MoodLevel::Pleased => t.mood_pleased,
        MoodLevel::Delighted if feminine => t.mood_delighted_f,
        MoodLevel::Delighted => t.mood_delighted,
    }
}

/// Label of one of the four limits.
pub fn limit(lang: Lang, limit: Limit) -> &'static str {
    let t = lang.texts();
    match limit {
        Limit::CannotPhysically => t.limit_cannot_physically,
        Limit::DontKnowHow => t.limit_dont_know_how,
        Limit::NotAllowed => t.limit_not_allowed,
        Limit::NoTools => t.limit_no_tools,
    }
}

/// Label of a promise status.
pub fn promise_status(lang: Lang, status: PromiseStatus) -> &'static str {
    let t = lang.texts();
    match status {
        PromiseStatus::NotMade => t.promise_not_made,
        PromiseStatus::Open => t.promise_open,
        PromiseStatus::Kept => t.promise_kept,
        PromiseStatus::Broken => t.promise_broken,
        PromiseStatus::Retracted => t.promise_retracted,
    }
}

/// The mark shown for a score that was not assessed (nothing at stake).
pub const NOT_ASSESSED: &str = "—";

/// A score rounded to a whole number, or [`NOT_ASSESSED`].
pub fn score(score: Option<f64>) -> String {
    score.map_or_else(|| NOT_ASSESSED.to_string(), |s| format!("{}", s.round()))
}

/// A score with one decimal, or [`NOT_ASSESSED`].
pub fn score_1(score: Option<f64>) -> String {
    score.map_or_else(|| NOT_ASSESSED.to_string(), |s| format!("{s:.1}"))
}
