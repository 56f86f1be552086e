//! The router: the API, CORS for browsers on other origins (never with credentials), cache
//! headers, and the built widget and demo from `dist/`.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::header::RETRY_AFTER;
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use civic_pulse_core::web_contract::{STRICT_CSP, cache_control};
use tower_http::cors::{Any, CorsLayer};

use crate::rate_limit::client_address;
use tower_http::services::ServeDir;

use crate::api;
use crate::problem::AppError;
pub use crate::state::AppState;

/// 429 with `Retry-After` for a client over its rate (see `rate_limit`); its body is not read.
async fn rate_limited(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
    let forwarded = request.headers().get("x-forwarded-for").and_then(|value| value.to_str().ok());
    let Some(client) = client_address(peer, forwarded, state.config.trust_proxy) else {
        return next.run(request).await;
    };
    match state.limiter.check(client, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => AppError::TooMany { retry_after: wait.as_secs() }.into_response(),
    }
}

/// Most of an oversize body read and dropped before the 413, and for how long.
const DRAIN_BYTES: u64 = 16 * 1024 * 1024;
const DRAIN_TIME: Duration = Duration::from_secs(10);

/// 413 for a body that says it is over the limit. The rest of it is read and dropped first (up to
/// [`DRAIN_BYTES`] and [`DRAIN_TIME`]): a client still sending would otherwise have its
/// connection reset under it and never read the answer. A body that does not say its length
/// meets the same limit as it is read (`DefaultBodyLimit`).
async fn refuse_oversize(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let limit = u64::try_from(state.config.max_body_bytes).unwrap_or(u64::MAX);
    let Some(declared) = declared.filter(|length| *length > limit) else {
        return next.run(request).await;
    };
    if declared <= DRAIN_BYTES {
        let mut body = request.into_body().into_data_stream();
        let drain = async { while let Some(Ok(_)) = futures_util::StreamExt::next(&mut body).await {} };
        let _ = tokio::time::timeout(DRAIN_TIME, drain).await;
    }
    AppError::one(axum::http::StatusCode::PAYLOAD_TOO_LARGE, "", crate::json_body::TOO_LARGE).into_response()
}

fn cors(origins: &[String]) -> CorsLayer {
    let layer = CorsLayer::new()
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([CONTENT_TYPE, AUTHORIZATION, HeaderName::from_static("idempotency-key")])
        // A page may read only safelisted headers of a cross-origin answer: without this, the
        // widget could not see that a 503 or 429 asks it to wait.
        .expose_headers([RETRY_AFTER])
        .max_age(Duration::from_secs(600));
    if origins.iter().any(|origin| origin == "*") {
        layer.allow_origin(Any)
    } else {
        layer.allow_origin(origins.iter().filter_map(|origin| origin.parse::<HeaderValue>().ok()).collect::<Vec<_>>())
    }
}

/// Hashed bundle files never change, so they are cached for good; pages and `embed.js` are
/// revalidated; API answers are never cached.
async fn cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let policy = if path.starts_with("/v1/") {
        cache_control::API
    } else if path.starts_with("/assets/") && response.status().is_success() {
        cache_control::HASHED_ASSET
    } else {
        cache_control::PAGE
    };
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // The demo page that proves the widget runs under a strict host policy is served with it.
    if path == "/strict-csp.html" {
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(STRICT_CSP));
    }
    response
}

pub fn router(state: AppState) -> Router {
    let config = state.config.clone();
    let mut app = Router::new()
        .route(
            "/v1/ratings",
            post(api::post_ratings).route_layer(middleware::from_fn_with_state(state.clone(), rate_limited)),
        )
        .route("/v1/receipts/{code}", get(api::get_receipt))
        .route(
            "/v1/receipts/{code}/confirmation",
            post(api::confirm_receipt).route_layer(middleware::from_fn_with_state(state.clone(), rate_limited)),
        )
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .route("/v1/summary", get(api::get_summary))
        .route("/v1/services", get(api::get_services))
        .route("/v1/figures", get(api::get_figures))
        .route("/v1/staff/receipts/{code}", post(api::set_receipt_status))
        .route("/v1/staff/receipts/{code}/transfer", post(api::transfer_case))
        .route("/v1/staff/inbox", get(api::staff_inbox))
        .route("/v1/staff/import/hotline", post(api::import_hotline))
        .route("/v1/export.json", get(api::export_json))
        .route("/v1/export.csv", get(api::export_csv))
        .route("/v1/staff/reports/{month}/changes", post(crate::report::set_changes))
        .route("/poster.html", get(crate::poster::get_poster))
        .route("/report.html", get(crate::report::get_report))
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(middleware::from_fn_with_state(state.clone(), refuse_oversize))
        .with_state(state);
    if let Some(dist) = &config.dist {
        // scripts/build-web writes a brotli and a gzip copy of each file: a phone on a weak line
        // gets the smallest one it accepts, and the server never compresses per request.
        app = app.fallback_service(ServeDir::new(dist).precompressed_br().precompressed_gzip());
    }
    if config.log_requests {
        app = app.layer(request_log());
    }
    app.layer(middleware::from_fn(cache_headers)).layer(cors(&config.allowed_origins))
}

/// One line per request, when asked for: method, the matched route (never the path itself, which
/// holds receipt codes), status and time taken. Never an address, a user agent or a body.
/// The request log's layer: our span, the default response line, nothing else.
type RequestLog = tower_http::trace::TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    fn(&Request) -> tracing::Span,
    (),
    tower_http::trace::DefaultOnResponse,
    (),
    (),
    (),
>;

fn request_log() -> RequestLog {
    fn span(request: &Request) -> tracing::Span {
        let route = request.extensions().get::<MatchedPath>().map_or("(file)", MatchedPath::as_str);
        tracing::info_span!("request", method = %request.method(), route = %route)
    }
    tower_http::trace::TraceLayer::new_for_http()
        .make_span_with(span as fn(&Request) -> tracing::Span)
        .on_request(())
        .on_response(
            tower_http::trace::DefaultOnResponse::new()
                .level(tracing::Level::INFO)
                .latency_unit(tower_http::LatencyUnit::Millis),
        )
        .on_body_chunk(())
        .on_eos(())
        .on_failure(())
}
