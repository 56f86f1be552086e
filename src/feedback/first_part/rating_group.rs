use civic_pulse_core::{Lang, ScaleId, Score};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::texts::Texts;
use crate::dom;
use crate::ui::unique_id;

/// The answers of a scale as one native radio group (arrow keys move within it), each with a
/// visible label and a face; the question is its legend.
pub struct RatingGroup {
    pub fieldset: Element,
    pub answers: Vec<(Score, HtmlInputElement)>,
}

impl RatingGroup {
    pub fn new(parent: &Element, texts: &Texts, lang: Lang, scale: ScaleId) -> RatingGroup {
        let group = unique_id("cp-rating");
        let fieldset = dom::element(parent, "fieldset", "cp-rating");
        texts.message(&dom::element(&fieldset, "legend", "cp-rating__question"), lang, scale.question());
        let options = dom::element(&fieldset, "div", "cp-rating__options");
        let answers = scale
            .options()
            .into_iter()
            .map(|option| {
                let score = option.score.get().to_string();
                let id = format!("{group}-{score}");
                let row = dom::element(&options, "div", "cp-rating__option");
                let input = dom::element(&row, "input", "cp-rating__input");
                dom::set_attributes(&input, &[("type", "radio"), ("id", &id), ("name", &group), ("value", &score)]);
                let label = dom::element(&row, "label", "cp-rating__label");
                let _ = label.set_attribute("for", &id);
                face(&label, option.score);
                texts.message(&dom::element(&label, "span", ""), lang, option.label);
                (option.score, input.unchecked_into::<HtmlInputElement>())
            })
            .collect();
        RatingGroup { fieldset, answers }
    }

    pub fn chosen(&self) -> Option<Score> {
        self.answers.iter().find(|(_, input)| input.checked()).map(|(score, _)| *score)
    }

    /// Marks the group as described by the error `id`, or by nothing.
    pub fn described_by(&self, id: Option<&str>) {
        match id {
            Some(id) => drop(self.fieldset.set_attribute("aria-describedby", id)),
            None => drop(self.fieldset.remove_attribute("aria-describedby")),
        }
    }
}

/// A face for each score, drawn inline (emoji fonts are missing or old on many cheap phones).
/// The text label carries the meaning; the face only helps recognition, so it is hidden from
/// assistive technology. It takes the text colour, so it follows high-contrast modes.
fn face(label: &Element, score: Score) {
    // Mouth from sad to happy: the control point moves from above the corners to below them.
    let mouth = match score.get() {
        1 => "M7 17q5-5 10 0",
        2 => "M7.5 16.5q4.5-3 9 0",
        3 => "M7.5 15.5h9",
        4 => "M7.5 14.5q4.5 3 9 0",
        _ => "M7 14q5 5 10 0",
    };
    let stroke = [("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "1.8")];
    let svg = dom::svg_element(
        label,
        "svg",
        &[("class", "cp-rating__face"), ("viewBox", "0 0 24 24"), ("aria-hidden", "true"), ("focusable", "false")],
    );
    let outline = dom::svg_element(&svg, "circle", &[("cx", "12"), ("cy", "12"), ("r", "10.5")]);
    dom::set_attributes(&outline, &stroke);
    for cx in ["8.5", "15.5"] {
        dom::svg_element(&svg, "circle", &[("cx", cx), ("cy", "9.5"), ("r", "1.4"), ("fill", "currentColor")]);
    }
    let path = dom::svg_element(&svg, "path", &[("d", mouth), ("stroke-linecap", "round")]);
    dom::set_attributes(&path, &stroke);
}
