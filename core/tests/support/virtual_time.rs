//! A clock and a sleep sharing virtual time: a sleep returns at once and moves the clock on by
//! its duration, so a test reads how long the client would have waited, without waiting.

use iot_transfer::runtime::{BoxFuture, Clock, Sleep};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Virtual time; give the same value to the client as its clock and as its sleep.
#[derive(Debug)]
pub struct VirtualTime {
    now: Mutex<SystemTime>,
    sleeps: Mutex<Vec<Duration>>,
}

impl VirtualTime {
    pub fn starting_at(start: SystemTime) -> Arc<Self> {
        Arc::new(Self { now: Mutex::new(start), sleeps: Mutex::new(Vec::new()) })
    }

    /// Every sleep the client asked for, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.lock().unwrap().clone()
    }

    /// How long the client slept in all.
    pub fn slept(&self) -> Duration {
        self.sleeps().iter().sum()
    }
}

impl Clock for VirtualTime {
    fn now(&self) -> SystemTime {
        *self.now.lock().unwrap()
    }
}

impl Sleep for VirtualTime {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        *self.now.lock().unwrap() += duration;
        self.sleeps.lock().unwrap().push(duration);
        Box::pin(async {})
    }
}
