//! The buffer that carries one stream's changes of the current step from its producer to its consumers.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::record::Weight;

/// Changes of one stream in the current step, shared by its producer (which refills it every step) and its
/// consumers (which read it after the producer ran: nodes run in declaration order, a topological order).
pub(crate) struct Cell<T>(Arc<Mutex<Vec<(T, Weight)>>>);

impl<T> Cell<T> {
    pub(crate) fn new() -> Self {
        Self(Arc::new(Mutex::new(Vec::new())))
    }

    /// Locks the buffer. The dataflow runs on one thread at a time, so this never waits; a poisoned lock
    /// (a panic in a user closure) still yields the data.
    #[inline]
    pub(crate) fn lock(&self) -> MutexGuard<'_, Vec<(T, Weight)>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T> Clone for Cell<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}
