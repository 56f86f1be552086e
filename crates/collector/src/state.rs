//! What every handler shares: the store, the configuration, the rate limiter, the departments.

use std::sync::Arc;

use crate::config::Config;
use crate::rate_limit::RateLimiter;
use crate::storage::Store;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub limiter: Arc<RateLimiter>,
    /// The city's departments, shared with the jobs that check whose a case is.
    pub departments: Arc<crate::departments::Departments>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> AppState {
        let limiter = Arc::new(RateLimiter::new(config.rate_limit_per_minute));
        let departments = Arc::new(config.departments.clone());
        AppState { store, config: Arc::new(config), limiter, departments }
    }
}
