//! The texts only the second part shows, in every language (`civic_pulse_core::widget_texts`):
//! asked of `embed.js` together with the second part, which shows none of its pieces without
//! them.

use std::future::Future;

use civic_pulse_core::widget_texts;
use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::feedback::second_part::{SecondPart, load};

/// The second part with every language's texts, both downloads started now (the texts with
/// `embed.js`'s `more_texts`, when there is one to ask); `None` when either did not come or the
/// texts are not of this build. The texts that came are kept either way.
pub fn with_second_part(more_texts: Option<&Function>) -> impl Future<Output = Option<SecondPart>> + use<> {
    let texts =
        more_texts.and_then(|fetch| fetch.call0(&JsValue::NULL).ok()).map(|file| JsFuture::from(Promise::from(file)));
    async move {
        let part = load().await;
        let file = match texts {
            Some(texts) => texts.await.ok().and_then(|file| file.as_string()),
            None => None,
        };
        let texts = file.is_some_and(|file| widget_texts::load(file).is_ok());
        part.ok().filter(|_| texts)
    }
}
