use civic_pulse_core::{Lang, Msg, ServiceId};

use super::widget::Widget;
use crate::dom;

impl Widget {
    /// In place of the rating form while the service's cooldown lasts on this device: says so, and
    /// when it can be rated again, in the resident's language and calendar.
    pub(super) fn show_already_rated(&self, service: ServiceId, until_ms: u64) {
        let labels = self.labels.clone();
        let named = service.clone();
        let (screen, _) = self.new_screen("div", "cp-screen", false, move |lang| labels.label(&named, lang));
        let text = dom::element(&screen, "p", "");
        self.screen.borrow().texts.bind(&text, self.lang(), move |lang| {
            lang.format(Msg::AlreadyRated, &[("time", &local_time(until_ms, lang))])
        });
        self.rate_another(&screen);
    }
}

/// A moment as the resident's calendar and clock write it, in `lang`.
fn local_time(ms: u64, lang: Lang) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(lang.tag(), &options))
}
