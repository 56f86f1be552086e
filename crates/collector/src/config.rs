//! Configuration from a file and environment variables (which win), with defaults that run the
//! demo as it is. The file holds `NAME=value` lines with the variables' own names, so one list
//! of names serves both; `#` starts a comment.

use crate::storage::Database;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the collector can be told. Every field has a safe default for the demo.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// `CIVIC_PULSE_LISTEN`, or `HOST` and `PORT`; default 127.0.0.1:8080 (loopback only).
    pub listen: SocketAddr,
    /// `CIVIC_PULSE_DATABASE`: the SQLite file (default `data/civic-pulse.sqlite3`), or a
    /// `postgres://` address for a PostgreSQL that several collectors share, with
    /// `CIVIC_PULSE_DATABASE_CA` naming the PEM file of the CA its certificate is signed by, for
    /// `sslmode=require` with a city's own CA.
    pub database: Database,
    /// `CIVIC_PULSE_DIST`: the built widget and demo to serve, if any; default `dist` when present.
    pub dist: Option<PathBuf>,
    /// `CIVIC_PULSE_ALLOWED_ORIGINS`: comma-separated origins allowed to POST from a browser,
    /// or `*` (the default, since ratings carry no credentials).
    pub allowed_origins: Vec<String>,
    /// `CIVIC_PULSE_MAX_BODY_BYTES`: larger bodies get 413; default 64 KiB.
    pub max_body_bytes: usize,
    /// `CIVIC_PULSE_MAX_BATCH`: most ratings in one POST; default 100.
    pub max_batch: usize,
    /// `CIVIC_PULSE_MIN_CELL`: summary cells with fewer ratings are suppressed; default 5.
    pub min_cell: u32,
    /// `CIVIC_PULSE_STAFF_TOKEN`: the bearer token for staff endpoints (status changes,
    /// exports); at least 16 characters. Unset: staff endpoints answer 403.
    pub staff_token: Option<String>,
    /// `CIVIC_PULSE_RATE_LIMIT`: POSTs a minute one client may make before 429; 0 turns the
    /// limit off; default 300.
    pub rate_limit_per_minute: u32,
    /// `CIVIC_PULSE_TRUST_PROXY`: `true` behind a reverse proxy, whose last `X-Forwarded-For`
    /// entry then names the client for rate limiting; default `false`.
    pub trust_proxy: bool,
    /// `CIVIC_PULSE_PUBLIC_URL`: where residents reach this collector's pages (such as
    /// `https://rate.city.gov.cn`), for the addresses printed in counter posters' QR codes;
    /// default: the address the request for the poster came to.
    pub public_url: Option<String>,
    /// `CIVIC_PULSE_HOTLINE`: the number residents may call instead (such as `12345`), printed
    /// on the counter posters.
    pub hotline: Option<civic_pulse_core::collection::PhoneNumber>,
    /// `CIVIC_PULSE_ACKNOWLEDGE_HOURS` (24), `CIVIC_PULSE_CLOSE_DAYS` (15),
    /// `CIVIC_PULSE_CLOSE_COUNTING` (`calendar` or `working`) and `CIVIC_PULSE_HOLIDAYS` (a file of
    /// the city's holidays, one `YYYY-MM-DD` a line, for working days): the bad-review deadlines.
    pub deadlines: crate::deadlines::Deadlines,
    /// `CIVIC_PULSE_DEPARTMENTS`: a JSON file mapping services to departments, each with its own
    /// inbox token (see `departments`); unset, the city has one inbox.
    pub departments: crate::departments::Departments,
    /// `CIVIC_PULSE_SERVICE_LABELS`: a JSON file naming the portal's own services in each
    /// language, in the widget's `service-labels` format (`{"bus-42": {"zh-Hans": "42路公交",
    /// "en": "Bus line 42"}}`), for staff pages and reports; built-in services need none.
    pub service_labels: civic_pulse_core::service::ServiceLabels,
    /// `CIVIC_PULSE_ESCALATION_URL` (http:// or https://) and `CIVIC_PULSE_ESCALATION_EVERY`
    /// (seconds between checks, default 60): where the collector posts each case that becomes
    /// due soon, unacknowledged or overdue (see `escalation`); unset, nothing is posted.
    pub escalation: Option<crate::escalation::Settings>,
    /// `CIVIC_PULSE_LOG_REQUESTS`: `true` logs one line per request (method, route, status,
    /// time); default `false`. Errors are always logged.
    pub log_requests: bool,
}

/// Every setting's name, in the environment and in a configuration file.
pub const SETTINGS: [&str; 24] = [
    "CIVIC_PULSE_LISTEN",
    "HOST",
    "PORT",
    "CIVIC_PULSE_DATABASE",
    "CIVIC_PULSE_DATABASE_CA",
    "CIVIC_PULSE_DIST",
    "CIVIC_PULSE_ALLOWED_ORIGINS",
    "CIVIC_PULSE_MAX_BODY_BYTES",
    "CIVIC_PULSE_MAX_BATCH",
    "CIVIC_PULSE_MIN_CELL",
    "CIVIC_PULSE_STAFF_TOKEN",
    "CIVIC_PULSE_RATE_LIMIT",
    "CIVIC_PULSE_TRUST_PROXY",
    "CIVIC_PULSE_PUBLIC_URL",
    "CIVIC_PULSE_HOTLINE",
    "CIVIC_PULSE_ACKNOWLEDGE_HOURS",
    "CIVIC_PULSE_CLOSE_DAYS",
    "CIVIC_PULSE_CLOSE_COUNTING",
    "CIVIC_PULSE_HOLIDAYS",
    "CIVIC_PULSE_DEPARTMENTS",
    "CIVIC_PULSE_SERVICE_LABELS",
    "CIVIC_PULSE_ESCALATION_URL",
    "CIVIC_PULSE_ESCALATION_EVERY",
    "CIVIC_PULSE_LOG_REQUESTS",
];

/// A setting that cannot be used, with what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={:?} is not usable: expected {}", self.variable, self.value, self.expected)
    }
}

impl std::error::Error for ConfigError {}

/// A setting naming a JSON file: unset gives the default; a file that cannot be read, or whose
/// text `parse` refuses, is an error naming the setting, the file and the problem. `expected` is
/// what to give instead, for each of the two cases.
fn json_file<T: Default, E: std::fmt::Display>(
    var: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    expected: (&'static str, &'static str),
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<T, ConfigError> {
    let Some(path) = var(variable) else { return Ok(T::default()) };
    let text = std::fs::read_to_string(path.trim()).map_err(|_| ConfigError {
        variable,
        value: path.clone(),
        expected: expected.0,
    })?;
    parse(&text).map_err(|problem| ConfigError { variable, value: format!("{path}: {problem}"), expected: expected.1 })
}

impl Config {
    /// Reads `file` (the text of a configuration file, if one was given), then the environment
    /// through `var`; a variable that is set wins over the file.
    pub fn from_file_and_env(file: Option<&str>, var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let mut settings: Vec<(&'static str, String)> = Vec::new();
        for (index, line) in file.unwrap_or_default().lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let unusable = |expected| ConfigError {
                variable: "CIVIC_PULSE_CONFIG",
                value: format!("line {}: {line}", index + 1),
                expected,
            };
            let (name, value) = line.split_once('=').ok_or_else(|| unusable("NAME=value lines"))?;
            let name =
                SETTINGS.iter().find(|known| **known == name.trim()).ok_or_else(|| unusable("a known setting name"))?;
            let value = value.trim();
            let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
            settings.push((name, value.to_owned()));
        }
        Config::from_env(|name| {
            var(name)
                .or_else(|| settings.iter().rev().find(|(known, _)| *known == name).map(|(_, value)| value.clone()))
        })
    }

    /// Reads the configuration through `var` (the process environment in `main`).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        fn parse<T: std::str::FromStr>(
            var: &impl Fn(&str) -> Option<String>,
            name: &'static str,
            default: T,
            expected: &'static str,
        ) -> Result<T, ConfigError> {
            match var(name) {
                None => Ok(default),
                Some(value) => value.trim().parse().map_err(|_| ConfigError { variable: name, value, expected }),
            }
        }
        let listen = match var("CIVIC_PULSE_LISTEN") {
            Some(_) => parse(
                &var,
                "CIVIC_PULSE_LISTEN",
                SocketAddr::from(([127, 0, 0, 1], 8080)),
                "an address such as 127.0.0.1:8080",
            )?,
            None => {
                let host: std::net::IpAddr =
                    parse(&var, "HOST", [127, 0, 0, 1].into(), "an IP address such as 127.0.0.1")?;
                let port: u16 = parse(&var, "PORT", 8080, "a port number from 0 to 65535")?;
                SocketAddr::new(host, port)
            }
        };
        let dist = match var("CIVIC_PULSE_DIST") {
            Some(path) => Some(PathBuf::from(path)),
            None => Some(PathBuf::from("dist")).filter(|path| path.is_dir()),
        };
        let allowed_origins = var("CIVIC_PULSE_ALLOWED_ORIGINS")
            .unwrap_or_else(|| "*".to_owned())
            .split(',')
            .map(|origin| origin.trim().to_owned())
            .filter(|origin| !origin.is_empty())
            .collect();
        Ok(Config {
            listen,
            database: Database::from_setting(
                var("CIVIC_PULSE_DATABASE").as_deref().unwrap_or("data/civic-pulse.sqlite3"),
                var("CIVIC_PULSE_DATABASE_CA").map(PathBuf::from),
            ),
            dist,
            allowed_origins,
            max_body_bytes: parse(&var, "CIVIC_PULSE_MAX_BODY_BYTES", 64 * 1024, "a number of bytes")?,
            max_batch: parse(&var, "CIVIC_PULSE_MAX_BATCH", 100, "a whole number")?,
            min_cell: parse(&var, "CIVIC_PULSE_MIN_CELL", 5, "a whole number")?,
            staff_token: match var("CIVIC_PULSE_STAFF_TOKEN") {
                Some(token) if token.trim().len() < 16 => {
                    return Err(ConfigError {
                        variable: "CIVIC_PULSE_STAFF_TOKEN",
                        value: "(hidden)".to_owned(),
                        expected: "a secret of at least 16 characters",
                    });
                }
                token => token.map(|t| t.trim().to_owned()),
            },
            rate_limit_per_minute: parse(&var, "CIVIC_PULSE_RATE_LIMIT", 300, "a whole number of requests a minute")?,
            trust_proxy: parse(&var, "CIVIC_PULSE_TRUST_PROXY", false, "true or false")?,
            public_url: match var("CIVIC_PULSE_PUBLIC_URL").map(|url| url.trim().trim_end_matches('/').to_owned()) {
                Some(url)
                    if !(url.starts_with("https://") || url.starts_with("http://"))
                        || url.contains(char::is_whitespace) =>
                {
                    return Err(ConfigError {
                        variable: "CIVIC_PULSE_PUBLIC_URL",
                        value: url,
                        expected: "an address starting with https://",
                    });
                }
                url => url,
            },
            deadlines: deadlines(&var)?,
            log_requests: parse(&var, "CIVIC_PULSE_LOG_REQUESTS", false, "true or false")?,
            departments: json_file(
                &var,
                "CIVIC_PULSE_DEPARTMENTS",
                ("a readable JSON file of departments", "departments as the README shows them"),
                crate::departments::Departments::parse,
            )?,
            service_labels: json_file(
                &var,
                "CIVIC_PULSE_SERVICE_LABELS",
                ("a readable JSON file of service names", "names as the widget's service-labels attribute takes them"),
                // The operator's messages are English; the detail comes from the catalogue.
                |text: &str| {
                    civic_pulse_core::service::ServiceLabels::parse(text)
                        .map_err(|problem| problem.detail(civic_pulse_core::Lang::fallback()))
                },
            )?,
            escalation: match var("CIVIC_PULSE_ESCALATION_URL").map(|url| url.trim().to_owned()) {
                None => None,
                Some(url)
                    if !(url.starts_with("https://") || url.starts_with("http://"))
                        || url.contains(char::is_whitespace) =>
                {
                    return Err(ConfigError {
                        variable: "CIVIC_PULSE_ESCALATION_URL",
                        value: url,
                        expected: "an address starting with https:// or http://",
                    });
                }
                Some(url) => Some(crate::escalation::Settings {
                    url,
                    every: std::time::Duration::from_secs(
                        parse(&var, "CIVIC_PULSE_ESCALATION_EVERY", 60u64, "seconds from 1 to 3600").and_then(|n| {
                            (1..=3600).contains(&n).then_some(n).ok_or(ConfigError {
                                variable: "CIVIC_PULSE_ESCALATION_EVERY",
                                value: n.to_string(),
                                expected: "seconds from 1 to 3600",
                            })
                        })?,
                    ),
                }),
            },
            hotline: match var("CIVIC_PULSE_HOTLINE") {
                Some(number) => Some(civic_pulse_core::collection::PhoneNumber::parse(&number).ok_or(ConfigError {
                    variable: "CIVIC_PULSE_HOTLINE",
                    value: number,
                    expected: "a telephone number such as 12345",
                })?),
                None => None,
            },
        })
    }
}

/// The bad-review deadlines from their four settings.
fn deadlines(var: &impl Fn(&str) -> Option<String>) -> Result<crate::deadlines::Deadlines, ConfigError> {
    use crate::deadlines::{Counting, Deadlines, read_holidays};
    let number = |name: &'static str, default: i64, range: std::ops::RangeInclusive<i64>, expected: &'static str| {
        match var(name) {
            None => Ok(default),
            Some(value) => value.trim().parse::<i64>().ok().filter(|n| range.contains(n)).ok_or(ConfigError {
                variable: name,
                value,
                expected,
            }),
        }
    };
    let acknowledge_hours = number("CIVIC_PULSE_ACKNOWLEDGE_HOURS", 24, 1..=720, "hours from 1 to 720")?;
    let close_days = number("CIVIC_PULSE_CLOSE_DAYS", 15, 1..=365, "days from 1 to 365")?;
    let counting = match var("CIVIC_PULSE_CLOSE_COUNTING").as_deref().map(str::trim) {
        None | Some("calendar") => Counting::Calendar,
        Some("working") => {
            let holidays = match var("CIVIC_PULSE_HOLIDAYS") {
                None => Default::default(),
                Some(path) => {
                    let text = std::fs::read_to_string(path.trim()).map_err(|_| ConfigError {
                        variable: "CIVIC_PULSE_HOLIDAYS",
                        value: path.clone(),
                        expected: "a readable file of dates, one YYYY-MM-DD a line",
                    })?;
                    read_holidays(&text).map_err(|problem| ConfigError {
                        variable: "CIVIC_PULSE_HOLIDAYS",
                        value: format!("{path}: {problem}"),
                        expected: "one date written YYYY-MM-DD a line",
                    })?
                }
            };
            Counting::Working { holidays }
        }
        Some(other) => {
            return Err(ConfigError {
                variable: "CIVIC_PULSE_CLOSE_COUNTING",
                value: other.to_owned(),
                expected: "calendar or working",
            });
        }
    };
    Ok(Deadlines { acknowledge_hours, close_days, counting })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_env(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn defaults_run_the_demo_on_loopback() {
        let config = config(&[]).unwrap();
        assert_eq!(config.listen, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(config.allowed_origins, ["*"]);
        assert_eq!((config.max_body_bytes, config.max_batch, config.min_cell), (65536, 100, 5));
    }

    #[test]
    fn port_and_origins_come_from_the_environment() {
        let config =
            config(&[("PORT", "9000"), ("CIVIC_PULSE_ALLOWED_ORIGINS", "https://a.gov, https://b.gov")]).unwrap();
        assert_eq!(config.listen.port(), 9000);
        assert_eq!(config.allowed_origins, ["https://a.gov", "https://b.gov"]);
    }

    #[test]
    fn a_file_sets_what_the_environment_does_not() {
        let file = "# the city's collector\nPORT = 9100\nCIVIC_PULSE_MIN_CELL=\"10\"\n\nCIVIC_PULSE_TRUST_PROXY=true\n";
        let env = |name: &str| (name == "PORT").then(|| "9200".to_owned());
        let config = Config::from_file_and_env(Some(file), env).unwrap();
        assert_eq!(config.listen.port(), 9200, "the environment wins");
        assert_eq!(config.min_cell, 10);
        assert!(config.trust_proxy);
        assert_eq!(config.rate_limit_per_minute, 300);
        let typo = Config::from_file_and_env(Some("CIVIC_PULSE_MINCELL=3"), |_| None).unwrap_err();
        assert_eq!(
            typo.to_string(),
            "CIVIC_PULSE_CONFIG=\"line 1: CIVIC_PULSE_MINCELL=3\" is not usable: expected a known setting name"
        );
        assert!(Config::from_file_and_env(Some("just words"), |_| None).is_err());
    }

    #[test]
    fn the_posters_address_and_hotline_are_checked() {
        let config =
            config(&[("CIVIC_PULSE_PUBLIC_URL", "https://rate.city.gov.cn/"), ("CIVIC_PULSE_HOTLINE", "12345")])
                .unwrap();
        assert_eq!(config.public_url.as_deref(), Some("https://rate.city.gov.cn"));
        assert_eq!(config.hotline.as_ref().map(|h| h.tel_uri()), Some("tel:12345".to_owned()));
        assert!(self::config(&[("CIVIC_PULSE_PUBLIC_URL", "rate.city.gov.cn")]).is_err());
        assert!(self::config(&[("CIVIC_PULSE_HOTLINE", "call us")]).is_err());
    }

    #[test]
    fn the_deadlines_are_a_day_and_15_calendar_days_unless_the_city_says_otherwise() {
        use crate::deadlines::Counting;
        let defaults = config(&[]).unwrap().deadlines;
        assert_eq!((defaults.acknowledge_hours, defaults.close_days, defaults.counting), (24, 15, Counting::Calendar));
        let holidays = std::env::temp_dir().join(format!("civic-pulse-holidays-{}", std::process::id()));
        std::fs::write(&holidays, "2026-10-01\n2026-10-02\n").unwrap();
        let path = holidays.display().to_string();
        let working = config(&[
            ("CIVIC_PULSE_ACKNOWLEDGE_HOURS", "48"),
            ("CIVIC_PULSE_CLOSE_COUNTING", "working"),
            ("CIVIC_PULSE_HOLIDAYS", path.as_str()),
        ])
        .unwrap()
        .deadlines;
        assert_eq!(working.acknowledge_hours, 48);
        assert!(matches!(working.counting, Counting::Working { holidays } if holidays.len() == 2));
        assert!(self::config(&[("CIVIC_PULSE_CLOSE_COUNTING", "weekdays")]).is_err());
        assert!(self::config(&[("CIVIC_PULSE_CLOSE_DAYS", "0")]).is_err());
        std::fs::write(&holidays, "National Day\n").unwrap();
        let bad = self::config(&[("CIVIC_PULSE_CLOSE_COUNTING", "working"), ("CIVIC_PULSE_HOLIDAYS", path.as_str())]);
        assert!(bad.unwrap_err().to_string().contains("line 1"));
        let _ = std::fs::remove_file(holidays);
    }

    #[test]
    fn a_bad_value_names_the_variable_and_what_it_should_be() {
        let error = config(&[("PORT", "eighty")]).unwrap_err();
        assert_eq!(error.to_string(), "PORT=\"eighty\" is not usable: expected a port number from 0 to 65535");
    }
}
