use leptos::prelude::*;

/// A list of problems the reader must fix, announced by screen readers as an alert.
#[component]
pub fn ProblemList(
    /// Heading above the list, already in the reader's language.
    title: String,
    /// One sentence per problem, each saying what to do.
    problems: Vec<String>,
) -> impl IntoView {
    view! {
        <div class="cp-problems" role="alert">
            <p class="cp-problems__title">{title}</p>
            <ul>{problems.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
        </div>
    }
}
