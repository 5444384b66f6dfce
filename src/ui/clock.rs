//! Time as the UI sees it. In test mode the clock is frozen and only moves
//! when a test advances it, so countdowns and animations are deterministic.

use std::time::Instant;

/// The app's clock.
#[derive(Debug, Clone)]
pub struct Clock {
    started: Instant,
    frozen_at: Option<f64>,
}

impl Clock {
    /// A real clock.
    pub fn real() -> Clock {
        Clock {
            started: Instant::now(),
            frozen_at: None,
        }
    }

    /// A frozen clock at 0 seconds.
    pub fn frozen() -> Clock {
        Clock {
            started: Instant::now(),
            frozen_at: Some(0.0),
        }
    }

    /// True when frozen (tests): animations are off and nothing repaints
    /// on its own.
    pub fn is_frozen(&self) -> bool {
        self.frozen_at.is_some()
    }

    /// Seconds since the clock started.
    pub fn now(&self) -> f64 {
        match self.frozen_at {
            Some(t) => t,
            None => self.started.elapsed().as_secs_f64(),
        }
    }

    /// Moves a frozen clock forward (no effect on a real one).
    pub fn advance(&mut self, seconds: f64) {
        if let Some(t) = &mut self.frozen_at {
            *t += seconds;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_clock_moves_only_when_advanced() {
        let mut clock = Clock::frozen();
        assert_eq!(clock.now(), 0.0);
        clock.advance(2.5);
        assert_eq!(clock.now(), 2.5);
    }
}
