//! The counter poster: one A4 page per service for a service hall's counter, with the service's
//! name in every language, a large QR code of the page that rates that one service, the hotline
//! for those without a smartphone, and one line on anonymity. Server-rendered HTML, so it prints
//! as it is; the QR code comes from the `qrcode` crate, drawn as SVG.

use axum::extract::{Query, State};
use axum::http::header::HOST;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use civic_pulse_core::collection::PhoneNumber;
use civic_pulse_core::{Lang, PosterMsg, ServiceId};
use qrcode::QrCode;
use qrcode::render::svg;

use crate::html::escape;
use crate::state::AppState;

#[derive(serde::Deserialize)]
pub struct PosterQuery {
    service: Option<String>,
}

/// GET /poster.html?service=transport: the poster to print (404 with the services that have one).
pub async fn get_poster(
    State(state): State<AppState>,
    Query(query): Query<PosterQuery>,
    headers: HeaderMap,
) -> Response {
    let id = query.service.unwrap_or_default();
    let service = ServiceId::parse(&id).filter(|service| service.as_str() == id);
    // Where residents reach these pages: the setting, else the address this request came to.
    let base = state.config.public_url.clone().unwrap_or_else(|| {
        let host = headers.get(HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
        format!("http://{host}")
    });
    let page =
        service.and_then(|service| poster_html(&service, &rate_url(&base, &service), state.config.hotline.as_ref()));
    match page {
        Some(html) => Html(html).into_response(),
        None => (StatusCode::NOT_FOUND, Html(unknown_service_html(&id))).into_response(),
    }
}

/// The address the QR code opens: the rating page for this one service.
pub fn rate_url(base: &str, service: &ServiceId) -> String {
    format!("{}/rate.html?service={}", base.trim_end_matches('/'), service.as_str())
}

/// The poster for a built-in service; `None` for any other id.
pub fn poster_html(service: &ServiceId, rate_url: &str, hotline: Option<&PhoneNumber>) -> Option<String> {
    let label = service.builtin_label()?;
    let every = |text: &dyn Fn(Lang) -> String| -> String {
        Lang::all()
            .map(|lang| format!("<span lang=\"{}\">{}</span>", lang.tag(), escape(&text(lang))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let line = |class: &str, text: &dyn Fn(Lang) -> String| {
        Lang::all()
            .map(|lang| format!("<p class=\"{class}\" lang=\"{}\">{}</p>", lang.tag(), escape(&text(lang))))
            .collect::<String>()
    };
    let name = every(&|lang| lang.text(label).to_owned());
    let title = every(&|lang| lang.text(PosterMsg::Title).to_owned());
    let qr_label = Lang::fallback().format(PosterMsg::QrLabel, &[("address", rate_url)]);
    let call = hotline.map_or_else(String::new, |number| {
        line("call", &|lang| lang.format(PosterMsg::Call, &[("phone", number.as_str())]))
    });
    let page_title = Lang::all().map(|lang| lang.text(label)).collect::<Vec<_>>().join(" · ");
    Some(format!(
        r#"<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{page_title}</title>
<style>
@page {{ size: A4; margin: 14mm; }}
body {{ margin: 0; font-family: system-ui, "Noto Sans CJK SC", sans-serif; color: #000; background: #fff; text-align: center; }}
main {{ max-width: 180mm; margin: 0 auto; padding: 8mm 0; }}
h1 {{ font-size: 30pt; margin: 0 0 4mm; }}
h1 span {{ display: block; }}
.service {{ font-size: 26pt; font-weight: 700; margin: 0 0 6mm; }}
.service span {{ display: block; }}
.qr svg {{ width: 110mm; height: 110mm; }}
.qr figcaption {{ font-size: 11pt; word-break: break-all; }}
p {{ font-size: 15pt; margin: 2mm 0; }}
.call {{ font-size: 18pt; font-weight: 700; }}
.anonymous {{ font-size: 12pt; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="service">{name}</p>
<figure class="qr">{qr}<figcaption>{url}</figcaption></figure>
{scan}{call}{helper}{anonymous}
</main>
</body>
</html>
"#,
        page_title = escape(&page_title),
        qr = qr_svg(rate_url, &qr_label),
        url = escape(rate_url),
        scan = line("scan", &|lang| lang.text(PosterMsg::Scan).to_owned()),
        helper = line("helper", &|lang| lang.text(PosterMsg::Helper).to_owned()),
        anonymous = line("anonymous", &|lang| lang.text(PosterMsg::Anonymous).to_owned()),
    ))
}

/// The page for an id that has no poster, naming those that do.
pub fn unknown_service_html(id: &str) -> String {
    let list = civic_pulse_core::service::DEFAULT_SERVICES.map(|(id, _)| id).join(", ");
    let lines: String = Lang::all()
        .map(|lang| {
            let text = lang.format(PosterMsg::UnknownService, &[("id", id), ("list", &list)]);
            format!("<p lang=\"{}\">{}</p>", lang.tag(), escape(&text))
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"zh-Hans\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n<body><main>{lines}</main></body>\n</html>\n",
        escape(Lang::fallback().text(PosterMsg::Title))
    )
}

/// The QR code as inline SVG, named for screen readers (error correction M: a printed poster
/// survives some wear and glare).
fn qr_svg(data: &str, label: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M) else {
        return String::new();
    };
    let image = code.render::<svg::Color>().min_dimensions(400, 400).build();
    let svg = image.find("<svg").map_or(image.as_str(), |start| &image[start..]);
    svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(label)), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poster_names_the_service_in_every_language_and_links_its_page() {
        let service = ServiceId::parse("transport").unwrap();
        let url = rate_url("https://rate.city.gov.cn/", &service);
        assert_eq!(url, "https://rate.city.gov.cn/rate.html?service=transport");
        let html = poster_html(&service, &url, PhoneNumber::parse("12345").as_ref()).unwrap();
        for text in ["交通出行", "Transport", "<svg role=\"img\"", "No smartphone? Call 12345.", "lang=\"zh-Hant\""]
        {
            assert!(html.contains(text), "{text}");
        }
        assert!(!html.contains("<?xml"), "the SVG sits inside the HTML");
        assert!(poster_html(&ServiceId::parse("bus-42").unwrap(), &url, None).is_none());
        assert!(unknown_service_html("bus-42").contains("transport, healthcare"));
    }
}
