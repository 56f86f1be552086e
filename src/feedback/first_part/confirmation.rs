use civic_pulse_core::delivery::Trouble;
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{Lang, Msg};

use super::widget::{Slot, Widget};
use crate::delivery::Delivery;
use crate::dom;

impl Widget {
    /// The last screen: the outcome in words (sent, or saved on this device to be sent later), a
    /// bad review's receipt code (from the second part), and a way to rate another service or,
    /// on a shared device, to the next person. Focus moves to the heading, which is what makes
    /// screen readers announce the outcome.
    pub(super) fn show_confirmation(&self, delivery: Delivery, receipt: Option<Receipt>) {
        let (screen, _) =
            self.new_screen("div", "cp-screen cp-screen--done", true, move |lang| outcome_text(delivery, lang));
        // The code comes with the second part: the outcome above it is what the first part must say.
        if let Some(receipt) = receipt {
            let place = dom::element(&screen, "div", "cp-receipt-place");
            self.screen.borrow_mut().slot = Some(Slot::Receipt(place, receipt));
            self.fill_screen_slot();
        }
        if self.mode.is_shared() {
            let soon = dom::element(&screen, "p", "");
            self.screen.borrow().texts.message(&soon, self.lang(), Msg::NextPersonSoon);
            self.button(&screen, Msg::NextPerson, Widget::next_person);
        } else {
            self.rate_another(&screen);
        }
    }
}

/// Where the rating is, in words: sent; or saved on this phone, and why it was not sent now. Only
/// an offline phone is told "when you are online": otherwise the trouble is the service's.
fn outcome_text(delivery: Delivery, lang: Lang) -> String {
    match delivery {
        Delivery::Saved { trouble: Some(Trouble::Offline) } => lang.text(Msg::SavedOffline).to_owned(),
        Delivery::Saved { trouble: Some(trouble) } => {
            format!("{} {}", lang.text(Msg::SavedOnPhone), trouble.explain(lang))
        }
        Delivery::Saved { trouble: None } => lang.text(Msg::SavedSendingSoon).to_owned(),
        _ => lang.text(Msg::Sent).to_owned(),
    }
}
