//! The smallest Leptos CSR page with one reactive control: the floor of our stack, measured by
//! ./bench next to the widget. Not part of the product.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! { <button on:click=move |_| count.update(|n| *n += 1)>"Rated " {count} " times"</button> }
    });
}
