//! The collector's HTTP contract, against the real binary and a real SQLite file: every status
//! code, idempotency under concurrency, and hostile bodies rejected and stored nowhere.

mod support;

use std::sync::Arc;

use support::{Collector, JSON, count_rows, rating, temp_database};

#[test]
fn stores_a_rating_once_and_repeats_its_receipt() {
    let collector = Collector::start(temp_database("once"), &[]);
    let body = rating(1, 2).to_string();
    let id = rating(1, 2)["id"].as_str().unwrap().to_owned();
    let first = collector.request("POST", "/v1/ratings", &[JSON, ("Idempotency-Key", &id)], body.as_bytes());
    assert_eq!(first.status, 201, "{}", first.body);
    let receipt = first.json()["receipt"].as_str().unwrap().to_owned();
    assert_eq!(receipt.len(), 8);
    let again = collector.request("POST", "/v1/ratings", &[JSON, ("Idempotency-Key", &id)], body.as_bytes());
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["receipt"], receipt.as_str());
    assert_eq!(count_rows(&collector), 1);
    assert_eq!(first.header("cache-control"), Some("no-store"));

    let status = collector.request("GET", &format!("/v1/receipts/{}", receipt.to_lowercase()), &[], b"");
    assert_eq!(status.status, 200);
    let status = status.json();
    assert_eq!(
        (&status["receipt"], &status["status"], &status["can_confirm"]),
        (&receipt.clone().into(), &"received".into(), &false.into())
    );
    assert_eq!(status["timeline"][0]["kind"], "received");
    assert_eq!(collector.request("GET", "/v1/receipts/ZZZZZZZZ", &[], b"").status, 404);
    assert_eq!(collector.request("GET", "/v1/receipts/short", &[], b"").status, 400);
}

#[test]
fn a_batch_is_stored_in_one_request() {
    let collector = Collector::start(temp_database("batch"), &[]);
    let batch = serde_json::json!([rating(10, 5), rating(11, 1), rating(10, 5)]).to_string();
    let answer = collector.request("POST", "/v1/ratings", &[JSON], batch.as_bytes());
    assert_eq!(answer.status, 201, "{}", answer.body);
    let news: Vec<bool> =
        answer.json()["results"].as_array().unwrap().iter().map(|r| r["new"].as_bool().unwrap()).collect();
    assert_eq!(news, [true, true, false], "the repeated id in the same batch is not stored twice");
    assert_eq!(count_rows(&collector), 2);
}

#[test]
fn bad_requests_get_the_right_status_and_store_nothing() {
    let collector = Collector::start(temp_database("bad"), &[("CIVIC_PULSE_MAX_BODY_BYTES", "4096")]);
    let valid = rating(2, 4).to_string();
    let post = |headers: &[(&str, &str)], body: &[u8]| collector.request("POST", "/v1/ratings", headers, body);

    assert_eq!(post(&[("Content-Type", "text/plain")], valid.as_bytes()).status, 415);
    assert_eq!(post(&[], valid.as_bytes()).status, 415);
    let truncated = post(&[JSON], &valid.as_bytes()[..valid.len() / 2]);
    assert_eq!(truncated.status, 400);
    assert!(truncated.json()["problems"][0]["message"].as_str().unwrap().contains("not valid JSON"));
    assert_eq!(post(&[JSON], b"\xff\xfe{\"schema\":1}").status, 400, "invalid UTF-8");
    let deep = "[".repeat(1_000); // under the size limit, far over the nesting limit
    assert_eq!(post(&[JSON], deep.as_bytes()).status, 400, "deep nesting");
    let huge = serde_json::json!({"comment": "x".repeat(10_000)}).to_string();
    assert_eq!(post(&[JSON], huge.as_bytes()).status, 413);
    assert_eq!(post(&[JSON], b"[]").status, 400);

    let mut wrong = rating(3, 9);
    wrong["day"] = "yesterday".into();
    wrong["lang"] = "fr".into();
    let answer = post(&[JSON], wrong.to_string().as_bytes());
    assert_eq!(answer.status, 400);
    let problems = answer.json();
    let fields: Vec<&str> =
        problems["problems"].as_array().unwrap().iter().map(|p| p["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["/score", "/lang", "/day"]);

    let mut tracking = rating(4, 3);
    tracking["userAgent"] = "Mozilla/5.0".into();
    assert_eq!(post(&[JSON], tracking.to_string().as_bytes()).status, 400, "unknown fields are refused, not stored");
    let mut null_channel = rating(4, 3);
    null_channel["channel"] = serde_json::Value::Null;
    let refused = post(&[JSON], null_channel.to_string().as_bytes());
    assert_eq!(
        (refused.status, refused.json()["problems"][0]["field"].as_str()),
        (400, Some("/channel")),
        "no null in the schema"
    );
    let mut injected = rating(5, 3);
    injected["service"] = "transport'; DROP TABLE ratings; --".into();
    assert_eq!(post(&[JSON], injected.to_string().as_bytes()).status, 400);
    let mismatched = post(&[JSON, ("Idempotency-Key", "3f2b8c1e-9d4a-4b7e-8f6a-000000000099")], valid.as_bytes());
    assert_eq!(mismatched.status, 400);
    assert_eq!(count_rows(&collector), 0);

    // Script and SQL in a comment are just text: stored verbatim, harmless.
    let mut comment = rating(6, 1);
    comment["comment"] = "<script>alert(1)</script> '); DELETE FROM ratings; --".into();
    assert_eq!(post(&[JSON], comment.to_string().as_bytes()).status, 201);
    let stored = collector.db().text("SELECT comment FROM ratings", &[]).unwrap();
    assert_eq!(stored, comment["comment"].as_str().unwrap());
}

#[test]
fn concurrent_posts_of_one_id_store_one_row() {
    let collector = Arc::new(Collector::start(temp_database("race"), &[]));
    let body = Arc::new(rating(7, 5).to_string());
    let threads: Vec<_> = (0..24)
        .map(|_| {
            let (collector, body) = (collector.clone(), body.clone());
            std::thread::spawn(move || collector.request("POST", "/v1/ratings", &[JSON], body.as_bytes()))
        })
        .collect();
    let answers: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(answers.iter().filter(|a| a.status == 201).count(), 1);
    assert_eq!(answers.iter().filter(|a| a.status == 200).count(), 23);
    let receipts: std::collections::BTreeSet<String> =
        answers.iter().map(|a| a.json()["receipt"].as_str().unwrap().to_owned()).collect();
    assert_eq!(receipts.len(), 1, "everyone gets the one receipt");
    assert_eq!(count_rows(&collector), 1);
}

#[test]
fn summaries_suppress_small_cells() {
    let collector = Collector::start(temp_database("summary"), &[("CIVIC_PULSE_MIN_CELL", "3")]);
    let batch = serde_json::json!([rating(20, 5), rating(21, 4), rating(22, 1)]).to_string();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], batch.as_bytes()).status, 201);
    let mut healthcare = rating(23, 5);
    healthcare["service"] = "healthcare".into();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], healthcare.to_string().as_bytes()).status, 201);

    let summary = collector.request("GET", "/v1/summary?by=month", &[], b"").json();
    let services = summary["services"].as_array().unwrap();
    assert_eq!(services[0]["service"], "healthcare");
    assert_eq!(services[0]["suppressed"], true);
    assert!(services[0].get("scores").is_none(), "a suppressed cell publishes nothing else");
    assert_eq!(services[1]["scores"], serde_json::json!([1, 0, 0, 1, 1]));
    assert!((services[1]["satisfaction"].as_f64().unwrap() - 175.0 / 3.0).abs() < 1e-9);
    assert!((services[1]["bad_share"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    // The range is taken in whole months, and the answer says which.
    let ranged = collector.request("GET", "/v1/summary?from=2026-11-05&to=2026-11-20&by=day", &[], b"").json();
    assert_eq!((ranged["from"].as_str(), ranged["to"].as_str()), (Some("2026-11-01"), Some("2026-11-30")));
    // A month under k beside a shown one: the total counts the shown month only, or a total
    // over both less one over November would give October's one rating away.
    let mut october = rating(24, 2);
    october["day"] = "2026-10-30".into();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], october.to_string().as_bytes()).status, 201);
    let months = collector.request("GET", "/v1/summary?by=month&service=transport", &[], b"").json();
    assert_eq!(months["services"][0]["count"], 3, "November's 3, not October's 1: {months}");
    let shown: Vec<(&str, bool)> = months["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["period"].as_str().unwrap(), p["suppressed"].as_bool().unwrap()))
        .collect();
    assert_eq!(shown, [("2026-10", true), ("2026-11", false)]);
    let november = collector.request("GET", "/v1/summary?from=2026-11-01&to=2026-11-30&service=transport", &[], b"");
    assert_eq!(november.json()["services"][0]["count"], months["services"][0]["count"], "nothing to subtract");
    assert_eq!(collector.request("GET", "/v1/summary?from=2026-13-01", &[], b"").status, 400);
    assert_eq!(collector.request("GET", "/v1/summary?by=year", &[], b"").status, 400);
    assert_eq!(collector.request("GET", "/v1/summary?service=x&user=1", &[], b"").status, 400);
}

#[test]
fn weeks_beside_months_never_let_a_hidden_week_be_subtracted() {
    // February 2027 is exactly four ISO weeks (Monday 1 to Sunday 28). 3 ratings in its first
    // week, 6 in each of the others, at most 2 a day: the month (21) is public, and were the three
    // other weeks shown, 21 less their 18 would give the first week's 3 away.
    let collector = Collector::start(temp_database("weeks"), &[("CIVIC_PULSE_MIN_CELL", "5")]);
    let mut ratings = Vec::new();
    let mut add = |day: String, count: u64| {
        for _ in 0..count {
            let mut one = rating(40 + ratings.len() as u64, 4);
            one["day"] = day.clone().into();
            ratings.push(one);
        }
    };
    for day in 1..=3 {
        add(format!("2027-02-{day:02}"), 1);
    }
    for monday in [8, 15, 22] {
        for day in monday..monday + 3 {
            add(format!("2027-02-{day:02}"), 2);
        }
    }
    let batch = serde_json::Value::from(ratings).to_string();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], batch.as_bytes()).status, 201);

    let cells = |by: &str, range: &str| -> Vec<(String, Option<u64>)> {
        let answer = collector.request("GET", &format!("/v1/summary?by={by}{range}"), &[], b"").json();
        let periods = answer["periods"].as_array().unwrap_or_else(|| panic!("{answer}")).clone();
        periods.iter().map(|p| (p["period"].as_str().unwrap().to_owned(), p["count"].as_u64())).collect()
    };
    let month = cells("month", "");
    assert_eq!(month, [("2027-02".to_owned(), Some(21))]);
    let weeks = cells("week", "");
    let hidden: Vec<&str> = weeks.iter().filter(|(_, count)| count.is_none()).map(|(w, _)| w.as_str()).collect();
    assert_eq!(hidden, ["2027-W05", "2027-W06"], "a second week is hidden with the small one: {weeks:?}");
    let shown: u64 = weeks.iter().filter_map(|(_, count)| *count).sum();
    assert!(21 - shown >= 5, "the month less the shown weeks leaves {} ratings", 21 - shown);
    assert_eq!(cells("quarter", ""), [("2027-Q1".to_owned(), Some(21))]);
    assert_eq!(cells("week", "&from=2027-02-10&to=2027-02-12"), weeks, "a range takes whole months, then whole weeks");
    assert_eq!(cells("week", "&from=2027-03-01"), [], "no week of March holds a rating");
}

#[test]
fn staff_set_follow_up_and_export_with_the_token_only() {
    let token = "a-long-enough-staff-secret";
    let collector = Collector::start(temp_database("staff"), &[("CIVIC_PULSE_STAFF_TOKEN", token)]);
    let mut bad = rating(30, 1);
    bad["comment"] = "=cmd|' /C calc'!A0 等了两个小时".into();
    let stored = collector.request("POST", "/v1/ratings", &[JSON], bad.to_string().as_bytes());
    let receipt = stored.json()["receipt"].as_str().unwrap().to_owned();
    let path = format!("/v1/staff/receipts/{receipt}");
    let update = br#"{"status":"answered","reply":"We added two buses at rush hour."}"#;
    let bearer = format!("Bearer {token}");

    assert_eq!(collector.request("POST", &path, &[JSON], update).status, 401);
    let wrong = collector.request("POST", &path, &[JSON, ("Authorization", "Bearer not-the-staff-token!!")], update);
    assert_eq!((wrong.status, wrong.header("www-authenticate")), (401, Some("Bearer")));
    assert_eq!(collector.request("GET", "/v1/export.json", &[], b"").status, 401);
    let answered = collector.request("POST", &path, &[JSON, ("Authorization", &bearer)], update);
    assert_eq!(answered.status, 200, "{}", answered.body);
    let bad_status = collector.request("POST", &path, &[JSON, ("Authorization", &bearer)], br#"{"status":"lost"}"#);
    assert_eq!(bad_status.status, 400);
    let unknown = collector.request("POST", "/v1/staff/receipts/ZZZZZZZZ", &[JSON, ("Authorization", &bearer)], update);
    assert_eq!(unknown.status, 404);

    // The resident sees the answer through the receipt, and nothing about who they are.
    let seen = collector.request("GET", &format!("/v1/receipts/{receipt}"), &[], b"").json();
    assert_eq!(
        (&seen["receipt"], &seen["status"], &seen["reply"], &seen["can_confirm"]),
        (&receipt.clone().into(), &"answered".into(), &"We added two buses at rush hour.".into(), &true.into())
    );
    let kinds: Vec<&str> = seen["timeline"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["received", "answered"]);
    let keys: Vec<&String> = seen.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["can_confirm", "receipt", "reply", "status", "timeline"], "nothing about who rated");

    let exported = collector.request("GET", "/v1/export.json", &[("Authorization", &bearer)], b"").json();
    let mut expected = bad.clone();
    expected.as_object_mut().unwrap().remove("aspects");
    assert_eq!(exported, serde_json::json!([expected]), "the export is in the rating schema, nothing more");
    let csv = collector.request("GET", "/v1/export.csv", &[("Authorization", &bearer)], b"");
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(csv.body.starts_with("schema,id,service,scale,score,aspects,comment,lang,day,channel\r\n"));
    assert!(csv.body.contains(",'=cmd|' /C calc'!A0 等了两个小时,"), "formulas are defused: {}", csv.body);
}

#[test]
fn a_5_mb_body_gets_its_413_every_time_not_a_reset_connection() {
    let collector = Collector::start(temp_database("huge"), &[]);
    let mut huge = rating(70, 1);
    huge["comment"] = "长".repeat(5 * 1024 * 1024 / 3).into();
    let body = huge.to_string();
    assert!(body.len() > 5_000_000);
    for _ in 0..10 {
        // The client writes the whole body before it reads: a server that answered and closed
        // without reading would reset the connection under it.
        let answer = support::request(&collector.address, "POST", "/v1/ratings", &[JSON], body.as_bytes())
            .expect("the answer arrives, not a reset connection");
        assert_eq!(answer.status, 413, "{}", answer.body);
        assert!(answer.json()["problems"][0]["message"].as_str().unwrap().contains("larger"));
    }
    assert_eq!(count_rows(&collector), 0);
}

#[test]
fn exports_stream_every_rating_in_the_order_of_their_days() {
    let token = "a-long-enough-staff-secret";
    let collector = Collector::start(temp_database("export"), &[("CIVIC_PULSE_STAFF_TOKEN", token)]);
    // 3,000 ratings: many times what the store reads ahead, so the download really streams.
    for batch in 0..30u64 {
        let ratings: Vec<serde_json::Value> = (0..100u64)
            .map(|n| {
                let mut r = rating(batch * 100 + n, 1 + (n % 5) as u8);
                r["day"] = format!("2026-11-{:02}", 30 - batch).into();
                r
            })
            .collect();
        let answer =
            collector.request("POST", "/v1/ratings", &[JSON], serde_json::json!(ratings).to_string().as_bytes());
        assert_eq!(answer.status, 201, "{}", answer.body);
    }
    let bearer = format!("Bearer {token}");
    let exported = collector.request("GET", "/v1/export.json", &[("Authorization", &bearer)], b"").json();
    let days: Vec<&str> = exported.as_array().unwrap().iter().map(|r| r["day"].as_str().unwrap()).collect();
    assert_eq!(days.len(), 3000);
    assert!(days.windows(2).all(|pair| pair[0] <= pair[1]), "oldest day first");
    let csv = collector.request("GET", "/v1/export.csv", &[("Authorization", &bearer)], b"");
    assert_eq!(csv.body.lines().count(), 3001, "the header and one line per rating");
    assert!(csv.body.ends_with("\r\n"));
}

#[test]
fn hotline_calls_come_in_by_csv_once_each_with_bad_rows_named_by_line() {
    let token = "a-long-enough-staff-secret";
    let collector = Collector::start(temp_database("hotline"), &[("CIVIC_PULSE_STAFF_TOKEN", token)]);
    let bearer = format!("Bearer {token}");
    let csv = "row_id,service,score,day,aspects,comment\r\n\
               12345-0001,transport,1,2026-11-03,,\"车太挤, 回电 13812345678\"\r\n\
               12345-0002,healthcare,5,2026-11-03,,\r\n\
               12345-0003,transport,7,2026-11-04,,\r\n\
               12345-0004,transport,4,2026-11-31,,\r\n";
    let headers = [("Content-Type", "text/csv"), ("Authorization", bearer.as_str())];
    assert_eq!(
        collector.request("POST", "/v1/staff/import/hotline", &[("Content-Type", "text/csv")], csv.as_bytes()).status,
        401
    );
    let first = collector.request("POST", "/v1/staff/import/hotline", &headers, csv.as_bytes());
    assert_eq!(first.status, 201, "{}", first.body);
    let report = first.json();
    assert_eq!((report["stored"].as_u64(), report["already"].as_u64()), (Some(2), Some(0)));
    let refused: Vec<(u64, String)> = report["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["problems"][0]["field"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(refused, [(4, "score".to_owned()), (5, "day".to_owned())]);
    let receipt = report["rows"][0]["receipt"].as_str().unwrap().to_owned();
    assert_eq!(
        collector.request("GET", &format!("/v1/receipts/{receipt}"), &[], b"").status,
        200,
        "the caller can follow it up"
    );

    let again = collector.request("POST", "/v1/staff/import/hotline", &headers, csv.as_bytes());
    assert_eq!(again.status, 200, "the same file again stores nothing: {}", again.body);
    assert_eq!((again.json()["stored"].as_u64(), again.json()["already"].as_u64()), (Some(0), Some(2)));
    assert_eq!(count_rows(&collector), 2);
    let stored = collector.db().rows("SELECT channel, comment FROM ratings WHERE service = 'transport'", &[]);
    let stored = (stored[0][0].clone().unwrap(), stored[0][1].clone().unwrap());
    assert_eq!(stored.0, "hotline");
    assert!(!stored.1.contains("13812345678"), "the operator's note is redacted like a resident's: {}", stored.1);
    let no_columns = collector.request("POST", "/v1/staff/import/hotline", &headers, b"id,score\r\n1,5\r\n");
    assert_eq!(no_columns.status, 400);
    assert!(no_columns.body.contains("missing: row_id, service, day"), "{}", no_columns.body);
}

#[test]
fn summaries_split_by_channel_keep_small_cells_hidden() {
    let collector = Collector::start(temp_database("channels"), &[("CIVIC_PULSE_MIN_CELL", "3")]);
    let with = |n: u64, score: u8, channel: Option<&str>| {
        let mut rating = rating(n, score);
        if let Some(channel) = channel {
            rating["channel"] = channel.into();
        }
        rating
    };
    let batch = serde_json::json!([
        with(40, 5, Some("web")),
        with(41, 4, Some("web")),
        with(42, 5, Some("web")),
        with(43, 3, Some("web")),
        with(44, 5, Some("assisted")),
        with(45, 2, Some("assisted")),
        with(46, 4, Some("assisted")),
        with(47, 1, Some("kiosk")),
        with(48, 5, None),
        with(49, 5, None),
        with(50, 4, None),
    ]);
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], batch.to_string().as_bytes()).status, 201);
    let odd = with(51, 5, Some("sms"));
    let refused = collector.request("POST", "/v1/ratings", &[JSON], odd.to_string().as_bytes());
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("/channel"), "{}", refused.body);

    let summary = collector.request("GET", "/v1/summary?by=channel", &[], b"").json();
    assert_eq!(summary["services"][0]["count"], 11);
    let cells: Vec<(String, Option<u64>)> = summary["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["channel"].as_str().unwrap().to_owned(), c["count"].as_u64()))
        .collect();
    assert_eq!(
        cells,
        [
            ("assisted".to_owned(), None),
            ("kiosk".to_owned(), None),
            ("not-given".to_owned(), Some(3)),
            ("web".to_owned(), Some(4)),
        ],
        "kiosk's one rating is hidden, and so is assisted, or 11 − 3 − 4 − 3 would give kiosk away"
    );
}

#[test]
fn a_counter_poster_prints_the_service_and_a_qr_code_of_its_page() {
    let collector = Collector::start(
        temp_database("poster"),
        &[("CIVIC_PULSE_PUBLIC_URL", "https://rate.example.gov"), ("CIVIC_PULSE_HOTLINE", "12345")],
    );
    let poster = collector.request("GET", "/poster.html?service=social-security", &[], b"");
    assert_eq!(poster.status, 200);
    assert_eq!(poster.header("content-type"), Some("text/html; charset=utf-8"));
    for text in [
        "社会保障",
        "社會保障",
        "Social security",
        "https://rate.example.gov/rate.html?service=social-security",
        "Call 12345",
        "<svg role=\"img\"",
    ] {
        assert!(poster.body.contains(text), "{text}");
    }
    let unknown = collector.request("GET", "/poster.html?service=bus-42", &[], b"");
    assert_eq!(unknown.status, 404);
    assert!(unknown.body.contains("transport, healthcare, education"));
}

#[test]
fn the_resident_closes_the_loop_once_per_answer_and_a_reopened_case_is_open_again() {
    let token = "a-long-enough-staff-secret";
    let collector = Collector::start(temp_database("loop"), &[("CIVIC_PULSE_STAFF_TOKEN", token)]);
    let bearer = format!("Bearer {token}");
    let staff = [JSON, ("Authorization", bearer.as_str())];
    let stored = collector.request("POST", "/v1/ratings", &[JSON], rating(70, 2).to_string().as_bytes());
    let receipt = stored.json()["receipt"].as_str().unwrap().to_owned();
    let confirm = |solved: bool| {
        let body = format!(r#"{{"solved":{solved}}}"#);
        collector.request("POST", &format!("/v1/receipts/{receipt}/confirmation"), &[JSON], body.as_bytes())
    };
    let set = |status: &str| {
        let body = format!(r#"{{"status":"{status}","reply":"We changed the timetable."}}"#);
        collector.request("POST", &format!("/v1/staff/receipts/{receipt}"), &staff, body.as_bytes())
    };
    assert_eq!(confirm(true).status, 409, "nothing to confirm before an answer");
    assert_eq!(set("reopened").status, 400, "only the resident reopens");
    assert_eq!(set("acknowledged").status, 200);
    assert_eq!(set("answered").status, 200);
    let reopened = confirm(false);
    assert_eq!(reopened.status, 200, "{}", reopened.body);
    assert_eq!(
        (reopened.json()["status"].as_str(), reopened.json()["can_confirm"].as_bool()),
        (Some("reopened"), Some(false))
    );
    assert_eq!(confirm(true).status, 409, "once per answer");
    let inbox = collector.request("GET", "/v1/staff/inbox", &staff, b"").json();
    let item = &inbox["items"][0];
    assert_eq!(
        (item["status"].as_str(), item["urgency"].as_str()),
        (Some("reopened"), Some("on-time")),
        "open again, its deadline anew"
    );
    let kinds: Vec<&str> = item["timeline"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["received", "acknowledged", "answered", "reopened"]);
    assert!(
        item["timeline"][0]["at"].as_str().unwrap().ends_with('Z')
            && item["timeline"][0]["at"].as_str().unwrap().len() == 17,
        "staff see the minute"
    );
    assert_eq!(set("answered").status, 200);
    assert_eq!(confirm(true).json()["status"], "confirmed");
    let seen = collector.request("GET", &format!("/v1/receipts/{receipt}"), &[], b"").json();
    let days: Vec<usize> =
        seen["timeline"].as_array().unwrap().iter().map(|e| e["day"].as_str().unwrap().len()).collect();
    assert_eq!(days, [10; 6], "the resident sees days, never the minute");
    assert_eq!(
        collector.request("POST", "/v1/receipts/ZZZZZZZZ/confirmation", &[JSON], br#"{"solved":true}"#).status,
        404
    );
    assert_eq!(
        collector
            .request("POST", &format!("/v1/receipts/{receipt}/confirmation"), &[JSON], br#"{"solved":"yes"}"#)
            .status,
        400
    );
}

/// A moment `hours_ago` before now, as the timeline writes it (UTC, to the minute), and that day.
fn moment(hours_ago: i64) -> (String, String) {
    let minute = civic_pulse_collector::deadlines::now() - hours_ago * 60;
    let written = civic_pulse_collector::deadlines::format_minute(minute);
    let day = written[..10].to_owned();
    (written, day)
}

#[test]
fn the_inbox_marks_a_case_nobody_acknowledged_within_a_day_and_one_past_its_close_deadline() {
    let token = "a-long-enough-staff-secret";
    let collector = Collector::start(temp_database("deadlines"), &[("CIVIC_PULSE_STAFF_TOKEN", token)]);
    let bearer = format!("Bearer {token}");
    let staff = [JSON, ("Authorization", bearer.as_str())];
    let post = |n: u64, day: &str| {
        let mut sent = rating(n, 1);
        sent["day"] = day.into();
        collector.request("POST", "/v1/ratings", &[JSON], sent.to_string().as_bytes()).json()["receipt"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // It came in 25 hours ago, rated on the resident's day 24 hours ago: always yesterday,
    // whereas the day 25 hours ago is the day before yesterday in the first hour after midnight.
    let twenty_five_hours_ago = moment(25).0;
    let fresh = post(80, &moment(24).1);
    let old = post(81, &moment(20 * 24).1);
    // As if it had come in 25 hours ago: the clock moved on, written into the real file.
    collector.db().execute(
        "UPDATE case_events SET at = $1 WHERE receipt = $2",
        &[twenty_five_hours_ago.as_str(), fresh.as_str()],
    );
    let urgency_of = |receipt: &str| {
        let inbox = collector.request("GET", "/v1/staff/inbox", &staff, b"").json();
        assert_eq!(
            inbox["deadlines"],
            serde_json::json!({"acknowledge_hours": 24, "close_days": 15, "counting": "calendar"})
        );
        let item = inbox["items"].as_array().unwrap().iter().find(|i| i["receipt"] == receipt).cloned().unwrap();
        (item["urgency"].as_str().unwrap().to_owned(), item["days_open"].as_i64().unwrap())
    };
    assert_eq!(urgency_of(&fresh), ("unacknowledged".to_owned(), 1), "25 hours and nobody acknowledged it");
    assert_eq!(urgency_of(&old), ("overdue".to_owned(), 20), "20 calendar days open against 15");
    let acknowledged =
        collector.request("POST", &format!("/v1/staff/receipts/{fresh}"), &staff, br#"{"status":"acknowledged"}"#);
    assert_eq!(acknowledged.status, 200);
    assert_eq!(urgency_of(&fresh), ("on-time".to_owned(), 1), "acknowledged, it is simply open");
}

#[test]
fn a_comment_from_any_client_is_redacted_before_it_is_stored() {
    let collector = Collector::start(temp_database("redact"), &[]);
    let mut sent = rating(60, 1);
    sent["comment"] = "Call me on 138 1234 5678 or li.wei@example.com\u{0}".into();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], sent.to_string().as_bytes()).status, 201);
    let stored = collector.db().text("SELECT comment FROM ratings", &[]).unwrap();
    assert_eq!(stored, "Call me on [phone] or [email]", "what a client other than our widget sends is redacted too");
}

#[test]
fn without_a_staff_token_staff_endpoints_are_off() {
    let collector = Collector::start(temp_database("nostaff"), &[]);
    let answer = collector.request("GET", "/v1/export.csv", &[("Authorization", "Bearer anything-at-all-here")], b"");
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("CIVIC_PULSE_STAFF_TOKEN"));
}

#[test]
fn purge_removes_old_comments_and_keeps_scores() {
    let database = temp_database("purge");
    let collector = Collector::start(database.clone(), &[]);
    let (mut old, mut recent) = (rating(40, 2), rating(41, 4));
    old["day"] = "2020-01-15".into();
    old["comment"] = "old comment".into();
    recent["comment"] = "recent comment".into();
    recent["day"] = "2099-12-31".into();
    let batch = serde_json::json!([old, recent]).to_string();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], batch.as_bytes()).status, 201);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_civic-pulse-collector"))
        .args(["purge", "--comments-older-than", "365"])
        .env("CIVIC_PULSE_DATABASE", &database)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Removed the comments of 1 ratings"));
    let comments: Vec<Option<String>> = collector
        .db()
        .rows("SELECT comment FROM ratings ORDER BY day", &[])
        .into_iter()
        .map(|row| row[0].clone())
        .collect();
    assert_eq!(comments, [None, Some("recent comment".to_owned())]);
    assert_eq!(count_rows(&collector), 2, "scores stay for the aggregates");
}

#[test]
fn serves_the_demo_with_cdn_cache_headers_and_the_strict_policy_page() {
    let dist = std::env::temp_dir().join(format!("civic-pulse-dist-{}", std::process::id()));
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    for (path, text) in [
        ("strict-csp.html", "<!doctype html>"),
        ("embed.js", "// loader"),
        ("assets/feedback-0123.wasm", "\0asm"),
        // The build's compressed copies (their contents here only say which one was served).
        ("assets/feedback-0123.wasm.br", "brotli copy"),
        ("assets/feedback-0123.wasm.gz", "gzip copy"),
    ] {
        std::fs::write(dist.join(path), text).unwrap();
    }
    let collector = Collector::start(temp_database("dist"), &[("CIVIC_PULSE_DIST", dist.to_str().unwrap())]);
    let page = collector.request("GET", "/strict-csp.html", &[], b"");
    assert_eq!(page.status, 200);
    let policy = page.header("content-security-policy").expect("the strict page carries its policy");
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'") && !policy.contains("unsafe-inline"), "{policy}");
    let loader = collector.request("GET", "/embed.js", &[], b"");
    assert_eq!(loader.header("cache-control"), Some("no-cache"), "embed.js is revalidated");
    assert_eq!(loader.header("content-security-policy"), None);
    let asset = collector.request("GET", "/assets/feedback-0123.wasm", &[], b"");
    assert_eq!(asset.header("cache-control"), Some("public, max-age=31536000, immutable"));
    assert_eq!((asset.header("content-encoding"), asset.body.as_str()), (None, "\0asm"), "no Accept-Encoding: as is");
    let path = "/assets/feedback-0123.wasm";
    for (accepts, encoding, body) in
        [("gzip, deflate, br, zstd", "br", "brotli copy"), ("gzip", "gzip", "gzip copy"), ("identity", "", "\0asm")]
    {
        let answer = collector.request("GET", path, &[("Accept-Encoding", accepts)], b"");
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("content-encoding").unwrap_or_default(), encoding, "{accepts}");
        assert_eq!(answer.body, body, "{accepts}");
        assert_eq!(answer.header("vary"), Some("accept-encoding"), "caches keep the encodings apart");
        assert_eq!(answer.header("cache-control"), Some("public, max-age=31536000, immutable"));
        assert_eq!(answer.header("content-type"), Some("application/wasm"), "the type is the file's, not the copy's");
    }
    std::fs::remove_dir_all(&dist).unwrap();
}

#[test]
fn a_client_over_its_rate_gets_429_with_retry_after_and_nothing_is_stored() {
    let collector = Collector::start(temp_database("rate"), &[("CIVIC_PULSE_RATE_LIMIT", "2")]);
    for n in 1..=2 {
        let body = rating(n, 4).to_string();
        assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], body.as_bytes()).status, 201);
    }
    // From a portal's page on another origin, as the widget sends it.
    let refused = collector.request(
        "POST",
        "/v1/ratings",
        &[JSON, ("Origin", "https://portal.example.gov")],
        rating(3, 4).to_string().as_bytes(),
    );
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert_eq!(
        refused.header("access-control-expose-headers").map(str::to_ascii_lowercase).as_deref(),
        Some("retry-after"),
        "the widget on another origin can read how long to wait"
    );
    let wait: u64 = refused.header("retry-after").expect("Retry-After").parse().unwrap();
    assert!((1..=30).contains(&wait), "one request comes back every 30 s: {wait}");
    assert_eq!(refused.json()["problems"][0]["message"], "too many ratings from this address; try again later");
    assert_eq!(count_rows(&collector), 2, "the refused rating was not stored");
    assert_eq!(collector.request("GET", "/v1/summary", &[], b"").status, 200, "reading is not limited");
    // X-Forwarded-For is believed only when the collector is told it sits behind a proxy.
    let spoofed = collector.request(
        "POST",
        "/v1/ratings",
        &[JSON, ("X-Forwarded-For", "203.0.113.77")],
        rating(4, 4).to_string().as_bytes(),
    );
    assert_eq!(spoofed.status, 429, "a client cannot pick a fresh bucket");

    let proxied = Collector::start(
        temp_database("rate-proxy"),
        &[("CIVIC_PULSE_RATE_LIMIT", "1"), ("CIVIC_PULSE_TRUST_PROXY", "true")],
    );
    for (n, client) in [(5, "192.0.2.1"), (6, "192.0.2.2")] {
        let forwarded = format!("198.51.100.1, {client}");
        let answer = proxied.request(
            "POST",
            "/v1/ratings",
            &[JSON, ("X-Forwarded-For", &forwarded)],
            rating(n, 4).to_string().as_bytes(),
        );
        assert_eq!(answer.status, 201, "each client behind the proxy has its own bucket");
    }
}

#[test]
fn reads_a_configuration_file_under_the_environment() {
    let dir = std::env::temp_dir().join(format!("civic-pulse-conf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("collector.conf");
    std::fs::write(&file, "# test\nCIVIC_PULSE_RATE_LIMIT=1\nCIVIC_PULSE_MIN_CELL=1\n").unwrap();
    let collector = Collector::start(temp_database("conf"), &[("CIVIC_PULSE_CONFIG", file.to_str().unwrap())]);
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], rating(7, 2).to_string().as_bytes()).status, 201);
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], rating(8, 2).to_string().as_bytes()).status, 429);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn health_and_readiness_answer_and_the_request_log_names_routes_never_codes_or_comments() {
    let log_path = std::env::temp_dir().join(format!("civic-pulse-log-{}.txt", std::process::id()));
    let log = std::fs::File::create(&log_path).unwrap();
    let mut collector = Collector::start_logging_to(
        temp_database("log"),
        &[("CIVIC_PULSE_LOG_REQUESTS", "true")],
        std::process::Stdio::from(log),
    );
    let health = collector.request("GET", "/healthz", &[], b"");
    assert_eq!((health.status, health.json()["status"].as_str()), (200, Some("ok")));
    let ready = collector.request("GET", "/readyz", &[], b"");
    assert_eq!((ready.status, ready.json()["status"].as_str()), (200, Some("ready")));
    let mut sent = rating(90, 1);
    sent["comment"] = "the clerk at window 3 was rude".into();
    let stored = collector.request("POST", "/v1/ratings", &[JSON], sent.to_string().as_bytes());
    let receipt = stored.json()["receipt"].as_str().unwrap().to_owned();
    assert_eq!(collector.request("GET", &format!("/v1/receipts/{receipt}"), &[], b"").status, 200);
    let wrong_shape = collector.request("POST", &format!("/v1/receipts/{receipt}/confirmation"), &[JSON], b"[1, 2]");
    assert_eq!(wrong_shape.status, 400, "a body of the wrong shape gets the API's 400, not axum's 422");
    assert!(wrong_shape.json()["problems"][0]["message"].as_str().unwrap().contains("solved"));
    let untyped =
        collector.request("POST", &format!("/v1/receipts/{receipt}/confirmation"), &[], br#"{"solved":true}"#);
    assert_eq!(untyped.status, 415, "{}", untyped.body);
    collector.kill_hard();
    let written = std::fs::read_to_string(&log_path).unwrap();
    assert!(written.contains("route=/v1/receipts/{code}") && written.contains("status=200"), "{written}");
    assert!(written.contains("route=/v1/ratings") && written.contains("status=201"), "{written}");
    for never in [receipt.as_str(), "window 3", "127.0.0.1", "3f2b8c1e"] {
        assert!(!written.contains(never), "the log must not hold {never}: {written}");
    }
    let _ = std::fs::remove_file(log_path);
}

#[test]
fn names_the_portals_own_services_from_a_labels_file_and_refuses_a_bad_one() {
    let dir = std::env::temp_dir().join(format!("civic-pulse-labels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("services.json");
    std::fs::write(&file, r#"{"bus-42": {"zh-Hans": "42路公交", "en": "Bus line 42"}}"#).unwrap();
    let collector = Collector::start(
        temp_database("labels"),
        &[("CIVIC_PULSE_SERVICE_LABELS", file.to_str().unwrap()), ("CIVIC_PULSE_MIN_CELL", "1")],
    );
    let services = collector.request("GET", "/v1/services", &[], b"").json();
    let named = |id: &str| services["services"].as_array().unwrap().iter().find(|s| s["id"] == id).cloned();
    assert_eq!(named("transport").unwrap()["names"]["zh-Hans"], "交通出行", "built-in names need no file");
    let bus = named("bus-42").unwrap_or_else(|| panic!("{services}"));
    assert_eq!(bus["names"], serde_json::json!({"en": "Bus line 42", "zh-Hans": "42路公交", "zh-Hant": "Bus line 42"}));

    let mut ride = rating(95, 4);
    ride["service"] = "bus-42".into();
    assert_eq!(collector.request("POST", "/v1/ratings", &[JSON], ride.to_string().as_bytes()).status, 201);
    let report = collector.request("GET", "/report.html?month=2026-11&lang=zh-Hans", &[], b"");
    let page = &report.body;
    assert!(page.contains("42路公交") && !page.contains(">bus-42<"), "the report names the service: {page}");

    std::fs::write(&file, r#"{"Bus 42": {"en": "Bus line 42"}}"#).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_civic-pulse-collector"))
        .env("CIVIC_PULSE_LISTEN", "127.0.0.1:0")
        .env("CIVIC_PULSE_DATABASE", temp_database("bad-labels"))
        .env("CIVIC_PULSE_SERVICE_LABELS", &file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("CIVIC_PULSE_SERVICE_LABELS") && said.contains("Bus 42"), "{said}");
    std::fs::remove_dir_all(&dir).unwrap();
}
