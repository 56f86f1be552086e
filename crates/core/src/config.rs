//! The widget's configuration, read from the embedding element's attributes and checked before
//! anything renders, so a portal team sees exactly what to fix.

use crate::collection::{DEFAULT_IDLE_SECONDS, IDLE_SECONDS_RANGE, Mode, PhoneNumber};
use crate::delivery_options::{DeliveryOptions, OptionError};
use crate::json_attribute_problem::JsonAttributeProblem;
use crate::messages::LaterMsg;
use crate::service::{ServiceId, ServiceLabels, default_services};
use crate::{Lang, ScaleId};

/// Where ratings are POSTed: an absolute `http(s)` URL or a path on the page's own origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint(String);

impl Endpoint {
    pub fn parse(text: &str) -> Result<Endpoint, ConfigError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ConfigError::MissingEndpoint);
        }
        let after_scheme = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        let well_formed = match after_scheme {
            Some(rest) => rest.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '['),
            None => text.starts_with('/') && !text.starts_with("//"),
        };
        if well_formed && !text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            Ok(Endpoint(text.to_owned()))
        } else {
            Err(ConfigError::MalformedEndpoint(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A problem with the configuration, explained to the portal team in the widget's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    MissingEndpoint,
    MalformedEndpoint(String),
    UnknownService(String),
    MalformedServiceLabels(JsonAttributeProblem),
    UnknownScale(String),
    UnknownLanguage(String),
    UnknownTheme(String),
    MalformedReceiptPage(String),
    UnknownMode(String),
    MalformedPhone(String),
    Delivery(OptionError),
}

impl ConfigError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigError::MissingEndpoint => lang.text(LaterMsg::ConfigMissingEndpoint).to_owned(),
            ConfigError::MalformedEndpoint(value) => {
                lang.format(LaterMsg::ConfigMalformedEndpoint, &[("value", value)])
            }
            ConfigError::UnknownService(id) => lang.format(LaterMsg::ConfigUnknownService, &[("id", id)]),
            ConfigError::MalformedServiceLabels(problem) => {
                lang.format(LaterMsg::ConfigMalformedServiceLabels, &[("detail", &problem.detail(lang))])
            }
            ConfigError::UnknownScale(id) => lang.format(LaterMsg::ConfigUnknownScale, &[("id", id)]),
            ConfigError::UnknownLanguage(tag) => lang.format(LaterMsg::ConfigUnknownLanguage, &[("tag", tag)]),
            ConfigError::UnknownTheme(name) => lang.format(LaterMsg::ConfigUnknownTheme, &[("name", name)]),
            ConfigError::MalformedReceiptPage(value) => {
                lang.format(LaterMsg::ConfigMalformedReceiptPage, &[("value", value)])
            }
            ConfigError::UnknownMode(value) => lang.format(LaterMsg::ConfigUnknownMode, &[("value", value)]),
            ConfigError::MalformedPhone(value) => lang.format(LaterMsg::ConfigMalformedPhone, &[("value", value)]),
            ConfigError::Delivery(OptionError::Number { attribute, value, min, max }) => lang.format(
                LaterMsg::ConfigBadNumber,
                &[("attribute", attribute), ("value", value), ("min", &min.to_string()), ("max", &max.to_string())],
            ),
            ConfigError::Delivery(OptionError::Headers(problem)) => {
                lang.format(LaterMsg::ConfigMalformedHeaders, &[("detail", &problem.detail(lang))])
            }
            ConfigError::Delivery(OptionError::FieldMap(problem)) => {
                lang.format(LaterMsg::ConfigMalformedFieldMap, &[("detail", &problem.detail(lang))])
            }
        }
    }
}

/// The colour scheme a portal picks with the `theme` attribute. The colours themselves live in
/// the stylesheet (keyed on the attribute), so portals can still override each custom property.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows the device's light or dark setting.
    Auto,
}

impl Theme {
    pub fn parse(name: &str) -> Option<Theme> {
        match name.trim() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }
}

/// A checked configuration: everything the feedback flow needs to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetConfig {
    pub endpoint: Endpoint,
    /// The services offered, in the portal's order; one service skips the choice screen.
    pub services: Vec<ServiceId>,
    /// Names of the portal's own services, per language.
    pub service_labels: ServiceLabels,
    pub scale: ScaleId,
    /// The language the portal fixed, if any; otherwise the browser's preference decides.
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// Where a resident looks up a receipt code (`?code=` is added), for receivers that give
    /// codes; without it the widget shows the code alone.
    pub receipt_page: Option<String>,
    /// Timeout, queue size, headers, field names and abuse-guard timings.
    pub delivery: DeliveryOptions,
    /// The device it runs on: a resident's own, a helper's, or a kiosk.
    pub mode: Mode,
    /// A kiosk's time without a touch before it returns to its first screen.
    pub idle_ms: u32,
    /// The number to call instead, shown on every screen.
    pub phone: Option<PhoneNumber>,
}

impl WidgetConfig {
    /// Every attribute the configuration is read from: `embed.js` re-renders a widget when one
    /// of them changes, and iframe mode passes them on (the build copies this list into both).
    pub const ATTRIBUTES: [&str; 16] = [
        "endpoint",
        "services",
        "service-labels",
        "lang",
        "scale",
        "theme",
        "receipt-page",
        "timeout-seconds",
        "queue-size",
        "headers",
        "field-map",
        "min-seconds",
        "cooldown-hours",
        "mode",
        "idle-seconds",
        "phone",
    ];

    /// Reads the configuration through `attribute` (an element's `getAttribute`), reporting
    /// every problem at once rather than one per reload.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Result<WidgetConfig, Vec<ConfigError>> {
        let mut problems = Vec::new();
        let endpoint = Endpoint::parse(&attribute("endpoint").unwrap_or_default()).map_err(|e| problems.push(e)).ok();

        let service_labels = match attribute("service-labels").filter(|s| !s.trim().is_empty()) {
            None => ServiceLabels::default(),
            Some(json) => ServiceLabels::parse(&json).unwrap_or_else(|detail| {
                problems.push(ConfigError::MalformedServiceLabels(detail));
                ServiceLabels::default()
            }),
        };
        let services = match attribute("services").filter(|s| !s.trim().is_empty()) {
            None => default_services(),
            Some(list) => list
                .split(',')
                .filter_map(|id| {
                    let known = ServiceId::parse(id).filter(|s| s.builtin_label().is_some() || service_labels.has(s));
                    if known.is_none() {
                        problems.push(ConfigError::UnknownService(id.trim().to_owned()));
                    }
                    known
                })
                .collect(),
        };

        let scale = match attribute("scale").filter(|s| !s.trim().is_empty()) {
            None => ScaleId::default(),
            Some(id) => ScaleId::parse(&id).unwrap_or_else(|| {
                problems.push(ConfigError::UnknownScale(id.trim().to_owned()));
                ScaleId::default()
            }),
        };

        let lang = attribute("lang").filter(|s| !s.trim().is_empty()).and_then(|tag| {
            let found = Lang::from_tag(&tag);
            if found.is_none() {
                problems.push(ConfigError::UnknownLanguage(tag.trim().to_owned()));
            }
            found
        });

        let theme = match attribute("theme").filter(|s| !s.trim().is_empty()) {
            None => Theme::default(),
            Some(name) => Theme::parse(&name).unwrap_or_else(|| {
                problems.push(ConfigError::UnknownTheme(name.trim().to_owned()));
                Theme::default()
            }),
        };

        let receipt_page = attribute("receipt-page").filter(|s| !s.trim().is_empty()).and_then(|text| {
            Endpoint::parse(&text)
                .map(|page| page.as_str().to_owned())
                .map_err(|_| {
                    problems.push(ConfigError::MalformedReceiptPage(text.trim().to_owned()));
                })
                .ok()
        });

        let mode = attribute("mode").filter(|s| !s.trim().is_empty()).map_or(Mode::default(), |text| {
            Mode::parse(&text).unwrap_or_else(|| {
                problems.push(ConfigError::UnknownMode(text.trim().to_owned()));
                Mode::default()
            })
        });
        let (min, max) = IDLE_SECONDS_RANGE;
        let idle_seconds =
            attribute("idle-seconds").filter(|s| !s.trim().is_empty()).map_or(DEFAULT_IDLE_SECONDS, |text| {
                match crate::whole_number::parse::<u32>(text.trim()) {
                    Some(seconds) if (min..=max).contains(&seconds) => seconds,
                    _ => {
                        let value = text.trim().to_owned();
                        problems.push(ConfigError::Delivery(OptionError::Number {
                            attribute: "idle-seconds",
                            value,
                            min,
                            max,
                        }));
                        DEFAULT_IDLE_SECONDS
                    }
                }
            });
        let phone = attribute("phone").filter(|s| !s.trim().is_empty()).and_then(|text| {
            let found = PhoneNumber::parse(&text);
            if found.is_none() {
                problems.push(ConfigError::MalformedPhone(text.trim().to_owned()));
            }
            found
        });

        let mut delivery_problems = Vec::new();
        let delivery = DeliveryOptions::from_attributes(&attribute, &mut delivery_problems);
        problems.extend(delivery_problems.into_iter().map(ConfigError::Delivery));

        match endpoint {
            Some(endpoint) if problems.is_empty() => Ok(WidgetConfig {
                endpoint,
                services,
                service_labels,
                scale,
                lang,
                theme,
                receipt_page,
                delivery,
                mode,
                idle_ms: idle_seconds * 1000,
                phone,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<WidgetConfig, Vec<ConfigError>> {
        WidgetConfig::from_attributes(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn every_attribute_read_is_listed_for_the_loader() {
        let asked = std::cell::RefCell::new(Vec::new());
        let _ = WidgetConfig::from_attributes(|name| {
            asked.borrow_mut().push(name.to_owned());
            None
        });
        let mut asked = asked.into_inner();
        asked.sort();
        asked.dedup();
        let mut listed = WidgetConfig::ATTRIBUTES.map(str::to_owned).to_vec();
        listed.sort();
        assert_eq!(asked, listed, "a name missing from ATTRIBUTES would not re-render the widget when it changes");
    }

    #[test]
    fn defaults_to_six_services_and_the_good_bad_scale() {
        let config = config(&[("endpoint", "/v1/ratings")]).unwrap();
        assert_eq!(config.services.len(), 6);
        assert_eq!(config.scale, ScaleId::GoodBad5);
        assert_eq!(config.lang, None);
    }

    #[test]
    fn reads_every_attribute() {
        let config = config(&[
            ("endpoint", " https://api.example.gov/ratings "),
            ("services", "transport, healthcare"),
            ("scale", "uk-csat-5"),
            ("lang", "zh-TW"),
        ])
        .unwrap();
        assert_eq!(config.endpoint.as_str(), "https://api.example.gov/ratings");
        let ids: Vec<&str> = config.services.iter().map(ServiceId::as_str).collect();
        assert_eq!(ids, ["transport", "healthcare"]);
        assert_eq!(config.scale, ScaleId::UkCsat5);
        assert_eq!(config.lang.map(Lang::tag), Some("zh-Hant"));
        assert_eq!(self::config(&[("endpoint", "/r"), ("theme", "dark")]).unwrap().theme, Theme::Dark);
        let with_page = self::config(&[("endpoint", "/r"), ("receipt-page", "/receipt.html")]).unwrap();
        assert_eq!(with_page.receipt_page.as_deref(), Some("/receipt.html"));
        assert_eq!(
            self::config(&[("endpoint", "/r"), ("receipt-page", "receipt")]).unwrap_err(),
            [ConfigError::MalformedReceiptPage("receipt".into())]
        );
    }

    #[test]
    fn reads_the_mode_the_idle_time_and_the_number_to_call() {
        use crate::collection::{Mode, PhoneNumber};
        let web = config(&[("endpoint", "/r")]).unwrap();
        assert_eq!((web.mode, web.idle_ms, web.phone), (Mode::Web, 90_000, None));
        let kiosk =
            config(&[("endpoint", "/r"), ("mode", "kiosk"), ("idle-seconds", "30"), ("phone", "12345")]).unwrap();
        assert_eq!((kiosk.mode, kiosk.idle_ms), (Mode::Kiosk, 30_000));
        assert_eq!(kiosk.phone, PhoneNumber::parse("12345"));
        let problems =
            config(&[("endpoint", "/r"), ("mode", "shared"), ("idle-seconds", "5"), ("phone", "call 12345")])
                .unwrap_err();
        let en = Lang::from_tag("en").unwrap();
        let texts: Vec<String> = problems.iter().map(|p| p.message(en)).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].contains("“shared”") && texts[0].contains("assisted"), "{}", texts[0]);
        assert!(texts[1].contains("idle-seconds") && texts[1].contains("30"), "{}", texts[1]);
        assert!(texts[2].contains("“call 12345”"), "{}", texts[2]);
    }

    #[test]
    fn portal_services_need_labels() {
        let config = config(&[
            ("endpoint", "/v1/ratings"),
            ("services", "bus-42,transport"),
            ("service-labels", r#"{"bus-42": {"en": "Bus line 42"}}"#),
        ])
        .unwrap();
        let en = Lang::from_tag("en").unwrap();
        assert_eq!(config.service_labels.label(&config.services[0], en), "Bus line 42");
        let problems =
            self::config(&[("endpoint", "/x"), ("services", "bus-43"), ("service-labels", "{oops")]).unwrap_err();
        assert!(matches!(problems[..], [ConfigError::MalformedServiceLabels(_), ConfigError::UnknownService(_)]));
        assert!(problems[1].message(en).contains("service-labels"), "{}", problems[1].message(en));
    }

    #[test]
    fn endpoints_must_be_http_urls_or_local_paths() {
        for ok in ["https://a.gov/r", "http://127.0.0.1:9/x", "/v1/ratings", "https://[::1]:8080/"] {
            assert!(Endpoint::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(Endpoint::parse("  "), Err(ConfigError::MissingEndpoint));
        for bad in ["ftp://a.gov", "javascript:alert(1)", "//cdn.example/x", "ratings", "https://", "https://a.gov/a b"]
        {
            assert_eq!(Endpoint::parse(bad), Err(ConfigError::MalformedEndpoint(bad.into())), "{bad}");
        }
    }

    #[test]
    fn reports_all_problems_together_with_readable_messages() {
        let problems = config(&[("services", "transport,Bus"), ("scale", "stars"), ("lang", "fr"), ("theme", "pink")])
            .unwrap_err();
        assert_eq!(
            problems,
            [
                ConfigError::MissingEndpoint,
                ConfigError::UnknownService("Bus".into()),
                ConfigError::UnknownScale("stars".into()),
                ConfigError::UnknownLanguage("fr".into()),
                ConfigError::UnknownTheme("pink".into()),
            ]
        );
        let en = Lang::from_tag("en").unwrap();
        assert!(problems[1].message(en).contains("“Bus”"), "{}", problems[1].message(en));
        assert!(problems[2].message(en).contains("good-bad-5"), "the message lists the valid scales");
        let problems = config(&[("endpoint", "/x"), ("timeout-seconds", "500"), ("headers", "{")]).unwrap_err();
        assert_eq!(problems.len(), 2);
        let text = problems[0].message(en);
        assert!(text.contains("timeout-seconds") && text.contains("500") && text.contains("120"), "{text}");
        assert!(problems[1].message(en).contains("headers"), "{}", problems[1].message(en));
    }
}
