//! "Did you mean": the closest of some names to a misspelled one, with a
//! bounded amount of work, so a file full of long or numerous names cannot
//! make it quadratic.

/// Names longer than this (in characters) are never compared for a "did
/// you mean": a typo in a name that long is better found by the trainer's
/// editor, and comparing long names costs the product of their lengths.
pub const MAX_SUGGEST_CHARS: usize = 64;

/// The work one [`closest`] call may do, in characters looked at and
/// edit-distance cells filled: a few milliseconds at most.
pub const SUGGEST_BUDGET_PER_CALL: usize = 2_000_000;

/// Suggests the closest of `candidates` to `wrong`, for "did you mean" hints.
pub fn closest<'c>(wrong: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let mut budget = SUGGEST_BUDGET_PER_CALL;
    closest_within(wrong, candidates, &mut budget)
}

/// [`closest`] drawing on a budget shared by many calls (all the unknown
/// names of one file), so that thousands of them among thousands of
/// candidates cost a bounded time: once the budget is spent, no more
/// suggestions are made (the hint simply has none).
///
/// Bounded three ways: names longer than [`MAX_SUGGEST_CHARS`] are skipped;
/// only candidates whose length is within the allowed distance are
/// compared; and each comparison stops as soon as it cannot beat the best
/// so far or the allowed distance (a distance of 0 ends the search).
pub fn closest_within<'c>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    budget: &mut usize,
) -> Option<&'c str> {
    // Four bytes per character at most: a cheap test before counting.
    if wrong.len() > MAX_SUGGEST_CHARS * 4 || wrong.chars().count() > MAX_SUGGEST_CHARS {
        return None;
    }
    let wrong: Vec<char> = wrong.chars().flat_map(char::to_lowercase).collect();
    let mut best: Option<(usize, &str)> = None;
    let mut row = Vec::with_capacity(MAX_SUGGEST_CHARS * 2);
    let mut candidate_lower = Vec::with_capacity(MAX_SUGGEST_CHARS * 2);
    for candidate in candidates {
        let look = candidate.len().min(MAX_SUGGEST_CHARS * 4) + 1;
        if *budget < look {
            break;
        }
        *budget -= look;
        if candidate.len() > MAX_SUGGEST_CHARS * 4 {
            continue;
        }
        candidate_lower.clear();
        candidate_lower.extend(candidate.chars().flat_map(char::to_lowercase));
        if candidate_lower.len() > MAX_SUGGEST_CHARS * 2 {
            continue;
        }
        let allowed = (candidate.chars().count() / 3).max(2);
        let limit = match best {
            Some((d, _)) => allowed.min(d.saturating_sub(1)),
            None => allowed,
        };
        if wrong.len().abs_diff(candidate_lower.len()) > limit {
            continue;
        }
        let cells = wrong.len() * candidate_lower.len();
        if *budget < cells {
            break;
        }
        *budget -= cells;
        if let Some(d) = edit_distance_within(&wrong, &candidate_lower, limit, &mut row) {
            best = Some((d, candidate));
            if d == 0 {
                break;
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The edit distance between `a` and `b` if it is at most `limit`; stops
/// as soon as a whole row exceeds the limit.
fn edit_distance_within(
    a: &[char],
    b: &[char],
    limit: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
    row.clear();
    row.extend(0..=b.len());
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut row_min = row[0];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let value = (diagonal + cost).min(row[j + 1] + 1).min(row[j] + 1);
            diagonal = row[j + 1];
            row[j + 1] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return None;
        }
    }
    let distance = row[b.len()];
    (distance <= limit).then_some(distance)
}
