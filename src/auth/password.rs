//! Password hashing with argon2id at OWASP's parameters (19 MiB, t=2, p=1).
//!
//! Slow and memory-hungry on purpose, so it never runs on the request threads nor on
//! tokio's blocking pool: a `HashPool` of a few dedicated threads does it, each reusing
//! one working-memory buffer, so memory stays at threads × 19 MiB however many people
//! sign in at once. A request that cannot get a thread within a short wait is told the
//! server is busy rather than queued.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{ARGON2ID_IDENT, Algorithm, Argon2, Block, Params, PasswordHasher, PasswordVerifier, Version};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::domain::NewPassword;

/// At most this many hashing threads, whatever the core count (each keeps 19 MiB).
pub const MAX_HASH_THREADS: usize = 8;
/// Requests allowed to wait for a hashing thread, per thread; beyond that the answer is "busy" at once.
const WAITING_PER_THREAD: usize = 32;
/// The Retry-After a busy answer carries, in seconds.
pub const BUSY_RETRY_AFTER_SECONDS: u32 = 5;

fn params() -> Result<Params, argon2::Error> {
    Params::new(19 * 1024, 2, 1, None)
}

fn hasher() -> Result<Argon2<'static>, argon2::Error> {
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params()?))
}

/// A hash with its own, freshly allocated memory (tests, tools).
pub fn hash_password(password: &NewPassword) -> anyhow::Result<String> {
    let hash = hasher()
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?
        .hash_password(password.expose().as_bytes())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches `stored`, with freshly allocated memory. An unparsable hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    hasher().is_ok_and(|h| h.verify_password(password.as_bytes(), stored).is_ok())
}

/// One hashing thread's argon2 working memory, allocated once and reused for every hash.
#[derive(Default)]
pub struct Scratch {
    blocks: Vec<Block>,
}

impl Scratch {
    fn blocks(&mut self, count: usize) -> &mut [Block] {
        if self.blocks.len() < count {
            self.blocks.resize(count, Block::new());
        }
        &mut self.blocks[..count]
    }
}

/// A hash in the stored format, at today's parameters, with a random salt and a random output
/// that no password produces (short of guessing 32 random bytes): what sign-in checks an unknown
/// address against. Checking it costs exactly what checking a real hash does, while making it
/// costs nothing, so start-up never takes argon2's 19 MiB.
pub fn unmatchable_hash() -> anyhow::Result<String> {
    let params = params().map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    let output = crate::crypto::os_random::<{ Params::DEFAULT_OUTPUT_LEN }>()?;
    let hash = PasswordHash {
        algorithm: ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?,
        salt: Some(Salt::generate()),
        hash: Some(Output::new(&output).map_err(|e| anyhow::anyhow!("argon2 output: {e}"))?),
    };
    Ok(hash.to_string())
}

/// Like `hash_password`, in `scratch`'s memory.
pub fn hash_password_in(scratch: &mut Scratch, password: &NewPassword) -> anyhow::Result<String> {
    let params = params().map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    let salt = Salt::generate();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(
            password.expose().as_bytes(),
            &salt,
            &mut out,
            scratch.blocks(params.block_count()),
        )
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let hash = PasswordHash {
        algorithm: ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?,
        salt: Some(salt),
        hash: Some(Output::new(&out).map_err(|e| anyhow::anyhow!("argon2 output: {e}"))?),
    };
    Ok(hash.to_string())
}

/// Like `verify_password`, in `scratch`'s memory: the stored hash's own algorithm, version
/// and parameters, compared in constant time. An unparsable hash never matches.
pub fn verify_password_in(scratch: &mut Scratch, password: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else { return false };
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else { return false };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm.as_str()) else { return false };
    let version = match parsed.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let Ok(params) = Params::try_from(&parsed) else { return false };
    let mut out = vec![0u8; expected.len()];
    let blocks = scratch.blocks(params.block_count());
    if Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, blocks)
        .is_err()
    {
        return false;
    }
    // `Output`'s equality is constant-time.
    Output::new(&out).is_ok_and(|computed| &computed == expected)
}

/// Why the pool did not run a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// Every thread stayed busy for the whole wait, or too many were already waiting.
    #[error("every password hashing thread is busy")]
    Busy,
    /// The pool's threads are gone (the process is stopping).
    #[error("the password hashing threads stopped")]
    Stopped,
}

type Job = Box<dyn FnOnce(&mut Scratch) + Send>;

/// A fixed number of dedicated hashing threads, each with its reused `Scratch`. At most one
/// job per thread is ever handed over; the rest wait up to `wait` for a thread, and only a
/// bounded number of them.
pub struct HashPool {
    jobs: SyncSender<Job>,
    permits: Arc<Semaphore>,
    threads: usize,
    wait: Duration,
    waiting: AtomicUsize,
}

/// The number of hashing threads when none is configured: the cores, at most `MAX_HASH_THREADS`.
pub fn default_hash_threads() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get).clamp(1, MAX_HASH_THREADS)
}

impl HashPool {
    /// Starts `threads` hashing threads (they end when the pool is dropped).
    pub fn new(threads: usize, wait: Duration) -> HashPool {
        let threads = threads.max(1);
        let (jobs, receiver) = sync_channel::<Job>(threads);
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..threads {
            let receiver = receiver.clone();
            let started = std::thread::Builder::new().name(format!("password-hash-{n}")).spawn(move || work(&receiver));
            if let Err(e) = started {
                tracing::error!(error = %e, "cannot start a password hashing thread");
            }
        }
        HashPool { jobs, permits: Arc::new(Semaphore::new(threads)), threads, wait, waiting: AtomicUsize::new(0) }
    }

    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Runs `f` on a hashing thread, inside the caller's span; `Busy` when no thread was
    /// free within the wait. The thread stays taken until `f` ends, even if the caller goes.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Scratch) -> T + Send + 'static,
    ) -> Result<T, PoolError> {
        let permit = self.permit().await?;
        let span = tracing::Span::current();
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |scratch| {
            let _permit = permit;
            let _ = tx.send(span.in_scope(|| f(scratch)));
        });
        match self.jobs.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(PoolError::Busy),
            Err(TrySendError::Disconnected(_)) => return Err(PoolError::Stopped),
        }
        rx.await.map_err(|_| PoolError::Stopped)
    }

    async fn permit(&self) -> Result<OwnedSemaphorePermit, PoolError> {
        if let Ok(permit) = self.permits.clone().try_acquire_owned() {
            return Ok(permit);
        }
        if self.wait.is_zero() {
            return Err(PoolError::Busy);
        }
        let limit = self.threads * WAITING_PER_THREAD;
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= limit {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(PoolError::Busy);
        }
        let got = tokio::time::timeout(self.wait, self.permits.clone().acquire_owned()).await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        match got {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) => Err(PoolError::Stopped),
            Err(_) => Err(PoolError::Busy),
        }
    }

    /// Takes every thread until the returned permit is dropped, as a flood of sign-ins
    /// would (for tests: what requests get meanwhile).
    pub async fn hold_all(&self) -> Result<OwnedSemaphorePermit, PoolError> {
        let n = u32::try_from(self.threads).unwrap_or(u32::MAX);
        self.permits.clone().acquire_many_owned(n).await.map_err(|_| PoolError::Stopped)
    }
}

fn work(receiver: &Mutex<Receiver<Job>>) {
    let mut scratch = Scratch::default();
    loop {
        let job = match receiver.lock() {
            Ok(r) => r.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        match job {
            Ok(job) => job(&mut scratch),
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_carry_their_parameters() -> anyhow::Result<()> {
        let pw = NewPassword::parse("a long enough passphrase", "a long enough passphrase")?;
        let hash = hash_password(&pw)?;
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password("a long enough passphrase", &hash));
        assert!(!verify_password("a long enough passphrasE", &hash));
        assert!(!verify_password("anything", "not a hash"));
        Ok(())
    }

    #[test]
    fn the_unmatchable_hash_is_checked_at_full_cost_and_matches_nothing() -> anyhow::Result<()> {
        let hash = unmatchable_hash()?;
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert_ne!(hash, unmatchable_hash()?, "random every time");
        let mut scratch = Scratch::default();
        assert!(!verify_password_in(&mut scratch, "", &hash));
        assert!(!verify_password("a long enough passphrase", &hash));
        assert_eq!(scratch.blocks.len(), params()?.block_count(), "the check ran argon2 at the stored parameters");
        Ok(())
    }

    #[test]
    fn hashes_in_reused_memory_agree_with_the_plain_ones() -> anyhow::Result<()> {
        let pw = NewPassword::parse("a long enough passphrase", "a long enough passphrase")?;
        let mut scratch = Scratch::default();
        let reused = hash_password_in(&mut scratch, &pw)?;
        assert!(reused.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{reused}");
        assert!(verify_password("a long enough passphrase", &reused), "the library verifies ours");
        let plain = hash_password(&pw)?;
        assert!(verify_password_in(&mut scratch, "a long enough passphrase", &plain), "we verify the library's");
        assert!(verify_password_in(&mut scratch, "a long enough passphrase", &reused));
        assert!(!verify_password_in(&mut scratch, "a long enough passphrasE", &reused));
        assert!(!verify_password_in(&mut scratch, "anything", "not a hash"));
        // A hash with other parameters (smaller memory) verifies in the same buffer.
        let small = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(1024, 1, 1, None)?)
            .hash_password(b"short one")
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .to_string();
        assert!(verify_password_in(&mut scratch, "short one", &small));
        assert_eq!(scratch.blocks.len(), params()?.block_count(), "one buffer, never grown");
        Ok(())
    }

    #[tokio::test]
    async fn a_held_pool_answers_busy_and_runs_again_when_freed() -> Result<(), PoolError> {
        let pool = HashPool::new(1, Duration::ZERO);
        assert_eq!(pool.run(|_| 1).await, Ok(1));
        let held = pool.hold_all().await?;
        assert_eq!(pool.run(|_| 2).await, Err(PoolError::Busy));
        drop(held);
        assert_eq!(pool.run(|_| 3).await, Ok(3));
        Ok(())
    }

    #[tokio::test]
    async fn waiters_beyond_the_limit_are_busy_at_once() -> Result<(), PoolError> {
        let pool = Arc::new(HashPool::new(1, Duration::from_secs(3600)));
        let held = pool.hold_all().await?;
        let mut waiting = Vec::new();
        for _ in 0..WAITING_PER_THREAD {
            let pool = pool.clone();
            waiting.push(tokio::spawn(async move { pool.run(|_| 1).await }));
        }
        while pool.waiting.load(Ordering::SeqCst) < WAITING_PER_THREAD {
            tokio::task::yield_now().await;
        }
        assert_eq!(pool.run(|_| 2).await, Err(PoolError::Busy), "one waiter too many");
        drop(held);
        for w in waiting {
            assert_eq!(w.await.ok(), Some(Ok(1)), "the waiters all run once freed");
        }
        Ok(())
    }
}
