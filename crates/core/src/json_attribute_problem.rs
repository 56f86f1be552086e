//! What is wrong with one of the attributes a portal writes as JSON (`headers`, `field-map`,
//! `service-labels`), kept as a value. The readers return it; the configuration problem screen
//! (in the widget's second part) says it through the catalogue, in the portal team's language,
//! inside the message for that attribute. As a value, not a sentence: an English detail inside a
//! Chinese message helps nobody, and the widget's first part, which reads the attributes, then
//! carries no sentences about them.

use crate::attribute_json::{AttributeJsonError, Expected};
use crate::{Lang, LaterMsg};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonAttributeProblem {
    /// Not JSON, or JSON of the wrong shape.
    Json(AttributeJsonError),
    /// `headers`: a name that is not an HTTP header name.
    NotAHeaderName(String),
    /// `headers`: a header the widget sets itself, or one browsers refuse to send.
    ReservedHeader(String),
    /// `headers`: a value that is not one line of text (at most 1,024 bytes).
    HeaderValueNotOneLine(String),
    /// `field-map`: a name that is not one of the rating's fields.
    NotARatingField(String),
    /// `field-map`: the new name of this field is empty or over 64 bytes.
    NewNameNotShort(String),
    /// `field-map`: two fields would go out under this name.
    SameNameTwice(String),
    /// `service-labels`: a key that is not a service id.
    NotAServiceId(String),
}

impl From<AttributeJsonError> for JsonAttributeProblem {
    fn from(error: AttributeJsonError) -> Self {
        JsonAttributeProblem::Json(error)
    }
}

impl JsonAttributeProblem {
    /// The problem in `lang`'s words, for the `{detail}` of its attribute's message.
    pub fn detail(&self, lang: Lang) -> String {
        let (msg, value) = match self {
            JsonAttributeProblem::Json(AttributeJsonError::Syntax { at }) => (LaterMsg::JsonSyntax, at.to_string()),
            JsonAttributeProblem::Json(AttributeJsonError::Shape { at, expected: Expected::Text }) => {
                (LaterMsg::JsonNotText, at.to_string())
            }
            JsonAttributeProblem::Json(AttributeJsonError::Shape { at, expected: Expected::Object }) => {
                (LaterMsg::JsonNotObject, at.to_string())
            }
            JsonAttributeProblem::NotAHeaderName(name) => (LaterMsg::HeaderNotAName, name.clone()),
            JsonAttributeProblem::ReservedHeader(name) => (LaterMsg::HeaderReserved, name.clone()),
            JsonAttributeProblem::HeaderValueNotOneLine(name) => (LaterMsg::HeaderValueNotOneLine, name.clone()),
            JsonAttributeProblem::NotARatingField(name) => (LaterMsg::FieldMapUnknownField, name.clone()),
            JsonAttributeProblem::NewNameNotShort(name) => (LaterMsg::FieldMapNameNotShort, name.clone()),
            JsonAttributeProblem::SameNameTwice(name) => (LaterMsg::FieldMapNameTwice, name.clone()),
            JsonAttributeProblem::NotAServiceId(id) => (LaterMsg::ServiceLabelsBadId, id.clone()),
        };
        lang.format(msg, &[("value", &value)])
    }
}

#[cfg(test)]
mod tests {
    use super::JsonAttributeProblem;
    use crate::Lang;
    use crate::attribute_json::texts;

    fn lang(tag: &str) -> Lang {
        Lang::from_tag(tag).unwrap()
    }

    fn detail(json: &str, tag: &str) -> String {
        JsonAttributeProblem::from(texts(json).unwrap_err()).detail(lang(tag))
    }

    #[test]
    fn details_say_what_to_fix_and_where() {
        assert_eq!(detail("{", "en"), "it is not valid JSON at character 2");
        assert_eq!(detail(r#"{"a": 1}"#, "en"), "the value at character 7 must be a text in quotes");
        assert_eq!(detail("[]", "en"), "the value at character 1 must be an object in braces");
        assert_eq!(detail("{", "zh-Hans"), "第 2 个字符处不是有效的 JSON");
        assert_eq!(
            JsonAttributeProblem::ReservedHeader("Cookie".into()).detail(lang("zh-Hant")),
            "評價表不能傳送請求標頭「Cookie」"
        );
    }

    #[test]
    fn every_problem_is_said_in_every_language_with_its_value() {
        let problems = [
            JsonAttributeProblem::NotAHeaderName("X Y".into()),
            JsonAttributeProblem::ReservedHeader("X Y".into()),
            JsonAttributeProblem::HeaderValueNotOneLine("X Y".into()),
            JsonAttributeProblem::NotARatingField("X Y".into()),
            JsonAttributeProblem::NewNameNotShort("X Y".into()),
            JsonAttributeProblem::SameNameTwice("X Y".into()),
            JsonAttributeProblem::NotAServiceId("X Y".into()),
        ];
        let english: Vec<String> = problems.iter().map(|problem| problem.detail(lang("en"))).collect();
        for language in Lang::all() {
            for (problem, english) in problems.iter().zip(&english) {
                let detail = problem.detail(language);
                assert!(detail.contains("X Y") && !detail.contains('{'), "{}: {detail}", language.tag());
                assert!(language.tag() == "en" || detail != *english, "{} says {problem:?} in English", language.tag());
            }
        }
    }
}
