//! Everything that can stop an evaluation, for callers that check inputs and weights together.

use super::evaluate::WeightError;
use super::input::InputError;

#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
    Inputs(Vec<InputError>),
    Weights(Vec<WeightError>),
}

impl EngineError {
    /// One sentence per problem in the official's language, each naming the indicator and what
    /// to change.
    pub fn messages(&self, lang: crate::Lang) -> Vec<String> {
        match self {
            EngineError::Inputs(problems) => problems.iter().map(|problem| problem.message(lang)).collect(),
            EngineError::Weights(problems) => problems.iter().map(|problem| problem.message(lang)).collect(),
        }
    }
}
