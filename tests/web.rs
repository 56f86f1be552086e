//! Component tests in headless Chromium (`wasm-bindgen-test`): mount into a fresh element, act,
//! await a tick, assert on the DOM. Keyboard behaviour of native radios needs trusted key
//! events, so it is covered end to end in tests/e2e; here we pin structure and state.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use civic_pulse::feedback::{RatingGroup, Texts};
use civic_pulse::i18n::provide_lang;
use civic_pulse::selfcheck::{
    IndicatorField, ProgressTrack, ResultsPanel, SelfcheckState, TargetRow, WeightEditor, Workbench,
};
use civic_pulse_core::selfcheck::{Assessment, Baseline, Framework, IndicatorInput, Quality, Shelf};
use civic_pulse_core::{Lang, Msg, ScaleId, Score, widget_texts};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_element(tag: &str) -> HtmlElement {
    let element: HtmlElement = document().create_element(tag).unwrap().unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// The first element in `container` matching `selector`, waited for over later tasks: the widget's
/// second part fills its places one turn per task and frame.
async fn appeared(container: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(found) = container.query_selector(selector).unwrap() {
            return found;
        }
        wasm_bindgen_futures::JsFuture::from(civic_pulse::delivery::sleep(20)).await.unwrap();
    }
    panic!("nothing matching {selector} appeared within 2 s");
}

fn radios(container: &HtmlElement) -> Vec<HtmlInputElement> {
    let list = container.query_selector_all("input[type=radio]").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

/// A language with its widget texts loaded, as `embed.js` gives them to the widget.
fn speaking(tag: &str) -> Lang {
    let lang = Lang::from_tag(tag).unwrap();
    widget_texts::load(widget_texts::first_part_file(lang)).unwrap()
}

fn english() -> Lang {
    speaking("en")
}

/// `embed.js`'s function that fetches the file with every language's texts.
fn more_texts() -> js_sys::Function {
    let file = widget_texts::every_language_file();
    Closure::<dyn Fn() -> js_sys::Promise>::new(move || js_sys::Promise::resolve(&JsValue::from_str(&file)))
        .into_js_value()
        .unchecked_into()
}

/// A widget's host element with `attributes`.
fn widget_host(attributes: &[(&str, &str)]) -> HtmlElement {
    let host = fresh_element("civic-feedback-test");
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    host
}

/// The widget for `host`, mounted as `embed.js` mounts it with the first part's texts in `tag`'s
/// language: its container and the function that unmounts it.
fn mount_widget(host: HtmlElement, tag: &str) -> (HtmlElement, js_sys::Function) {
    let container = fresh_element("div");
    let texts = widget_texts::first_part_file(speaking(tag));
    let unmount = civic_pulse::embed::mount_feedback(container.clone(), host, texts, more_texts()).unwrap();
    (container, unmount.unchecked_into())
}

#[wasm_bindgen_test]
async fn rating_group_is_one_named_radio_group_with_visible_labels() {
    let container = fresh_element("div");
    let group = RatingGroup::new(&container, &Texts::default(), english(), ScaleId::UkCsat5);

    let legend = container.query_selector("fieldset > legend").unwrap().expect("the group is named by a legend");
    assert_eq!(legend.text_content().unwrap(), "Overall, how did you feel about the service you received today?");
    let inputs = radios(&container);
    assert_eq!(inputs.len(), 5);
    let name = inputs[0].name();
    assert!(inputs.iter().all(|input| input.name() == name), "one group, so arrow keys stay inside it");
    let labels: Vec<String> = inputs
        .iter()
        .map(|input| input.labels().unwrap().item(0).expect("every answer has a label").text_content().unwrap())
        .collect();
    assert!(labels[2].ends_with("Neither satisfied or dissatisfied"), "{labels:?}");
    assert!(inputs.iter().all(|input| !input.checked()));
    assert_eq!(group.chosen(), None);
}

#[wasm_bindgen_test]
async fn rating_group_reads_the_chosen_score_from_the_answer_activated() {
    let container = fresh_element("div");
    let group = RatingGroup::new(&container, &Texts::default(), english(), ScaleId::GoodBad5);

    // Activating a label checks its radio (5 best, so the fourth is 2).
    let inputs = radios(&container);
    inputs[3].labels().unwrap().item(0).unwrap().unchecked_into::<HtmlElement>().click();
    assert_eq!(group.chosen(), Score::new(2));
    assert!(inputs[3].checked());
    inputs[0].labels().unwrap().item(0).unwrap().unchecked_into::<HtmlElement>().click();
    assert_eq!(group.chosen(), Score::new(5));
    assert!(!inputs[3].checked(), "one answer at a time");
}

#[wasm_bindgen_test]
async fn rating_group_is_described_by_an_error_only_while_there_is_one() {
    let container = fresh_element("div");
    let group = RatingGroup::new(&container, &Texts::default(), english(), ScaleId::A11V2);
    let fieldset = container.query_selector("fieldset").unwrap().unwrap();
    assert_eq!(fieldset.get_attribute("aria-describedby"), None);
    group.described_by(Some("the-error"));
    assert_eq!(fieldset.get_attribute("aria-describedby").as_deref(), Some("the-error"));
    group.described_by(None);
    assert_eq!(fieldset.get_attribute("aria-describedby"), None);
}

#[wasm_bindgen_test]
async fn a_change_of_language_rewrites_the_words_and_keeps_the_answer() {
    let container = fresh_element("div");
    let texts = Texts::default();
    let group = RatingGroup::new(&container, &texts, english(), ScaleId::GoodBad5);
    let inputs = radios(&container);
    inputs[1].click();
    texts.translate(speaking("zh-Hans"));
    let legend = container.query_selector("legend").unwrap().unwrap();
    assert_eq!(legend.text_content().unwrap(), "您对这项服务满意吗？");
    assert_eq!(inputs[1].labels().unwrap().item(0).unwrap().text_content().unwrap(), "满意");
    assert!(radios(&container)[1].checked(), "the same inputs, still checked");
    assert_eq!(group.chosen(), Score::new(4));
}

#[wasm_bindgen_test]
async fn a_bad_configuration_renders_every_problem_as_an_alert() {
    let host = widget_host(&[("endpoint", "ftp://example.gov"), ("lang", "zh-Hans")]);
    let (container, unmount) = mount_widget(host, "zh-Hans");
    let alert = appeared(&container, "[role=alert]").await;
    let text = alert.text_content().unwrap();
    assert!(text.contains("“ftp://example.gov”不是有效的网址"), "{text}");
    unmount.call0(&JsValue::NULL).unwrap();
    assert_eq!(container.child_element_count(), 0, "unmounting empties the container");
}

#[wasm_bindgen_test]
async fn a_json_attributes_problem_is_told_in_the_widgets_language_only() {
    let host = widget_host(&[
        ("endpoint", "/v1/ratings"),
        ("lang", "zh-Hant"),
        ("headers", r#"{"Cookie": "x"}"#),
        ("field-map", r#"{"score": 5}"#),
    ]);
    let (container, _unmount) = mount_widget(host, "zh-Hant");
    let alert = appeared(&container, "[role=alert]").await;
    let text = alert.text_content().unwrap();
    assert!(text.contains("評價表不能傳送請求標頭「Cookie」"), "{text}");
    assert!(text.contains("第 11 個字元處的值必須是加引號的文字"), "{text}");
    assert!(!text.contains("cannot send") && !text.contains("at character"), "no English inside: {text}");
}

#[wasm_bindgen_test]
async fn a_good_configuration_tells_the_host_it_is_ready() {
    let host = widget_host(&[("endpoint", "/v1/ratings"), ("services", "transport")]);
    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = events.clone();
    let listener =
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| seen.borrow_mut().push(event.type_()));
    host.add_event_listener_with_callback("civic-feedback:ready", listener.as_ref().unchecked_ref()).unwrap();
    let (container, _unmount) = mount_widget(host, "en");
    tick().await;
    assert_eq!(*events.borrow(), ["civic-feedback:ready"]);
    // One service configured: the flow starts at the rating, skipping the service choice.
    assert_eq!(radios(&container).len(), 5);
}

#[wasm_bindgen_test]
async fn a_texts_file_of_another_build_is_refused_and_nothing_is_mounted() {
    let host = fresh_element("civic-feedback-test");
    host.set_attribute("endpoint", "/v1/ratings").unwrap();
    host.set_attribute("services", "transport").unwrap();
    let container = fresh_element("div");
    // A Traditional Chinese file one text short (no widget on this page has loaded that language).
    let lang = Lang::from_tag("zh-Hant").unwrap();
    let short: String =
        widget_texts::first_part_file(lang).lines().take(Msg::ALL.len()).map(|line| format!("{line}\n")).collect();
    let error = civic_pulse::embed::mount_feedback(container.clone(), host, short, more_texts())
        .expect_err("embed.js shows its fallback instead");
    assert_eq!(error.as_string().as_deref(), Some("the widget's texts file belongs to another build of the widget"));
    assert_eq!(container.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn monte_carlo_in_wasm_matches_the_native_vector_exactly() {
    use civic_pulse_core::selfcheck::uncertainty_vector::{Vector, run};
    let vector: Vector =
        serde_json::from_str(include_str!("../crates/core/tests/vectors/uncertainty-smart-2021.json")).unwrap();
    assert_eq!(run(&vector), vector.expected, "ChaCha8 and the engine give the same bits in Wasm as natively");
}

#[wasm_bindgen_test]
async fn results_panel_tells_no_tier_below_the_coverage_gate_and_the_chances_above_it() {
    let container = fresh_element("div");
    let framework = Framework::builtin("smart-2021").unwrap();
    let codes: Vec<String> = framework.indicators().map(|(_, node)| node.code.clone()).collect();
    let mut technology = Assessment::new(&framework);
    for code in codes.iter().filter(|code| code.starts_with('T')) {
        technology.inputs.insert(code.clone(), IndicatorInput::level(3));
    }
    let state = SelfcheckState::new(Shelf::with(technology));
    let assessment = state.open();
    let _mounted = mount_to(container.clone(), move || {
        provide_lang(Lang::from_tag("en").unwrap());
        provide_context(state);
        Workbench::provide(framework.clone(), state);
        view! { <ResultsPanel /> }
    });
    tick().await;
    let text = |id: &str| {
        container.query_selector(&format!("[data-testid={id}]")).unwrap().map(|element| element.text_content().unwrap())
    };
    // Technology alone: 10 % of the weight.
    assert_eq!(text("overall-index").as_deref(), Some("0.75"));
    assert_eq!(text("tier").as_deref(), Some("Cannot be told yet"));
    assert_eq!(
        text("bounds").as_deref(),
        Some("Whatever the indicators not assessed turn out to be, the index lies between 0.07 and 0.98.")
    );
    assert_eq!(text("tier-likelihood"), None, "no tier chances below the gate");
    let named = container.query_selector_all("[data-testid=assess-next] li").unwrap().length();
    assert_eq!(named, 17, "just enough of the heaviest to reach 65 %");

    // Everything assessed: the tier and its chance.
    assessment.update(|all| {
        for code in &codes {
            all.inputs.insert(code.clone(), IndicatorInput::level(3));
        }
    });
    tick().await;
    assert_eq!(text("tier").as_deref(), Some("Pioneer"));
    assert_eq!(text("tier-likelihood").as_deref(), Some("100 % likely Pioneer"));
    assert_eq!(text("assess-next"), None);
}

/// Types `text` into a field and commits it, as a browser does on leaving the field.
fn type_and_commit(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    input.dispatch_event(&Event::new("change").unwrap()).unwrap();
}

/// Mounts `component` in a fresh element, with the page's state holding a blank assessment of
/// `framework`, in English; returns the element, the state and the mount (dropping it unmounts).
fn mount_in_workbench<V: IntoView + 'static>(
    framework: Framework,
    component: impl Fn() -> V + 'static,
) -> (HtmlElement, SelfcheckState, impl Drop) {
    let container = fresh_element("div");
    let state = SelfcheckState::new(Shelf::with(Assessment::new(&framework)));
    let mounted = mount_to(container.clone(), move || {
        provide_lang(Lang::from_tag("en").unwrap());
        provide_context(state);
        Workbench::provide(framework.clone(), state);
        component()
    });
    (container, state, mounted)
}

fn mount_indicator(framework: Framework, code: &str) -> (HtmlElement, SelfcheckState, impl Drop) {
    let index = framework.index_of(code).unwrap();
    mount_in_workbench(framework, move || view! { <IndicatorField index=index evidence=Signal::derive(|| None) /> })
}

#[wasm_bindgen_test]
async fn indicator_field_sets_levels_and_offers_quality_only_once_assessed() {
    let (container, state, _mounted) = mount_indicator(Framework::builtin("smart-2021").unwrap(), "T1.1");
    let assessment = state.open();
    tick().await;
    let legend = container.query_selector("fieldset > legend").unwrap().unwrap().text_content().unwrap();
    assert!(legend.starts_with("T1.1 · "), "{legend}");
    let levels = radios(&container);
    assert_eq!(levels.len(), 6, "not assessed, then levels 0 to 4");
    assert!(levels[0].checked(), "nothing chosen reads as not assessed");
    assert!(container.query_selector("select").unwrap().is_none(), "no quality without a figure");

    levels[4].click();
    tick().await;
    assert_eq!(assessment.with_untracked(|a| a.level("T1.1")), Some(3));
    let quality: HtmlSelectElement =
        container.query_selector("select").unwrap().expect("quality once assessed").unchecked_into();
    quality.set_value("estimated");
    quality.dispatch_event(&Event::new("change").unwrap()).unwrap();
    tick().await;
    assert_eq!(assessment.with_untracked(|a| a.inputs["T1.1"].quality), Some(Quality::Estimated));

    // Back to "not assessed": the entry and its quality go; level 0 is a figure, not nothing.
    levels[0].click();
    tick().await;
    assert!(assessment.with_untracked(|a| !a.inputs.contains_key("T1.1")));
    assert!(container.query_selector("select").unwrap().is_none());
    levels[1].click();
    tick().await;
    assert_eq!(assessment.with_untracked(|a| a.level("T1.1")), Some(0));
}

#[wasm_bindgen_test]
async fn indicator_field_refuses_a_raw_value_that_is_not_a_number_and_keeps_the_last_one() {
    let (container, state, _mounted) = mount_indicator(Framework::builtin("qa-2025").unwrap(), "B1.1");
    let assessment = state.open();
    tick().await;
    let value: HtmlInputElement =
        container.query_selector("input[inputmode=decimal]").unwrap().unwrap().unchecked_into();
    type_and_commit(&value, "99,5");
    tick().await;
    assert_eq!(assessment.with_untracked(|a| a.inputs["B1.1"].value), Some(99.5), "a decimal comma is read");
    type_and_commit(&value, "abc");
    tick().await;
    let alert = container.query_selector("[role=alert]").unwrap().expect("the refusal is said");
    assert_eq!(alert.text_content().unwrap(), "Type a number, such as 87.5. Nothing was changed.");
    assert_eq!(value.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(assessment.with_untracked(|a| a.inputs["B1.1"].value), Some(99.5), "nothing changed");
    type_and_commit(&value, "");
    tick().await;
    assert!(assessment.with_untracked(|a| !a.inputs.contains_key("B1.1")), "blank is not assessed");
    assert!(container.query_selector("[role=alert]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn weight_editor_overrides_a_weight_and_returns_to_the_framework_s_own() {
    let (container, state, _mounted) =
        mount_in_workbench(Framework::builtin("smart-2021").unwrap(), || view! { <WeightEditor /> });
    let assessment = state.open();
    tick().await;
    let t: HtmlInputElement =
        container.query_selector("#sc-weight-T").unwrap().expect("a field per dimension").unchecked_into();
    let label = container.query_selector("label[for=sc-weight-T]").unwrap().unwrap().text_content().unwrap();
    assert!(label.starts_with("T · "), "every field is named: {label}");
    assert_eq!(t.value(), "10");
    type_and_commit(&t, "20");
    tick().await;
    assert_eq!(assessment.with_untracked(|a| a.weights.get("T").copied()), Some(20.0));
    assert!(container.text_content().unwrap().contains("changed"), "the change is marked in words");
    type_and_commit(&t, "10");
    tick().await;
    assert!(assessment.with_untracked(|a| a.weights.is_empty()), "the framework's own weight is no override");
}

#[wasm_bindgen_test]
async fn weight_editor_starts_from_the_chosen_profile() {
    let (container, state, _mounted) =
        mount_in_workbench(Framework::builtin("smart-2021").unwrap(), || view! { <WeightEditor /> });
    let assessment = state.open();
    assessment.update(|a| a.use_profile(Some("very-large-city".into())));
    tick().await;
    let m: HtmlInputElement = container.query_selector("#sc-weight-M").unwrap().unwrap().unchecked_into();
    assert_eq!(m.value(), "25", "the profile's weight, not the framework's 20");
    type_and_commit(&m, "25");
    tick().await;
    assert!(assessment.with_untracked(|a| a.weights.is_empty()), "the profile's own weight is no change");
    type_and_commit(&m, "30");
    tick().await;
    assert_eq!(
        assessment.with_untracked(|a| a.weights_in_force(&Framework::builtin("smart-2021").unwrap())["M"]),
        30.0
    );
    let reset = container.query_selector("button").unwrap().unwrap().text_content().unwrap();
    assert_eq!(reset, "Reset to the profile's weights");
}

#[wasm_bindgen_test]
async fn progress_track_says_how_far_and_why_not_never_zero() {
    let framework = Framework::builtin("smart-2021").unwrap();
    let (container, state, _mounted) = mount_in_workbench(framework.clone(), || view! { <ProgressTrack /> });
    let assessment = state.open();
    tick().await;
    assert!(container.query_selector("[data-testid=progress-track]").unwrap().is_none(), "no baseline, no table");
    assert!(container.text_content().unwrap().contains("it becomes the baseline"));
    let mut earlier = Assessment::new(&framework);
    earlier.year = Some(2025);
    earlier.set_level("T1.1", Some(2));
    earlier.set_level("T1.2", Some(2));
    assessment.update(|a| {
        a.set_level("T1.1", Some(1));
        a.set_level("T1.2", Some(3));
        a.targets.insert("T1.1".into(), IndicatorInput::level(4));
        a.targets.insert("T1.2".into(), IndicatorInput::level(2));
        a.baseline = Some(Baseline::of(&earlier));
    });
    tick().await;
    let cells = |code: &str| -> Vec<String> {
        let list = container.query_selector_all(&format!("tr[data-code=\"{code}\"] td")).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert_eq!(cells("T1.1"), ["0.50", "0.25", "1.00", "went back: 50 % of the way"]);
    assert!(container.query_selector("tr[data-code=\"T1.1\"] td.sc-progress-back").unwrap().is_some());
    assert_eq!(cells("T1.2")[3], "not defined: the target is not above the baseline");
    assert_eq!(cells("overall")[3], "went back: 50 % of the way", "T1.1 alone has a way to cover");
    assert_eq!(cells("R")[3], "not defined: nothing below it has a baseline figure, a figure now and a target");
    let share: HtmlInputElement = container.query_selector("#sc-progress-weight").unwrap().unwrap().unchecked_into();
    type_and_commit(&share, "1.5");
    tick().await;
    assert!(container.query_selector("[role=alert]").unwrap().is_some(), "a share above 1 is refused, in words");
    assert_eq!(assessment.with_untracked(|a| a.progress_weight), None, "and changes nothing");
    type_and_commit(&share, "0,5");
    tick().await;
    assert_eq!(assessment.with_untracked(|a| a.progress_weight), Some(0.5), "a decimal comma is a decimal");
}

#[wasm_bindgen_test]
async fn target_row_takes_a_dimension_score_and_refuses_what_is_not_one() {
    let framework = Framework::builtin("smart-2021").unwrap();
    let index = framework.index_of("T").unwrap();
    let (container, state, _mounted) = mount_in_workbench(framework, move || {
        view! { <table><tbody><TargetRow index=index /></tbody></table> }
    });
    let assessment = state.open();
    tick().await;
    let label = container.query_selector("label[for=sc-target-T]").unwrap().unwrap().text_content().unwrap();
    assert_eq!(label, "Target for T · Technology support");
    let field: HtmlInputElement = container.query_selector("#sc-target-T").unwrap().unwrap().unchecked_into();
    type_and_commit(&field, "120");
    tick().await;
    assert!(container.text_content().unwrap().contains("A score from 0 to 100, please"));
    assert!(assessment.with_untracked(|a| a.targets.is_empty()));
    type_and_commit(&field, "85");
    tick().await;
    assert_eq!(assessment.with_untracked(|a| a.targets.get("T").and_then(|t| t.score)), Some(85.0));
    assert!(container.query_selector("[role=alert]").unwrap().is_none(), "the message goes once it is right");
    type_and_commit(&field, " ");
    tick().await;
    assert!(assessment.with_untracked(|a| a.targets.is_empty()), "blank removes the city's own target");
}

fn texts(container: &HtmlElement, selector: &str) -> Vec<String> {
    let list = container.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn inbox_item_names_the_service_puts_the_score_chips_and_age_in_words_and_opens_its_forms_on_answer() {
    use civic_pulse::staff::{InboxItemView, ItemContext, Session};
    use civic_pulse_core::collector_api::{CaseEvent, InboxItem};
    use civic_pulse_core::follow_up::Urgency;

    let container = fresh_element("div");
    let item = InboxItem {
        receipt: "QU976YJE".into(),
        department: Some("transport-bureau".into()),
        service: "bus-42".into(),
        scale: "good-bad-5".into(),
        score: 1,
        aspects: vec!["too-slow".into(), "staff-attitude".into()],
        comment: Some("Waited two hours".into()),
        lang: "en".into(),
        day: "2026-11-02".into(),
        since: "2026-11-10".into(),
        status: "reopened".into(),
        reply: Some("We added a bus.".into()),
        days_open: 17,
        urgency: Urgency::Overdue,
        timeline: vec![CaseEvent {
            kind: "transferred".into(),
            at: "2026-11-03T09:41Z".into(),
            department: Some("transport-bureau".into()),
            reason: Some("buses".into()),
        }],
    };
    let _mounted = mount_to(container.clone(), move || {
        provide_lang(Lang::from_tag("en").unwrap());
        Session::provide();
        let context = ItemContext {
            service_name: Signal::derive(|| "Bus line 42".to_owned()),
            department_name: Callback::new(
                |id: String| if id == "transport-bureau" { "Transport Bureau".into() } else { id },
            ),
            departments: Signal::derive(|| vec!["transport-bureau".to_owned(), "health".to_owned()]),
            working_days: true,
            close_days: 15,
        };
        view! { <ol><InboxItemView item=item.clone() context=context /></ol> }
    });
    tick().await;

    assert_eq!(texts(&container, "h3"), ["Bus line 42 · 2026-11-02"], "the service by its name, never its id");
    let body = container.text_content().unwrap();
    for expected in [
        "Overdue",
        "Open 17 of 15 working days",
        "Reference QU976YJE",
        "Rating: Very dissatisfied",
        "Ticked: It took too long, Staff attitude",
        "Department: Transport Bureau",
        "Transferred → Transport Bureau (buses)",
        "Status: Reopened: the resident says it is not solved",
        "Public reply: We added a bus.",
    ] {
        assert!(body.contains(expected), "{expected:?} in {body}");
    }
    // The forms come when "Answer" is pressed, and go when it is pressed again.
    assert!(container.query_selector("form").unwrap().is_none(), "closed at first");
    let answer: HtmlElement = container.query_selector(".st-case__answer").unwrap().unwrap().unchecked_into();
    assert_eq!(answer.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(answer.get_attribute("aria-describedby").as_deref(), Some("case-QU976YJE"), "says which case");
    answer.click();
    tick().await;
    assert_eq!(answer.get_attribute("aria-expanded").as_deref(), Some("true"));
    let status: HtmlSelectElement = container.query_selector("select").unwrap().unwrap().unchecked_into();
    assert_eq!(status.value(), "reopened", "the resident's own status stays shown");
    let options: Vec<String> = texts(&container, ".st-case__status option");
    assert_eq!(options.len(), 4, "what staff may set, and the current status: {options:?}");
    let transfer = texts(&container, ".st-case__transfer option");
    assert_eq!(transfer, ["health"], "never to the department it is with");
    assert_eq!(container.query_selector("blockquote").unwrap().unwrap().get_attribute("lang").as_deref(), Some("en"));

    // A reply being written survives closing the forms.
    tick().await;
    let reply = container.query_selector("textarea").unwrap().unwrap();
    assert_eq!(js_sys::Reflect::get(&reply, &"value".into()).unwrap().as_string().as_deref(), Some("We added a bus."));
    js_sys::Reflect::set(&reply, &"value".into(), &"A second bus from Monday.".into()).unwrap();
    reply.dispatch_event(&Event::new("input").unwrap()).unwrap();
    answer.click();
    tick().await;
    assert!(container.query_selector("form").unwrap().is_none(), "closed again");
    answer.click();
    tick().await;
    tick().await;
    let reply = container.query_selector("textarea").unwrap().unwrap();
    assert_eq!(
        js_sys::Reflect::get(&reply, &"value".into()).unwrap().as_string().as_deref(),
        Some("A second bus from Monday.")
    );
}

#[wasm_bindgen_test]
async fn trend_chart_leaves_a_hidden_period_as_a_marked_gap_with_the_ratings_beside_each_point() {
    use civic_pulse::staff::TrendChart;
    use civic_pulse_core::trend::TrendPoint;

    let container = fresh_element("div");
    let points = vec![
        TrendPoint { period: "2027-W05".into(), count: Some(12), satisfaction: Some(90.0) },
        TrendPoint { period: "2027-W06".into(), count: None, satisfaction: None },
        TrendPoint { period: "2027-W07".into(), count: Some(8), satisfaction: Some(70.0) },
    ];
    let _mounted = mount_to(container.clone(), move || {
        provide_lang(Lang::from_tag("en").unwrap());
        let title = Signal::derive(|| "Satisfaction with Transport: Weeks".to_owned());
        view! { <TrendChart points=points.clone() title=title min_cell=5 /> }
    });
    tick().await;

    let svg = container.query_selector("svg").unwrap().unwrap();
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(texts(&container, "svg title"), ["Satisfaction with Transport: Weeks"]);
    assert!(texts(&container, "svg desc")[0].contains("fewer than 5 ratings"));
    assert_eq!(container.query_selector_all(".st-chart__point").unwrap().length(), 2);
    assert_eq!(container.query_selector_all(".st-chart__hidden").unwrap().length(), 1);
    assert_eq!(texts(&container, ".st-chart__count"), ["12", "8"]);
    let path = container.query_selector(".st-chart__series").unwrap().unwrap().get_attribute("d").unwrap();
    assert_eq!(path.matches('M').count(), 2, "no line drawn across the hidden week: {path}");
    assert!(!path.contains('L'));
    assert_eq!(texts(&container, ".st-chart__line-label"), ["Target 85", "Below 80: rectification"]);
    let rows: Vec<Vec<String>> = (1..=3).map(|n| texts(&container, &format!("tbody tr:nth-child({n}) > *"))).collect();
    assert_eq!(rows[0], ["2027-W05", "12", "90.0"]);
    assert_eq!(rows[1], ["2027-W06", "hidden (fewer than 5)"], "hidden, never zero");
    assert_eq!(rows[2], ["2027-W07", "8", "70.0"]);
}

#[wasm_bindgen_test]
async fn case_timeline_dates_each_step_and_names_a_transfer_in_the_page_language() {
    use civic_pulse::receipt::CaseTimeline;
    use civic_pulse_core::collector_api::{DepartmentInfo, ReceiptStatus, ResidentEvent};

    let step = |kind: &str, day: &str, department: Option<&str>| ResidentEvent {
        kind: kind.into(),
        day: day.into(),
        department: department.map(Into::into),
    };
    let status = ReceiptStatus {
        receipt: "7KQ2M9XD".into(),
        status: "answered".into(),
        reply: None,
        timeline: vec![
            step("received", "2026-11-30", None),
            step("transferred", "2026-12-01", Some("health-commission")),
            step("answered", "2026-12-02", None),
            step("archived", "2026-12-02", None),
        ],
        can_confirm: true,
        departments: vec![DepartmentInfo {
            id: "health-commission".into(),
            names: [
                ("zh-Hans".to_owned(), "卫生健康委员会".to_owned()),
                ("en".to_owned(), "Health Commission".to_owned()),
            ]
            .into(),
            services: vec!["healthcare".into()],
        }],
    };
    let container = fresh_element("div");
    let _mounted = mount_to(container.clone(), move || {
        provide_lang(Lang::from_tag("zh-Hans").unwrap());
        view! { <CaseTimeline status=status.clone() /> }
    });
    tick().await;

    let list = container.query_selector("ol").unwrap().unwrap();
    assert_eq!(list.get_attribute("aria-label").as_deref(), Some("处理过程"));
    assert_eq!(
        texts(&container, "li"),
        [
            "2026-11-30 已收到，等待处理。",
            "2026-12-01 已转交卫生健康委员会办理。",
            "2026-12-02 已答复。",
            "2026-12-02 状态未知。",
        ]
    );
    assert_eq!(texts(&container, "li > time")[0], "2026-11-30");
    assert_eq!(
        container.query_selector("li > time").unwrap().unwrap().get_attribute("datetime").as_deref(),
        Some("2026-11-30")
    );
}
