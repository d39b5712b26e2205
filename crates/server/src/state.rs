//! What every handler shares: the store, the response cache and the configuration.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use carelens_store::{Principal, Role, Store};

use crate::error::{ApiError, ApiResult};

/// How the server behaves.
#[derive(Clone, Debug)]
pub struct Config {
    /// How long a web session lasts.
    pub session_ttl: Duration,
    /// Mark the session cookie `Secure` (only when served over HTTPS, e.g. behind a proxy).
    pub secure_cookie: bool,
    /// Shown under the login form (the demo prints its login there too).
    pub login_hint: Option<String>,
    /// How long a cached aggregate answer is reused before it is computed again, as a backstop
    /// for loads made by another process.
    pub cache_ttl: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            session_ttl: Duration::from_secs(8 * 3600),
            secure_cookie: false,
            login_hint: None,
            cache_ttl: Duration::from_secs(30),
        }
    }
}

/// The state handed to every handler. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub(crate) store: Store,
    pub(crate) config: Arc<Config>,
    pub(crate) cache: Arc<Cache>,
}

impl AppState {
    /// State over a store, with the default configuration.
    pub fn new(store: Store) -> Self {
        Self::with_config(store, Config::default())
    }

    /// State over a store with a configuration.
    pub fn with_config(store: Store, config: Config) -> Self {
        Self { store, cache: Arc::new(Cache::new(config.cache_ttl)), config: Arc::new(config) }
    }

    /// Forgets every cached answer (after loading returns into the store from this process).
    pub fn invalidate_cache(&self) {
        self.cache.clear();
    }

    /// Runs a blocking store call on tokio's blocking pool.
    pub(crate) async fn blocking<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> ApiResult<T> + Send + 'static,
    {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || f(&store)).await?
    }

    /// A cached JSON answer for `key` within the principal's view, computed by `f` (on the
    /// blocking pool) when missing or stale.
    pub(crate) async fn cached<F>(&self, who: &Principal, key: &str, f: F) -> ApiResult<Bytes>
    where
        F: FnOnce(&Store) -> ApiResult<Vec<u8>> + Send + 'static,
    {
        let key = format!("{}|{key}", view_key(who));
        if let Some(hit) = self.cache.get(&key) {
            return Ok(hit);
        }
        let generation = self.cache.generation();
        let body = Bytes::from(self.blocking(f).await?);
        self.cache.put(key, generation, body.clone());
        Ok(body)
    }
}

/// What a principal may see decides what a cached answer may be reused for: all national
/// users see the same, all users of one region the same, all users of one LA the same.
fn view_key(who: &Principal) -> String {
    match who.role {
        Role::National => "national".to_owned(),
        Role::Regional(r) => format!("region:{}", r.name()),
        Role::La(code) => format!("la:{code}"),
    }
}

/// Cached response bodies of aggregate endpoints. Child-level answers are never cached.
pub(crate) struct Cache {
    entries: Mutex<HashMap<String, Entry>>,
    generation: AtomicU64,
    ttl: Duration,
}

struct Entry {
    generation: u64,
    at: Instant,
    body: Bytes,
}

/// Above this many entries the cache is emptied rather than grown (each distinct query string
/// is an entry; this bounds memory against a client that varies them).
const MAX_ENTRIES: usize = 4096;

impl Cache {
    fn new(ttl: Duration) -> Self {
        Self { entries: Mutex::new(HashMap::new()), generation: AtomicU64::new(0), ttl }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        // Entries are whole values: a panic elsewhere cannot leave one half-written.
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn get(&self, key: &str) -> Option<Bytes> {
        let generation = self.generation();
        let entries = self.lock();
        let e = entries.get(key)?;
        (e.generation == generation && e.at.elapsed() < self.ttl).then(|| e.body.clone())
    }

    fn put(&self, key: String, generation: u64, body: Bytes) {
        if generation != self.generation() {
            return; // computed from data that has since changed
        }
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, Entry { generation, at: Instant::now(), body });
    }

    pub(crate) fn clear(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.lock().clear();
    }
}

/// Serialises a value to JSON bytes for the cache.
pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> ApiResult<Vec<u8>> {
    serde_json::to_vec(v).map_err(|e| ApiError::Internal(format!("serialising JSON: {e}")))
}

/// Drops the cache whenever the store's data changes (a `carelens load` from another process):
/// every two seconds the store's data version (bumped by every load, delete and aggregate
/// refresh) is compared with the last one seen.
pub(crate) async fn watch_store(state: AppState) {
    let mut last: Option<i64> = None;
    loop {
        tokio::time::sleep(Duration::from_secs(2)).await;
        let Ok(now) = state.blocking(|s| Ok(s.data_version()?)).await else { continue };
        if last.is_some_and(|l| l != now) {
            state.cache.clear();
        }
        last = Some(now);
    }
}
