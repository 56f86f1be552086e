//! The bad-review loop beyond one inbox, against the real binary and its real SQLite file:
//! departments and their tokens, transfers, and escalations posted to a real HTTP receiver.

mod support;

use std::net::TcpListener;
use std::time::{Duration, Instant};

use support::{Collector, JSON, Receiver, rating, temp_database};

const CITY: &str = "the-city-staff-secret";
const TRANSPORT: &str = "transport-bureau-secret";
const HEALTH: &str = "health-commission-secret";

/// A departments file: transport and parking to the transport bureau, healthcare to health.
fn departments_file(name: &str) -> String {
    let path = std::env::temp_dir().join(format!("civic-pulse-departments-{}-{name}.json", std::process::id()));
    let json = serde_json::json!({"departments": [
        {"id": "transport-bureau", "names": {"zh-Hans": "交通运输局", "zh-Hant": "交通運輸局", "en": "Transport Bureau"},
         "services": ["transport", "parking"], "token": TRANSPORT},
        {"id": "health-commission", "names": {"zh-Hans": "卫生健康委员会", "en": "Health Commission"},
         "services": ["healthcare"], "token": HEALTH}
    ]});
    std::fs::write(&path, json.to_string()).unwrap();
    path.display().to_string()
}

fn post_bad(collector: &Collector, n: u64, service: &str, day: &str) -> String {
    let mut sent = rating(n, 1);
    sent["service"] = service.into();
    sent["day"] = day.into();
    let answer = collector.request("POST", "/v1/ratings", &[JSON], sent.to_string().as_bytes());
    assert_eq!(answer.status, 201, "{}", answer.body);
    answer.json()["receipt"].as_str().unwrap().to_owned()
}

fn inbox(collector: &Collector, token: &str, query: &str) -> (u16, serde_json::Value) {
    let bearer = format!("Bearer {token}");
    let answer = collector.request("GET", &format!("/v1/staff/inbox{query}"), &[("Authorization", &bearer)], b"");
    let json = if answer.status == 200 { answer.json() } else { serde_json::Value::Null };
    (answer.status, json)
}

fn receipts(inbox: &serde_json::Value) -> Vec<String> {
    let mut codes: Vec<String> =
        inbox["items"].as_array().unwrap().iter().map(|i| i["receipt"].as_str().unwrap().to_owned()).collect();
    codes.sort();
    codes
}

fn sorted(mut codes: Vec<String>) -> Vec<String> {
    codes.sort();
    codes
}

#[test]
fn each_department_sees_its_own_cases_and_a_transfer_moves_one_with_its_reason() {
    let file = departments_file("inboxes");
    let collector = Collector::start(
        temp_database("departments"),
        &[("CIVIC_PULSE_STAFF_TOKEN", CITY), ("CIVIC_PULSE_DEPARTMENTS", file.as_str())],
    );
    let bus = post_bad(&collector, 1, "transport", "2026-11-20");
    let clinic = post_bad(&collector, 2, "healthcare", "2026-11-21");
    let school = post_bad(&collector, 3, "education", "2026-11-22");

    let (_, city) = inbox(&collector, CITY, "");
    assert_eq!(receipts(&city), sorted(vec![bus.clone(), clinic.clone(), school.clone()]), "the city sees all");
    let names: Vec<&str> = city["departments"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(names, ["transport-bureau", "health-commission"]);
    assert!(!city.to_string().contains("secret"), "no token is ever sent back");
    let school_item = city["items"].as_array().unwrap().iter().find(|i| i["receipt"] == school.as_str()).unwrap();
    assert!(school_item.get("department").is_none(), "a service no department answers stays with the city");
    assert_eq!(receipts(&inbox(&collector, CITY, "?department=health-commission").1), vec![clinic.clone()]);
    assert_eq!(inbox(&collector, CITY, "?department=police").0, 404, "no department by that name");

    let (_, transport) = inbox(&collector, TRANSPORT, "?department=health-commission");
    assert_eq!(receipts(&transport), vec![bus.clone()], "a department token sees its own cases, whatever it asks");
    assert_eq!(transport["scope"]["department"], "transport-bureau");

    let bearer = |token: &str| format!("Bearer {token}");
    let as_transport = bearer(TRANSPORT);
    let staff = [JSON, ("Authorization", as_transport.as_str())];
    let reply = br#"{"status":"acknowledged"}"#;
    let elsewhere = collector.request("POST", &format!("/v1/staff/receipts/{clinic}"), &staff, reply);
    assert_eq!(elsewhere.status, 403, "another department's case: {}", elsewhere.body);
    assert_eq!(collector.request("POST", &format!("/v1/staff/receipts/{bus}"), &staff, reply).status, 200);
    assert_eq!(collector.request("GET", "/v1/export.csv", &staff, b"").status, 403, "exports are the city's");

    // The bus complaint is really about a clinic's shuttle: transport passes it to health.
    let transfer = |body: &str, headers: &[(&str, &str)]| {
        collector.request("POST", &format!("/v1/staff/receipts/{bus}/transfer"), headers, body.as_bytes())
    };
    assert_eq!(transfer(r#"{"department":"police","reason":"x"}"#, &staff).status, 400);
    assert_eq!(transfer(r#"{"department":"health-commission","reason":"  "}"#, &staff).status, 400);
    assert_eq!(transfer(r#"{"department":"transport-bureau","reason":"mine"}"#, &staff).status, 409);
    let moved = transfer(
        r#"{"department":"health-commission","reason":"The hospital runs this shuttle; call 138 1234 5678."}"#,
        &staff,
    );
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(receipts(&inbox(&collector, TRANSPORT, "").1), Vec::<String>::new(), "gone from transport");
    let (_, health) = inbox(&collector, HEALTH, "");
    assert_eq!(receipts(&health), sorted(vec![bus.clone(), clinic.clone()]));
    let item = health["items"].as_array().unwrap().iter().find(|i| i["receipt"] == bus.as_str()).unwrap();
    let step = item["timeline"].as_array().unwrap().iter().find(|e| e["kind"] == "transferred").unwrap();
    assert_eq!(step["department"], "health-commission");
    assert_eq!(step["reason"], "The hospital runs this shuttle; call [phone].", "staff see why, redacted");
    assert_eq!(transfer(r#"{"department":"transport-bureau","reason":"back"}"#, &staff).status, 403, "not theirs now");

    // The resident sees where it went, on which day, and not why.
    let seen = collector.request("GET", &format!("/v1/receipts/{bus}"), &[], b"").json();
    let kinds: Vec<&str> = seen["timeline"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["received", "acknowledged", "transferred"]);
    assert_eq!(seen["timeline"][2]["department"], "health-commission");
    assert_eq!(seen["departments"][0]["names"]["zh-Hans"], "卫生健康委员会");
    assert!(!seen.to_string().contains("shuttle"), "the reason is for staff only");

    // The file is what the city edits: a case never transferred follows it, a transferred one stays.
    std::fs::write(
        &file,
        serde_json::json!({"departments": [
            {"id": "transport-bureau", "names": {"en": "Transport"}, "services": ["transport", "healthcare"],
             "token": TRANSPORT},
            {"id": "health-commission", "names": {"en": "Health"}, "token": HEALTH}
        ]})
        .to_string(),
    )
    .unwrap();
    let database = collector.database.clone();
    drop(collector);
    let restarted =
        Collector::start(database, &[("CIVIC_PULSE_STAFF_TOKEN", CITY), ("CIVIC_PULSE_DEPARTMENTS", file.as_str())]);
    assert_eq!(receipts(&inbox(&restarted, TRANSPORT, "").1), [clinic], "healthcare now goes to transport");
    assert_eq!(receipts(&inbox(&restarted, HEALTH, "").1), [bus], "the transferred case stays where it was sent");
    let _ = std::fs::remove_file(file);
}

#[test]
fn a_collector_refuses_a_departments_file_it_cannot_use_and_says_why() {
    let path = std::env::temp_dir().join(format!("civic-pulse-departments-{}-bad.json", std::process::id()));
    std::fs::write(&path, r#"{"departments": [{"id": "transport-bureau", "names": {"en": "T"}, "token": "short"}]}"#)
        .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_civic-pulse-collector"))
        .env("CIVIC_PULSE_LISTEN", "127.0.0.1:0")
        .env("CIVIC_PULSE_DATABASE", temp_database("bad-departments"))
        .env("CIVIC_PULSE_DEPARTMENTS", &path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("CIVIC_PULSE_DEPARTMENTS") && said.contains("at least 16 characters"), "{said}");
    let _ = std::fs::remove_file(path);
}

/// What the receiver got: each escalation's case and urgency.
fn urgencies(receiver: &Receiver) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = receiver
        .bodies
        .lock()
        .unwrap()
        .iter()
        .map(|b| (b["code"].as_str().unwrap().to_owned(), b["urgency"].as_str().unwrap().to_owned()))
        .collect();
    seen.sort();
    seen
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(30), "waited 30 s for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn days_ago(days: i64) -> String {
    let minute = civic_pulse_collector::deadlines::now() - days * 1440;
    civic_pulse_collector::deadlines::format_minute(minute)[..10].to_owned()
}

#[test]
fn late_cases_reach_the_webhook_once_each_and_again_after_the_receiver_was_down() {
    // The receiver's port, closed for now: every post is refused until it listens.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/escalations");
    let file = departments_file("escalation");
    let collector = Collector::start(
        temp_database("escalation"),
        &[
            ("CIVIC_PULSE_STAFF_TOKEN", CITY),
            ("CIVIC_PULSE_DEPARTMENTS", file.as_str()),
            ("CIVIC_PULSE_ESCALATION_URL", url.as_str()),
            ("CIVIC_PULSE_ESCALATION_EVERY", "1"),
        ],
    );
    let due_soon = post_bad(&collector, 1, "transport", &days_ago(11));
    let overdue = post_bad(&collector, 2, "healthcare", &days_ago(20));
    let on_time = post_bad(&collector, 3, "transport", &days_ago(1));
    let mut good = rating(4, 5);
    good["day"] = days_ago(20).into();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], good.to_string().as_bytes()).status, 201);

    let attempts = |code: &str| -> (i64, bool, Option<String>) {
        let row = collector.db().rows(
            "SELECT attempts, CASE WHEN delivered IS NULL THEN 0 ELSE 1 END, last_error FROM escalations
             WHERE receipt = $1",
            &[code],
        );
        match row.as_slice() {
            [row] => (row[0].as_deref().unwrap().parse().unwrap(), row[1].as_deref() == Some("1"), row[2].clone()),
            _ => (0, false, None),
        }
    };
    wait_until("two refused attempts", || attempts(&overdue).0 >= 2);
    let (_, delivered, error) = attempts(&overdue);
    assert!(!delivered && error.is_some(), "recorded as not delivered, with why");

    let receiver = Receiver::listen(TcpListener::bind(("127.0.0.1", port)).unwrap());
    wait_until("both escalations delivered", || urgencies(&receiver).len() == 2);
    assert_eq!(
        urgencies(&receiver),
        sorted(vec![format!("{due_soon}"), format!("{overdue}")])
            .into_iter()
            .map(|code| {
                let urgency = if code == overdue { "overdue" } else { "due-soon" };
                (code, urgency.to_owned())
            })
            .collect::<Vec<_>>()
    );
    let bodies = receiver.bodies.lock().unwrap().clone();
    let sent = bodies.iter().find(|b| b["code"] == overdue.as_str()).unwrap();
    let keys: Vec<&String> = sent.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["code", "deadline", "department", "id", "service", "urgency"], "nothing about the resident");
    assert_eq!(sent["department"], "health-commission");
    assert!(sent["deadline"].as_str().unwrap().ends_with("T23:59Z"));
    // The receiver has the body before the collector has read the answer and recorded it.
    wait_until("the overdue escalation recorded as delivered", || attempts(&overdue).1);
    assert_eq!(attempts(&on_time).0, 0, "a case on time is not escalated");

    // A few more checks go by: nothing is sent twice.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(urgencies(&receiver).len(), 2, "each escalation once");
    let _ = std::fs::remove_file(file);
}

/// Rewrites a case's timeline in the real file, as if its steps had happened at these moments.
fn as_if(collector: &Collector, receipt: &str, status: &str, steps: &[(&str, &str)]) {
    let mut db = collector.db();
    db.execute("DELETE FROM case_events WHERE receipt = $1", &[receipt]);
    for (kind, at) in steps {
        db.execute("INSERT INTO case_events (receipt, kind, at) VALUES ($1, $2, $3)", &[receipt, kind, at]);
    }
    db.execute("UPDATE ratings SET status = $1 WHERE receipt = $2", &[status, receipt]);
}

#[test]
fn the_figures_and_the_monthly_report_count_by_hand_and_never_show_a_cell_under_k() {
    let file = departments_file("figures");
    let collector = Collector::start(
        temp_database("figures"),
        &[("CIVIC_PULSE_STAFF_TOKEN", CITY), ("CIVIC_PULSE_DEPARTMENTS", file.as_str()), ("CIVIC_PULSE_MIN_CELL", "2")],
    );
    let mut secret = rating(9, 1);
    secret["day"] = "2026-10-05".into();
    secret["comment"] = "the driver shouted at me".into();
    let quick = collector.request("POST", "/v1/ratings", &[JSON], secret.to_string().as_bytes()).json()["receipt"]
        .as_str()
        .unwrap()
        .to_owned();
    let late = post_bad(&collector, 10, "transport", "2026-10-06");
    let untouched = post_bad(&collector, 11, "transport", "2026-10-07");
    let clinic = post_bad(&collector, 12, "healthcare", "2026-10-09");
    // 2 hours to acknowledge, 3 days to answer, confirmed solved.
    as_if(
        &collector,
        &quick,
        "confirmed",
        &[
            ("received", "2026-10-05T08:00Z"),
            ("acknowledged", "2026-10-05T10:00Z"),
            ("answered", "2026-10-08T09:00Z"),
            ("confirmed", "2026-10-09T09:00Z"),
        ],
    );
    // 36 hours (late), 19 days (late), reopened.
    as_if(
        &collector,
        &late,
        "reopened",
        &[
            ("received", "2026-10-06T08:00Z"),
            ("acknowledged", "2026-10-07T20:00Z"),
            ("answered", "2026-10-25T08:00Z"),
            ("reopened", "2026-10-26T08:00Z"),
        ],
    );
    as_if(&collector, &untouched, "received", &[("received", "2026-10-07T08:00Z")]);
    as_if(&collector, &clinic, "received", &[("received", "2026-10-09T08:00Z")]);

    let figures = collector.request("GET", "/v1/figures?by=month", &[], b"").json();
    let city = &figures["city"][0];
    assert_eq!((city["period"].as_str(), city["cases"].as_i64()), (Some("2026-10"), Some(4)));
    assert_eq!(city["acknowledge_hours"], serde_json::json!({"median": 2.0, "p90": 36.0}));
    assert_eq!(city["close_days"], serde_json::json!({"median": 3.0, "p90": 19.0}));
    assert_eq!(city["acknowledged_on_time"], serde_json::json!({"of": 4, "count": 1, "share": 0.25}));
    assert_eq!(city["closed_on_time"], serde_json::json!({"of": 4, "count": 1, "share": 0.25}));
    assert_eq!(city["confirmed_solved"]["share"], 0.5);
    assert_eq!(city["reopened"]["share"], 0.5);
    // Healthcare has one case (k is 2); transport's three would be the city's four minus it.
    for cell in figures["services"].as_array().unwrap().iter().chain(figures["departments"].as_array().unwrap()) {
        assert_eq!(cell["suppressed"], true, "{cell}");
        assert!(cell.get("cases").is_none(), "nothing else of a hidden cell: {cell}");
    }
    let quarter = collector.request("GET", "/v1/figures?by=quarter", &[], b"").json();
    assert_eq!(
        (quarter["city"][0]["period"].as_str(), quarter["city"][0]["cases"].as_i64()),
        (Some("2026-Q4"), Some(4))
    );
    assert_eq!(collector.request("GET", "/v1/figures?by=week", &[], b"").status, 400);
    // A range is taken to whole quarters, so a month is always ranked with its quarter's others.
    let ranged = collector.request("GET", "/v1/figures?by=month&from=2026-10-05&to=2026-10-20", &[], b"").json();
    assert_eq!((ranged["from"].as_str(), ranged["to"].as_str()), (Some("2026-10-01"), Some("2026-12-31")));

    let bearer = format!("Bearer {CITY}");
    let staff = [JSON, ("Authorization", bearer.as_str())];
    let changes =
        br#"{"lang":"en","changes":["Bus 42 now runs every 8 minutes at rush hour.","  ","Questions: 138 1234 5678"]}"#;
    let written = collector.request("POST", "/v1/staff/reports/2026-10/changes", &staff, changes);
    assert_eq!(written.status, 200, "{}", written.body);
    assert_eq!(written.json()["changes"][1], "Questions: [phone]", "published, so redacted");
    let as_transport = format!("Bearer {TRANSPORT}");
    let department = [JSON, ("Authorization", as_transport.as_str())];
    assert_eq!(collector.request("POST", "/v1/staff/reports/2026-10/changes", &department, changes).status, 403);
    assert_eq!(collector.request("POST", "/v1/staff/reports/October/changes", &staff, changes).status, 400);
    assert_eq!(
        collector.request("POST", "/v1/staff/reports/2026-10/changes", &staff, br#"{"lang":"fr","changes":[]}"#).status,
        400
    );

    let report = collector.request("GET", "/report.html?month=2026-10&lang=en", &[], b"");
    assert_eq!((report.status, report.header("content-type")), (200, Some("text/html; charset=utf-8")));
    let page = &report.body;
    for expected in [
        "<h1>Service quality, October 2026</h1>",
        "<th scope=\"row\">The whole city</th><td>4</td><td>25 % (1 of 4)</td><td>25 % (1 of 4)</td><td>50 % (1 of 2)</td><td>50 % (1 of 2)</td><td>2 h, 36 h</td><td>3 d, 19 d</td>",
        "<th scope=\"row\">Transport Bureau</th><td colspan=\"7\">hidden (fewer than 2)</td>",
        "<th scope=\"row\">Healthcare</th><td colspan=\"3\">hidden (fewer than 2)</td>",
        "<li>Bus 42 now runs every 8 minutes at rush hour.</li><li>Questions: [phone]</li>",
    ] {
        assert!(page.contains(expected), "{expected}\n{page}");
    }
    for never in [quick.as_str(), late.as_str(), "driver shouted", "1234 5678"] {
        assert!(!page.contains(never), "{never} must not be published");
    }
    let chinese = collector.request("GET", "/report.html?month=2026-10", &[("Accept-Language", "zh-TW,zh;q=0.9")], b"");
    assert!(
        chinese.body.contains("<html lang=\"zh-Hant\">") && chinese.body.contains("2026年10月"),
        "{}",
        chinese.body
    );
    assert!(chinese.body.contains("<ul lang=\"en\">"), "written in English only, shown as English");
    let bad = collector.request("GET", "/report.html?month=2026-13&lang=en", &[], b"");
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("“2026-13” is not a month. Write it as YYYY-MM"), "{}", bad.body);
    let _ = std::fs::remove_file(file);
}

#[test]
fn the_inbox_pages_120_bad_reviews_most_urgent_first_without_a_duplicate_or_a_gap() {
    let collector = Collector::start(temp_database("paging"), &[("CIVIC_PULSE_STAFF_TOKEN", CITY)]);
    let bearer = format!("Bearer {CITY}");
    let staff = [JSON, ("Authorization", bearer.as_str())];
    // 120 bad reviews over 30 days, four a day: many share a day, so page boundaries fall
    // between items of the same age.
    let all: Vec<serde_json::Value> = (0..120u64)
        .map(|n| {
            let mut sent = rating(1000 + n, 1 + (n % 2) as u8);
            sent["day"] = days_ago((n / 4) as i64).into();
            sent["service"] = if n % 3 == 0 { "healthcare" } else { "transport" }.into();
            sent
        })
        .collect();
    let mut receipts = Vec::new();
    for batch in all.chunks(60) {
        let answer = collector.request(
            "POST",
            "/v1/ratings",
            &[JSON],
            serde_json::Value::from(batch.to_vec()).to_string().as_bytes(),
        );
        assert_eq!(answer.status, 201, "{}", answer.body);
        receipts.extend(
            answer.json()["results"].as_array().unwrap().iter().map(|r| r["receipt"].as_str().unwrap().to_owned()),
        );
    }
    for receipt in &receipts[..10] {
        let answered =
            collector.request("POST", &format!("/v1/staff/receipts/{receipt}"), &staff, br#"{"status":"answered"}"#);
        assert_eq!(answered.status, 200);
    }
    let page = |query: &str| {
        let answer = collector.request("GET", &format!("/v1/staff/inbox{query}"), &[("Authorization", &bearer)], b"");
        assert_eq!(answer.status, 200, "{query}: {}", answer.body);
        answer.json()
    };
    let rank = |urgency: &str| {
        ["overdue", "unacknowledged", "due-soon", "on-time", "answered"].iter().position(|u| *u == urgency).unwrap()
    };
    let mut seen = Vec::new();
    let mut order = Vec::new();
    let mut query = "?limit=7".to_owned();
    let first = page(&query);
    loop {
        let json = page(&query);
        for item in json["items"].as_array().unwrap() {
            seen.push(item["receipt"].as_str().unwrap().to_owned());
            let answered = item["urgency"] == "answered";
            let age = if answered {
                -(item["day"].as_str().unwrap().replace('-', "").parse::<i64>().unwrap())
            } else {
                item["since"].as_str().unwrap().replace('-', "").parse::<i64>().unwrap()
            };
            order.push((rank(item["urgency"].as_str().unwrap()), age));
        }
        match json["next"].as_str() {
            Some(token) => query = format!("?limit=7&after={token}"),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no case twice");
    let mut expected = receipts.clone();
    expected.sort();
    assert_eq!(unique, expected, "every case once: no gap");
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "most urgent first, then oldest: {order:?}");
    assert_eq!(order.first().map(|o| o.0), Some(0), "overdue first");
    assert_eq!(order.last().map(|o| o.0), Some(4), "answered last");

    // Each filter value's count is what that filter gives.
    let counts = &first["counts"];
    for urgency in ["overdue", "due-soon", "on-time", "answered"] {
        let filtered = page(&format!("?urgency={urgency}&limit=200"));
        assert_eq!(
            filtered["items"].as_array().unwrap().len() as u64,
            counts["urgency"][urgency].as_u64().unwrap_or(0),
            "{urgency}"
        );
        assert!(filtered["items"].as_array().unwrap().iter().all(|i| i["urgency"] == urgency));
    }
    assert_eq!(counts["status"]["answered"], 10);
    assert_eq!(counts["service"]["healthcare"], 40);
    let clinics = page("?service=healthcare&urgency=overdue&limit=200");
    assert!(
        clinics["items"].as_array().unwrap().iter().all(|i| i["service"] == "healthcare" && i["urgency"] == "overdue")
    );
    assert_eq!(
        clinics["counts"]["service"]["transport"].as_u64(),
        counts["urgency"]["overdue"].as_u64().map(|all| all - clinics["items"].as_array().unwrap().len() as u64),
        "service counts are under the urgency filter"
    );
    for bad in ["?after=not-a-token", "?limit=0", "?limit=201", "?urgency=late", "?status=closed", "?service=Bus 42"] {
        let answer = collector.request(
            "GET",
            &format!("/v1/staff/inbox{}", bad.replace(' ', "%20")),
            &[("Authorization", &bearer)],
            b"",
        );
        assert_eq!(answer.status, 400, "{bad}: {}", answer.body);
    }
}

/// The urgency rule is written three times: in Rust (`Deadlines::urgency`, which the escalation
/// and the documentation follow) and in each engine's inbox query (which ranks and pages by it).
/// Every case here, on the engine this run uses, must get from the query what Rust says.
#[test]
fn the_inbox_ranks_every_case_by_the_rule_the_deadlines_module_states() {
    use civic_pulse_collector::deadlines::{Deadlines, format_minute, now, parse_minute};
    use civic_pulse_core::follow_up::{FollowUp, Urgency};
    let collector = Collector::start(temp_database("urgency-rule"), &[("CIVIC_PULSE_STAFF_TOKEN", CITY)]);
    let start = now();
    // Half an hour off each whole hour, so no case crosses a boundary while the test runs.
    let hours_ago = [1, 23, 25, 48, 24 * 9 + 1, 24 * 10 + 1, 24 * 11, 24 * 15, 24 * 16 + 1, 24 * 17, 24 * 40];
    let statuses = ["received", "acknowledged", "in-progress", "answered", "reopened"];
    let mut n = 100;
    for hours in hours_ago {
        for status in statuses {
            n += 1;
            let received = start - hours * 60 - 30;
            let at = |minutes: i64| format_minute(received + minutes);
            let receipt = post_bad(&collector, n, "transport", &at(0)[..10]);
            let mut steps = vec![("received", at(0))];
            match status {
                "received" => {}
                "reopened" => {
                    steps.push(("answered", at(60)));
                    steps.push(("reopened", at(120)));
                }
                other => steps.push((other, at(60))),
            }
            let steps: Vec<(&str, &str)> = steps.iter().map(|(kind, at)| (*kind, at.as_str())).collect();
            as_if(&collector, &receipt, status, &steps);
        }
    }
    let (status, page) = inbox(&collector, CITY, "?limit=200");
    assert_eq!(status, 200);
    let asked_at = now();
    let deadlines = Deadlines::default();
    let mut seen = std::collections::BTreeSet::new();
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), hours_ago.len() * statuses.len());
    for item in items {
        let status = FollowUp::parse(item["status"].as_str().unwrap()).unwrap();
        let received = item["timeline"][0]["at"].as_str().and_then(parse_minute).unwrap();
        let expected = deadlines.urgency(status, received, item["days_open"].as_i64().unwrap(), asked_at);
        assert_eq!(item["urgency"], expected.code(), "{item}");
        seen.insert(expected.code());
    }
    assert_eq!(seen.len(), Urgency::ALL.len(), "every urgency is met: {seen:?}");
}
