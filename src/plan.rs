//! A classroom session plan: the scenarios a trainer will play with a group,
//! in order, and how long the session will take. Saved as a small RON file
//! beside the trainer's scenarios folder (not inside it: every `.ron` file
//! there is read as a scenario), or in the configuration folder.

use crate::lang::{Bilingual, Lang, msg};
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The plan's file name.
pub const PLAN_FILE: &str = "momento-classroom-plan.ron";

/// The largest plan file read: a plan is a short list.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024;

/// The most scenarios in one plan (a day of training is far fewer).
pub const MAX_PLAN_ITEMS: usize = 50;

/// Seconds of discussion a decision without a time limit counts as
/// before the factor applies: about a show of hands and one comment.
pub const UNTIMED_BASE_SECONDS: u32 = 30;

/// The largest discussion factor offered.
pub const MAX_FACTOR: u32 = 20;

/// One scenario of a plan, by id and language (a library entry may move).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    /// Scenario id.
    pub scenario_id: String,
    /// Its language code.
    pub language: String,
}

/// The scenarios of a session, in order, and the discussion factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPlan {
    /// The scenarios, in the order they are played.
    pub items: Vec<PlanItem>,
    /// Discussion time = each decision's time limit × this factor; 0 turns
    /// the timer off.
    #[serde(default = "default_factor")]
    pub discussion_factor: u32,
}

fn default_factor() -> u32 {
    4
}

impl Default for SessionPlan {
    fn default() -> SessionPlan {
        SessionPlan {
            items: Vec::new(),
            discussion_factor: default_factor(),
        }
    }
}

/// Why a plan could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// Reading or writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The file is not a plan.
    #[error("{path}: {}", reason.get(Lang::En))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Why, in both languages.
        reason: Bilingual,
    },
}

impl PlanError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanError::Io { path, source } => format!("{}: {source}", path.display()),
            PlanError::Invalid { path, reason } => {
                format!("{}: {}", path.display(), reason.get(lang))
            }
        }
    }
}

fn invalid(path: &Path, reason: Bilingual) -> PlanError {
    PlanError::Invalid {
        path: path.to_path_buf(),
        reason,
    }
}

fn not_a_plan(path: &Path, detail: impl std::fmt::Display) -> PlanError {
    invalid(
        path,
        msg!(
            "not a session plan ({detail})",
            "no es un plan de sesión ({detail})",
            detail = detail,
        ),
    )
}

/// Where the plan is kept: beside `scenarios_folder` when there is one,
/// else in `config_dir`.
pub fn plan_path(scenarios_folder: Option<&Path>, config_dir: Option<&Path>) -> Option<PathBuf> {
    let beside = scenarios_folder.map(|folder| {
        let parent = folder
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        parent.join(PLAN_FILE)
    });
    beside.or_else(|| config_dir.map(|dir| dir.join(PLAN_FILE)))
}

impl SessionPlan {
    /// Reads a plan (bounded, regular files only).
    pub fn read(path: &Path) -> Result<SessionPlan, PlanError> {
        let bytes = crate::regular::read_bounded(path, MAX_PLAN_BYTES)
            .map_err(|e| invalid(path, e.message()))?;
        let text = String::from_utf8(bytes).map_err(|e| not_a_plan(path, e))?;
        let mut plan: SessionPlan = ron::from_str(&text).map_err(|e| not_a_plan(path, e))?;
        plan.items.truncate(MAX_PLAN_ITEMS);
        plan.discussion_factor = plan.discussion_factor.min(MAX_FACTOR);
        Ok(plan)
    }

    /// Writes the plan atomically (the old file stays whole until the new
    /// one is complete), creating the folder if needed.
    pub fn write(&self, path: &Path) -> Result<(), PlanError> {
        let io = |source| PlanError::Io {
            path: path.to_path_buf(),
            source,
        };
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| not_a_plan(path, e))?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        crate::atomic::replace(path, text.as_bytes()).map_err(io)
    }

    /// Adds a scenario at the end (up to [`MAX_PLAN_ITEMS`]).
    pub fn push(&mut self, scenario_id: &str, language: &str) {
        if self.items.len() < MAX_PLAN_ITEMS {
            self.items.push(PlanItem {
                scenario_id: scenario_id.to_string(),
                language: language.to_string(),
            });
        }
    }

    /// Moves item `index` one place up (towards the start).
    pub fn move_up(&mut self, index: usize) {
        if index > 0 && index < self.items.len() {
            self.items.swap(index - 1, index);
        }
    }

    /// Moves item `index` one place down.
    pub fn move_down(&mut self, index: usize) {
        if index + 1 < self.items.len() {
            self.items.swap(index, index + 1);
        }
    }
}

/// Seconds of discussion at one decision: its time limit (or
/// [`UNTIMED_BASE_SECONDS`]) × `factor`; 0 when the timer is off.
pub fn discussion_seconds(time_limit: Option<u32>, factor: u32) -> u32 {
    time_limit
        .unwrap_or(UNTIMED_BASE_SECONDS)
        .saturating_mul(factor.min(MAX_FACTOR))
}

/// Minutes of discussion a scenario takes with `factor`: the discussion
/// time of each decision on its shortest complete conversation (so an
/// estimate from below), rounded up.
pub fn discussion_minutes(scenario: &Scenario, factor: u32) -> u32 {
    if factor == 0 {
        return 0;
    }
    shortest_discussion(scenario, factor).div_ceil(60)
}

/// The least total discussion seconds from the start to an ending
/// (Dijkstra over the nodes; conditions ignored).
fn shortest_discussion(scenario: &Scenario, factor: u32) -> u32 {
    let count = scenario.nodes.len();
    let mut best: Vec<Option<u32>> = vec![None; count];
    let mut done = vec![false; count];
    let start = scenario.start.node as usize;
    if start >= count {
        return 0;
    }
    best[start] = Some(0);
    // Each round settles one node: at most `count` rounds.
    for _ in 0..count {
        let Some((current, cost)) = best
            .iter()
            .enumerate()
            .filter(|(i, _)| !done[*i])
            .filter_map(|(i, c)| c.map(|c| (i, c)))
            .min_by_key(|(_, c)| *c)
        else {
            break;
        };
        done[current] = true;
        let Some(node) = scenario.nodes.get(current) else {
            break;
        };
        if node.is_ending() {
            return cost;
        }
        let here = cost.saturating_add(discussion_seconds(
            node.time_limit().map(|t| t.seconds),
            factor,
        ));
        let replies = node
            .choices()
            .iter()
            .chain(node.time_limit().map(|t| &t.reply));
        for reply in replies {
            for target in reply.next.targets() {
                if let Some(slot) = best.get_mut(target.node as usize)
                    && slot.is_none_or(|old| here < old)
                {
                    *slot = Some(here);
                }
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_lives_beside_the_scenarios_folder() {
        let beside = plan_path(Some(Path::new("/data/trainer/scenarios")), None);
        assert_eq!(beside, Some(PathBuf::from("/data/trainer").join(PLAN_FILE)));
        let config = plan_path(None, Some(Path::new("/home/a/.config/momento")));
        assert_eq!(
            config,
            Some(PathBuf::from("/home/a/.config/momento").join(PLAN_FILE))
        );
        assert_eq!(plan_path(None, None), None);
    }

    #[test]
    fn a_plan_round_trips_and_reorders() {
        let dir = std::env::temp_dir().join(format!("momento-plan-{}", std::process::id()));
        let path = dir.join(PLAN_FILE);
        let mut plan = SessionPlan::default();
        plan.push("a", "es");
        plan.push("b", "en");
        plan.push("c", "es");
        plan.move_up(2);
        plan.move_down(0);
        plan.move_up(0); // no-op at the top
        let ids: Vec<&str> = plan.items.iter().map(|i| i.scenario_id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
        plan.write(&path).expect("written");
        assert_eq!(SessionPlan::read(&path).expect("read back"), plan);
        std::fs::write(&path, "not a plan").expect("overwrite");
        assert!(SessionPlan::read(&path).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn discussion_time_is_the_limit_times_the_factor() {
        assert_eq!(discussion_seconds(Some(20), 4), 80);
        assert_eq!(discussion_seconds(None, 2), 2 * UNTIMED_BASE_SECONDS);
        assert_eq!(discussion_seconds(Some(20), 0), 0);
    }
}
