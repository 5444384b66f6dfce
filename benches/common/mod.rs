//! Measuring helpers shared by the benchmarks.
#![allow(dead_code)] // Each benchmark uses the helpers it needs.

use std::time::Duration;

/// CPU time of this thread (Linux), which stays meaningful when other
/// processes share the cores; wall time is reported beside it.
pub fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The median of some samples.
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}
