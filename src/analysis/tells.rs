//! The tell check: a scenario where the best reply is always the longest,
//! or always in the same place, teaches guessing, not service.

use super::results::{Tell, TellDecision, TellReply};
use crate::scenario::model::*;
use crate::scoring;

/// The quality (0–1) of each choice of a node against all its choices.
pub fn choice_qualities(node: &Node) -> Vec<Option<f64>> {
    let choices = node.choices();
    choices
        .iter()
        .map(|c| {
            let points = scoring::reply_points(choices.iter().map(|c| &c.effects), &c.effects);
            scoring::reply_quality(&points)
        })
        .collect()
}

pub(super) fn tell(scenario: &Scenario) -> Tell {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    let mut positions: Vec<usize> = Vec::new();
    let mut decisions = Vec::new();
    for node in &scenario.nodes {
        let choices = node.choices();
        if choices.len() < 2 {
            continue;
        }
        let qualities = choice_qualities(node);
        let pairs: Vec<(f64, f64)> = choices
            .iter()
            .zip(&qualities)
            .filter_map(|(c, q)| q.map(|q| (c.text.chars().count() as f64, q)))
            .collect();
        if pairs.len() < 2 {
            continue;
        }
        let mean_x = pairs.iter().map(|p| p.0).sum::<f64>() / pairs.len() as f64;
        let mean_y = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.len() as f64;
        for (x, y) in &pairs {
            xs.push(x - mean_x);
            ys.push(y - mean_y);
        }
        let best = qualities.iter().flatten().cloned().fold(f64::MIN, f64::max);
        let at_best: Vec<usize> = qualities
            .iter()
            .enumerate()
            .filter(|(_, q)| q.is_some_and(|q| (q - best).abs() < 1e-9))
            .map(|(i, _)| i)
            .collect();
        if at_best.len() == 1 {
            positions.push(at_best[0]);
        }
        decisions.push(tell_decision(node, &qualities, &at_best));
    }
    let sxx: f64 = xs.iter().map(|x| x * x).sum();
    let syy: f64 = ys.iter().map(|y| y * y).sum();
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| x * y).sum();
    let length_correlation = if sxx > 0.0 && syy > 0.0 {
        sxy / (sxx.sqrt() * syy.sqrt())
    } else {
        0.0
    };
    let width = positions.iter().copied().max().map_or(0, |m| m + 1);
    let mut counts = vec![0usize; width];
    for &p in &positions {
        counts[p] += 1;
    }
    let total = positions.len();
    let best_position_share: Vec<f64> = counts
        .iter()
        .map(|&c| {
            if total > 0 {
                c as f64 / total as f64
            } else {
                0.0
            }
        })
        .collect();
    Tell {
        length_correlation,
        position_tell: total >= 4 && best_position_share.iter().any(|&s| s > 0.5),
        length_tell: length_correlation.abs() >= 0.3,
        best_position_share,
        decisions_with_best: total,
        decisions,
    }
}

/// One decision's replies with their lengths and qualities, and whether its
/// single best reply is also the longest or the shortest.
fn tell_decision(node: &Node, qualities: &[Option<f64>], at_best: &[usize]) -> TellDecision {
    let best = (at_best.len() == 1).then(|| at_best[0]);
    let replies: Vec<(usize, TellReply)> = node
        .choices()
        .iter()
        .zip(qualities)
        .enumerate()
        .filter_map(|(i, (choice, quality))| {
            quality.map(|quality| {
                (
                    i,
                    TellReply {
                        reply: choice.id.value.clone(),
                        chars: choice.text.chars().count(),
                        quality,
                        best: best == Some(i),
                    },
                )
            })
        })
        .collect();
    let best_chars = replies.iter().find(|(_, r)| r.best).map(|(_, r)| r.chars);
    let others = || {
        replies
            .iter()
            .filter(|(_, r)| !r.best)
            .map(|(_, r)| r.chars)
    };
    let (best_is_longest, best_is_shortest) = match best_chars {
        Some(chars) => (others().all(|c| chars > c), others().all(|c| chars < c)),
        None => (false, false),
    };
    TellDecision {
        node: node.id.value.clone(),
        replies: replies.into_iter().map(|(_, r)| r).collect(),
        best_position: best,
        best_is_longest,
        best_is_shortest,
    }
}
