//! Whose attempts are whose: attempts belong to a stable trainee id, not to
//! the display name, so a trainee who changes their name keeps their
//! history and best results.
//!
//! Records written before trainee ids existed carry only a name. The app
//! adopts them for the trainee of this machine when they have no name (the
//! app did not ask for one then) or carry the name that was set when the
//! trainee's id was created: both were, as far as the app can know, written
//! by the same person on this account. Other people's attempts copied into
//! the folder keep their own names and stay out. Adopting changes nothing
//! on disk: the rule is applied when reading, so no record is rewritten and
//! none can be lost.

use super::record::AttemptRecord;

/// The trainee whose attempts are shown (History, best results, resume).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trainee<'a> {
    /// The stable id kept in the settings.
    pub trainee_id: &'a str,
    /// The name in use when the id was created; older records under it are
    /// this trainee's.
    pub legacy_name: Option<&'a str>,
}

impl Trainee<'_> {
    /// True when `record` is this trainee's attempt.
    pub fn owns(&self, record: &AttemptRecord) -> bool {
        let id = record.trainee_id.trim();
        if !id.is_empty() {
            return id == self.trainee_id.trim();
        }
        let name = record.trainee.trim();
        name.is_empty() || self.legacy_name.is_some_and(|legacy| legacy.trim() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Mode, Session};
    use crate::lang::Lang;
    use crate::library::Library;
    use crate::records::AttemptMeta;

    fn record(trainee: &str, trainee_id: &str) -> AttemptRecord {
        let mut library = Library::default();
        library.add_file(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/valid/wrong-size.ron"),
        );
        let scenario = library.entries[0].playable().cloned().expect("playable");
        let session = Session::new(scenario, 1, Mode::Practice)
            .expect("session")
            .with_trainee(trainee);
        let now = jiff::Timestamp::UNIX_EPOCH;
        let mut record = AttemptRecord::of(
            &session,
            &AttemptMeta {
                attempt_id: "a".to_string(),
                revision: 1,
                started_at: now,
                ended_at: now,
                lang: Lang::En,
                reflection_answers: Vec::new(),
            },
        );
        record.trainee_id = trainee_id.to_string();
        record
    }

    #[test]
    fn attempts_follow_the_id_and_old_ones_the_name_of_that_time() {
        let ana = Trainee {
            trainee_id: "id-ana",
            legacy_name: Some("Ana"),
        };
        // With an id, the id decides, whatever the name.
        assert!(ana.owns(&record("Ana María", "id-ana")));
        assert!(!ana.owns(&record("Ana", "id-other")));
        // Without one: the name in use when the id was made, or no name.
        assert!(ana.owns(&record(" Ana ", "")));
        assert!(ana.owns(&record("", "")));
        assert!(!ana.owns(&record("Bob", "")));
        let fresh = Trainee {
            trainee_id: "id-new",
            legacy_name: None,
        };
        assert!(!fresh.owns(&record("Ana", "")));
        assert!(fresh.owns(&record("", "")));
    }

    #[test]
    fn a_record_without_the_new_fields_still_reads() {
        let mut json = serde_json::to_value(record("Ana", "")).expect("json");
        assert!(
            json.get("trainee_id").is_none(),
            "an empty id is not written"
        );
        json.as_object_mut()
            .expect("an object")
            .remove("decisions_at_least");
        let back: AttemptRecord = serde_json::from_value(json).expect("reads");
        assert_eq!(back.trainee_id, "");
        assert_eq!(back.decisions_at_least, None);
        let with_id = serde_json::to_value(record("Ana", "id-ana")).expect("json");
        assert_eq!(with_id["trainee_id"], "id-ana");
        // Not finished: the fewest decisions of a complete path is kept
        // (none made yet; one reply at "desk" can end it).
        assert_eq!(with_id["decisions_at_least"], 1);
    }
}
