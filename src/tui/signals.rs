//! SIGTERM and SIGHUP end a screen the way `q` does, not the default way
//! (which would leave the terminal in the alternate screen with the cursor
//! hidden): the handler only records the signal, the event loop sees it
//! within [`CHECK_EVERY`], restores the terminal and the process exits with
//! 128 + the signal's number. The edit journal needs nothing: every record
//! is synced when written. A second signal while the first is being handled
//! exits at once.

use std::time::Duration;

/// How often a waiting event loop looks for a caught signal.
pub const CHECK_EVERY: Duration = Duration::from_millis(250);

/// How long the event loop has to end the screen itself after a signal
/// before the watchdog does it: a hung-up terminal can keep crossterm's
/// reader spinning inside `event::poll` (it reads end-of-file forever), so
/// the loop would never look at the flag.
const GRACE: Duration = Duration::from_millis(800);

/// How often the watchdog looks at the flag.
const WATCH_EVERY: Duration = Duration::from_millis(200);

/// The signals caught while a screen runs.
pub struct Signals {
    #[cfg(unix)]
    caught: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
    /// Set when the screen has ended: the watchdog stops.
    #[cfg(unix)]
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Signals {
    /// Catch SIGTERM and SIGHUP from now until this is dropped. A signal
    /// that cannot be caught keeps its default action.
    pub fn catch() -> Signals {
        #[cfg(unix)]
        {
            use std::sync::Arc;
            use std::sync::atomic::{AtomicBool, AtomicUsize};
            let caught = Arc::new(AtomicUsize::new(0));
            let armed = Arc::new(AtomicBool::new(false));
            let mut ids = Vec::new();
            for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
                // The shutdown goes first: it fires on the second signal only.
                let regs = [
                    signal_hook::flag::register_conditional_shutdown(
                        sig,
                        128 + sig,
                        Arc::clone(&armed),
                    ),
                    signal_hook::flag::register(sig, Arc::clone(&armed)),
                    signal_hook::flag::register_usize(sig, Arc::clone(&caught), sig as usize),
                ];
                ids.extend(regs.into_iter().filter_map(Result::ok));
            }
            let done = Arc::new(AtomicBool::new(false));
            watchdog(Arc::clone(&caught), Arc::clone(&done));
            Signals { caught, ids, done }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    /// The number of the signal caught, if one was.
    pub fn caught(&self) -> Option<i32> {
        #[cfg(unix)]
        {
            match self.caught.load(std::sync::atomic::Ordering::SeqCst) {
                0 => None,
                n => i32::try_from(n).ok(),
            }
        }
        #[cfg(not(unix))]
        None
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            self.done.store(true, std::sync::atomic::Ordering::SeqCst);
            for id in self.ids.drain(..) {
                signal_hook::low_level::unregister(id);
            }
        }
    }
}

/// Ends the process when a caught signal is not acted on within [`GRACE`]:
/// restores the terminal (harmless when it is gone) and exits with
/// 128 + signo. The journal needs nothing: every record is already synced.
#[cfg(unix)]
fn watchdog(
    caught: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::Ordering;
    let spawned = std::thread::Builder::new()
        .name("signal-watchdog".into())
        .spawn(move || {
            let mut since: Option<std::time::Instant> = None;
            while !done.load(Ordering::SeqCst) {
                let sig = caught.load(Ordering::SeqCst);
                if sig != 0 {
                    let start = *since.get_or_insert_with(std::time::Instant::now);
                    if start.elapsed() >= GRACE && !done.load(Ordering::SeqCst) {
                        ratatui::restore();
                        std::process::exit(i32::from(exit_status(i32::try_from(sig).unwrap_or(1))));
                    }
                }
                std::thread::sleep(WATCH_EVERY);
            }
        });
    // Without the thread the event loop still sees the flag (all but a
    // hung-up terminal).
    drop(spawned);
}

/// The exit status for a screen ended by signal `sig`.
pub fn exit_status(sig: i32) -> u8 {
    u8::try_from(128 + sig).unwrap_or(u8::MAX)
}
