//! `civic-pulse-collector`: configured by environment variables (see `config.rs` and the README).

use std::io::Write;
use std::process::ExitCode;

use civic_pulse_collector::app::{AppState, router};
use civic_pulse_collector::config::Config;
use civic_pulse_collector::storage::{Storage, Store};
use civic_pulse_core::Day;

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {}
        () = terminate => {}
    }
}

/// `civic-pulse-collector purge --comments-older-than DAYS`: the retention job, for a timer.
/// It runs beside live collectors on the same database.
#[tokio::main(flavor = "current_thread")]
async fn purge(arguments: &[String]) -> ExitCode {
    let days = match arguments {
        [flag, days] if flag == "--comments-older-than" => days.parse::<u32>().ok(),
        _ => None,
    };
    let Some(days) = days else {
        eprintln!("usage: civic-pulse-collector purge --comments-older-than DAYS");
        return ExitCode::from(2);
    };
    let config = match load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|since| i64::try_from(since.as_secs() / 86_400).ok());
    let Some(before) = today.and_then(|today| Day::from_days_since_epoch(today - i64::from(days))) else {
        eprintln!("civic-pulse-collector: the system clock is not set");
        return ExitCode::FAILURE;
    };
    let store = match Store::open(&config.database).await {
        Ok(store) => store,
        Err(error) => {
            eprintln!("civic-pulse-collector: {error} ({})", config.database);
            return ExitCode::FAILURE;
        }
    };
    match store.purge_comments(before).await {
        Ok(removed) => {
            println!("Removed the comments of {removed} ratings given before {before}; their scores are kept.");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("civic-pulse-collector: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The configuration from the file named by `CIVIC_PULSE_CONFIG`, if any, under the
/// environment (see `config`); on a problem, says what it is and gives the exit code.
fn load_config() -> Result<Config, ExitCode> {
    let file = match std::env::var("CIVIC_PULSE_CONFIG") {
        Ok(path) => match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(error) => {
                eprintln!("civic-pulse-collector: cannot read the configuration file {path}: {error}");
                return Err(ExitCode::from(2));
            }
        },
        Err(_) => None,
    };
    Config::from_file_and_env(file.as_deref(), |name| std::env::var(name).ok()).map_err(|error| {
        eprintln!("civic-pulse-collector: {error}");
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.split_first() {
        None => serve(),
        Some((command, rest)) if command == "purge" => purge(rest),
        Some(_) => {
            eprintln!("usage: civic-pulse-collector            (serve; configured by CIVIC_PULSE_* variables and");
            eprintln!("                                        the file named by CIVIC_PULSE_CONFIG, if any)");
            eprintln!("       civic-pulse-collector purge --comments-older-than DAYS");
            ExitCode::from(2)
        }
    }
}

#[tokio::main]
async fn serve() -> ExitCode {
    // Logs go to standard error: errors always, requests when CIVIC_PULSE_LOG_REQUESTS is true.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        .init();
    let config = match load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let store = match Store::open(&config.database).await {
        Ok(store) => store,
        Err(error) => {
            eprintln!("civic-pulse-collector: {error} ({})", config.database);
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("civic-pulse-collector: cannot listen on {}: {error}", config.listen);
            return ExitCode::FAILURE;
        }
    };
    let address = listener.local_addr().map_or_else(|_| config.listen.to_string(), |a| a.to_string());
    println!("CivicPulse collector listening on http://{address}/ (database {})", config.database);
    if let Some(dist) = &config.dist {
        println!(
            "Serving {} at http://{address}/  (self-check: http://{address}/selfcheck.html, staff: http://{address}/staff.html)",
            dist.display()
        );
    }
    let _ = std::io::stdout().flush();
    let state = AppState::new(store, config);
    if let Some(settings) = state.config.escalation.clone() {
        println!("Escalating late bad reviews to {} every {} s", settings.url, settings.every.as_secs());
        tokio::spawn(civic_pulse_collector::escalation::run(
            state.store.clone(),
            settings,
            state.config.deadlines.clone(),
            state.departments.clone(),
        ));
    }
    // The peer address reaches the rate limiter only; it is never stored or logged.
    let service = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    match axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("civic-pulse-collector: {error}");
            ExitCode::FAILURE
        }
    }
}
