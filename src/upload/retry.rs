//! Failed parts waiting out their back-off. Every failed part is kept until
//! it is sent again; none is ever dropped or overwritten by a later failure.

use std::time::Instant;

use super::plan::Part;

/// A part to send, with how many times it failed so far (the retry policy
/// allows each part `max_retries` failures). Where the upload gives damaged
/// parts a budget of their own (`EngineOptions::integrity_retries`), the
/// failures that were damage are counted apart, in `damaged`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Job {
    pub(crate) part: Part,
    pub(crate) failures: u32,
    pub(crate) damaged: u32,
}

impl Job {
    /// A part not sent yet.
    pub(crate) fn fresh(part: Part) -> Job {
        Job {
            part,
            failures: 0,
            damaged: 0,
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct RetryQueue {
    waiting: Vec<(Instant, Job)>,
}

impl RetryQueue {
    pub(crate) fn push(&mut self, ready_at: Instant, job: Job) {
        self.waiting.push((ready_at, job));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// When the earliest waiting part may go again.
    pub(crate) fn next_ready(&self) -> Option<Instant> {
        self.waiting.iter().map(|(at, _)| *at).min()
    }

    /// Removes and returns the parts whose back-off is over, in file order.
    pub(crate) fn take_ready(&mut self, now: Instant) -> Vec<Job> {
        let (ready, waiting): (Vec<_>, Vec<_>) =
            self.waiting.drain(..).partition(|(at, _)| *at <= now);
        self.waiting = waiting;
        let mut jobs: Vec<Job> = ready.into_iter().map(|(_, job)| job).collect();
        jobs.sort_by_key(|j| j.part.offset);
        jobs
    }

    /// Removes and returns every waiting part, ready or not.
    pub(crate) fn take_all(&mut self) -> Vec<Job> {
        let mut jobs: Vec<Job> = self.waiting.drain(..).map(|(_, job)| job).collect();
        jobs.sort_by_key(|j| j.part.offset);
        jobs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn job(offset: u64) -> Job {
        Job {
            part: Part { offset, len: 1 },
            failures: 1,
            damaged: 0,
        }
    }

    #[test]
    fn every_failed_part_is_kept_until_it_is_ready() {
        let now = Instant::now();
        let mut q = RetryQueue::default();
        q.push(now + Duration::from_millis(30), job(5));
        q.push(now + Duration::from_millis(10), job(9));
        q.push(now + Duration::from_millis(10), job(2));
        assert_eq!(q.next_ready(), Some(now + Duration::from_millis(10)));
        assert!(q.take_ready(now).is_empty());
        let ready = q.take_ready(now + Duration::from_millis(10));
        let offsets: Vec<u64> = ready.iter().map(|j| j.part.offset).collect();
        assert_eq!(offsets, vec![2, 9], "both, in file order");
        assert_eq!(q.take_all(), vec![job(5)], "the later one is still there");
        assert!(q.is_empty());
    }
}
