//! Attempt records: every finished or abandoned attempt kept as one file,
//! progress over time, and the reports a trainer reads (table, CSV, JSON,
//! xAPI).
//!
//! * [`record`]: the record format ([`AttemptRecord`]), built from a
//!   [`Session`].
//! * [`store`]: the folder of records, atomic writes, quarantine.
//! * [`report`]: aggregates (latest and best per trainee and scenario, the
//!   share of each reply per decision), with filters.
//! * [`csv_export`] and [`xapi`]: exports.
//! * [`simulate`]: attempts played by the engine, for demos and tests.

pub mod classroom;
pub mod csv_export;
pub mod ids;
pub mod localize;
pub mod record;
pub mod report;
pub mod simulate;
pub mod store;
pub mod trainee;
pub mod xapi;

pub use ids::new_attempt_id;
pub use record::{AttemptMeta, AttemptOutcome, AttemptRecord, FORMAT};
pub use report::{Filter, Report};
pub use store::{LoadOptions, LoadProblem, Loaded, Store, StoreError, StoredRecord, load_folder};
pub use trainee::Trainee;

use crate::engine::{RestoreError, Session};
use crate::lang::Lang;
use crate::scenario::Scenario;
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The current time, to the millisecond (records keep no more).
pub fn now() -> Timestamp {
    Timestamp::from_millisecond(Timestamp::now().as_millisecond())
        .unwrap_or_else(|_| Timestamp::now())
}

/// An attempt being recorded: its id, when it started, and the file of its
/// latest revision. The app keeps one per session and saves after each
/// reply, at the end, and when a reflection is written, so a crash loses at
/// most the reply being made.
#[derive(Debug, Clone, PartialEq)]
pub struct Recording {
    /// The attempt's id.
    pub attempt_id: String,
    /// When it started.
    pub started_at: Timestamp,
    ended_at: Option<Timestamp>,
    revision: u32,
    path: Option<PathBuf>,
    trainee_id: String,
}

impl Recording {
    /// Starts recording a new attempt.
    pub fn start(started_at: Timestamp) -> Recording {
        Recording::with_id(new_attempt_id(), started_at)
    }

    /// Starts recording with a given id (generated attempts).
    pub fn with_id(attempt_id: String, started_at: Timestamp) -> Recording {
        Recording {
            attempt_id,
            started_at,
            ended_at: None,
            revision: 0,
            path: None,
            trainee_id: String::new(),
        }
    }

    /// Records the attempt as the trainee's with this stable id (see
    /// [`AttemptRecord::trainee_id`]).
    pub fn for_trainee(mut self, trainee_id: &str) -> Recording {
        self.trainee_id = trainee_id.trim().to_string();
        self
    }

    /// Continues recording an attempt read back from `path`: a finished
    /// one whose debrief was reopened from the history (new reflection
    /// answers are kept, its end time stays), or an unfinished one the
    /// trainee resumes (it ends when its ending is reached).
    pub fn resume(record: &AttemptRecord, path: PathBuf) -> Recording {
        Recording {
            attempt_id: record.attempt_id.clone(),
            started_at: record.started_at,
            ended_at: record.outcome.is_finished().then_some(record.ended_at),
            revision: record.revision,
            path: Some(path),
            trainee_id: record.trainee_id.clone(),
        }
    }

    /// The file of the latest revision, once written.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The number of revisions written.
    pub fn revision(&self) -> u32 {
        self.revision
    }

    /// The record of `session` as it stands at `now`.
    pub fn record(
        &mut self,
        session: &Session,
        lang: Lang,
        reflection_answers: &[String],
        now: Timestamp,
    ) -> AttemptRecord {
        // A finished attempt ended when the ending was reached, not when a
        // reflection was written afterwards.
        let ended_at = match self.ended_at {
            Some(ended) => ended,
            None => {
                if session.is_finished() {
                    self.ended_at = Some(now);
                }
                now
            }
        };
        let mut record = AttemptRecord::of(
            session,
            &AttemptMeta {
                attempt_id: self.attempt_id.clone(),
                revision: self.revision + 1,
                started_at: self.started_at,
                ended_at: ended_at.max(self.started_at),
                lang,
                reflection_answers: reflection_answers.to_vec(),
            },
        );
        record.trainee_id = self.trainee_id.clone();
        record
    }

    /// Writes the next revision of the attempt, replacing the previous
    /// revision's file only once the new one is safely written.
    pub fn save(
        &mut self,
        store: &Store,
        session: &Session,
        lang: Lang,
        reflection_answers: &[String],
        now: Timestamp,
    ) -> Result<StoredRecord, StoreError> {
        let record = self.record(session, lang, reflection_answers, now);
        let path = store.write(&record, self.path.as_deref())?;
        self.revision = record.revision;
        self.path = Some(path.clone());
        Ok(StoredRecord { path, record })
    }
}

/// A time as the trainee reads it: local date and time, to the minute.
pub fn local_time(timestamp: Timestamp) -> String {
    timestamp
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// How an old attempt can be replayed on the scenario loaded now.
#[derive(Debug)]
pub enum Replay {
    /// Same scenario file: the replay is exact.
    Exact(Session),
    /// The scenario changed since the attempt (`then` and `now` are its
    /// versions); a replay on the new file may differ or fail.
    ScenarioChanged {
        /// Version at the time of the attempt.
        then: u32,
        /// Version loaded now.
        now: u32,
        /// The replay on the changed scenario, when its replies still fit.
        replayed: Result<Session, RestoreError>,
    },
    /// Not the same scenario, or the record does not fit it.
    Failed(RestoreError),
}

/// Replays a recorded attempt on `scenario`: exactly when the scenario file
/// is the same, otherwise says so and tries anyway.
pub fn replay(record: &AttemptRecord, scenario: Arc<Scenario>) -> Replay {
    match Session::restore(Arc::clone(&scenario), &record.replay) {
        Ok(session) => Replay::Exact(session),
        Err(RestoreError::ScenarioChanged {
            saved_version,
            loaded_version,
        }) => Replay::ScenarioChanged {
            then: saved_version,
            now: loaded_version,
            replayed: Session::replay(scenario, &record.replay),
        },
        Err(error) => Replay::Failed(error),
    }
}
