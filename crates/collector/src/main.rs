//! `civic-pulse-collector`: configured by environment variables (see `config.rs` and the README).

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use civic_pulse_collector::app::{AppState, router};
use civic_pulse_collector::config::Config;
use civic_pulse_collector::storage::Store;

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
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

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_env(|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("civic-pulse-collector: {error}");
            return ExitCode::from(2);
        }
    };
    let store = match Store::open(&config.database) {
        Ok(store) => store,
        Err(error) => {
            eprintln!(
                "civic-pulse-collector: {error} ({})",
                config.database.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "civic-pulse-collector: cannot listen on {}: {error}",
                config.listen
            );
            return ExitCode::FAILURE;
        }
    };
    let address = listener
        .local_addr()
        .map_or_else(|_| config.listen.to_string(), |a| a.to_string());
    println!(
        "CivicPulse collector listening on http://{address}/ (database {})",
        config.database.display()
    );
    if let Some(dist) = &config.dist {
        println!(
            "Serving {} at http://{address}/  (self-check: http://{address}/selfcheck.html)",
            dist.display()
        );
    }
    let _ = std::io::stdout().flush();
    let state = AppState {
        store,
        config: Arc::new(config),
    };
    match axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("civic-pulse-collector: {error}");
            ExitCode::FAILURE
        }
    }
}
