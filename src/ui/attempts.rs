//! The app's side of attempt records: which store it writes to, the attempt
//! being recorded, and the records read back for the history. Saving and
//! loading are the library's ([`crate::records`]); this only decides when.

use super::player::PlayerView;
use super::{BestResult, BestResults};
use crate::i18n;
use crate::lang::Lang;
use crate::records::report::best_by_scenario;
use crate::records::{self, LoadProblem, Recording, Store, StoreError, StoredRecord, Trainee};
use std::path::PathBuf;

/// Environment variable that moves the attempts folder (tests, kiosks).
pub use crate::paths::RECORDS_DIR_VAR;

/// Attempt records as the app uses them.
#[derive(Debug, Default)]
pub struct Attempts {
    /// Where attempts are saved; `None` when saving is off or impossible.
    pub store: Option<Store>,
    /// Why attempts are not being saved.
    pub store_error: Option<StoreError>,
    /// The attempt of the session being played or debriefed.
    pub recording: Option<Recording>,
    /// Reflection answers as last written to the record.
    saved_answers: Vec<String>,
    /// Every record of the store, oldest first.
    pub all: Vec<StoredRecord>,
    /// Files of the store that could not be read.
    pub problems: Vec<LoadProblem>,
    /// The last save error, shown until a save succeeds.
    pub last_error: Option<StoreError>,
}

impl Attempts {
    /// Opens the attempts folder: `dir` if given, else the environment
    /// variable, else the user's data folder. With `enabled` false (tests
    /// without a folder) nothing is saved.
    pub fn open(dir: Option<PathBuf>, enabled: bool) -> Attempts {
        let dir = dir.or_else(|| std::env::var_os(RECORDS_DIR_VAR).map(PathBuf::from));
        if dir.is_none() && !enabled {
            return Attempts::default();
        }
        let opened = match dir {
            Some(dir) => Store::open(dir),
            None => Store::open_default(),
        };
        match opened {
            Ok(store) => Attempts {
                store: Some(store),
                ..Attempts::default()
            },
            Err(error) => Attempts {
                store_error: Some(error),
                ..Attempts::default()
            },
        }
    }

    /// Reads the store again (unreadable files are moved aside and named).
    pub fn reload(&mut self) {
        let Some(store) = &self.store else {
            return;
        };
        let loaded = store.load();
        self.problems = loaded.problems;
        self.all = loaded.records;
    }

    /// Everything wrong with the store, for the user: why nothing is
    /// saved, files that could not be read, the last failed save.
    pub fn problem_messages(&self, lang: Lang) -> Vec<String> {
        let t = lang.texts();
        let store = self
            .store_error
            .iter()
            .map(|error| i18n::fill(t.history_no_store, &[("error", &error.message(lang))]));
        let files = self.problems.iter().map(|problem| problem.message(lang));
        let save = self
            .last_error
            .iter()
            .map(|error| i18n::fill(t.records_save_failed, &[("error", &error.message(lang))]));
        store.chain(files).chain(save).collect()
    }

    /// The records of one trainee (by their stable id, see
    /// [`crate::records::trainee`]), oldest first.
    pub fn of_trainee<'a>(
        &'a self,
        trainee: Trainee<'a>,
    ) -> impl Iterator<Item = &'a StoredRecord> {
        self.all.iter().filter(move |r| trainee.owns(&r.record))
    }

    /// The record of an attempt.
    pub fn find(&self, attempt_id: &str) -> Option<&StoredRecord> {
        self.all.iter().find(|r| r.record.attempt_id == attempt_id)
    }

    /// The trainee's best finished result per (scenario id, language).
    pub fn best_results(&self, trainee: Trainee<'_>) -> BestResults {
        // A group's classroom session is not the trainee's own result.
        let own = self
            .of_trainee(trainee)
            .filter(|r| r.record.mode != crate::engine::Mode::Classroom);
        best_by_scenario(own.map(|r| &r.record))
            .into_iter()
            .filter_map(|(key, (_, best))| {
                let best = best?;
                let result = BestResult {
                    scores: best.scores(),
                    balance: best.balance,
                    outcome: best.outcome.outcome()?,
                };
                Some((key, result))
            })
            .collect()
    }

    /// Starts recording a new attempt of the trainee with this stable id
    /// (nothing is written before the first reply).
    pub fn begin(&mut self, trainee_id: &str) {
        self.recording = self
            .store
            .as_ref()
            .map(|_| Recording::start(records::now()).for_trainee(trainee_id));
        self.saved_answers.clear();
    }

    /// Continues recording a past attempt: reopened from the history, or
    /// an unfinished one resumed.
    pub fn resume(&mut self, stored: &StoredRecord) {
        self.recording = Some(Recording::resume(&stored.record, stored.path.clone()));
        self.saved_answers = stored
            .record
            .reflection
            .iter()
            .map(|r| r.answer.clone())
            .collect();
    }

    /// Stops recording (the next save writes nothing).
    pub fn stop(&mut self) {
        self.recording = None;
    }

    /// Writes the session's current state as a new revision. An attempt with
    /// no reply yet is not worth a file.
    pub fn save(&mut self, player: &PlayerView, lang: Lang) {
        let (Some(store), Some(recording)) = (&self.store, &mut self.recording) else {
            return;
        };
        if player.session.steps().is_empty() && recording.path().is_none() {
            return;
        }
        let answers = &player.reflections;
        match recording.save(store, &player.session, lang, answers, records::now()) {
            Ok(stored) => {
                self.saved_answers = answers.clone();
                self.last_error = None;
                match self
                    .all
                    .iter_mut()
                    .find(|r| r.record.attempt_id == stored.record.attempt_id)
                {
                    Some(existing) => *existing = stored,
                    None => self.all.push(stored),
                }
            }
            Err(error) => self.last_error = Some(error),
        }
    }

    /// Saves the reflection answers if they changed since the last save.
    pub fn save_reflection(&mut self, player: &PlayerView, lang: Lang) {
        if self.recording.is_some() && player.reflections != self.saved_answers {
            self.save(player, lang);
        }
    }
}
