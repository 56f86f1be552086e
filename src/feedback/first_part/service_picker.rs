use civic_pulse_core::Msg;

use super::widget::Widget;
use crate::dom;
use crate::feedback::Step;

impl Widget {
    /// Screen 1: one large button per service; choosing one goes straight to the rating.
    pub(super) fn show_service_picker(&self) {
        let (screen, _) = self.new_screen("div", "cp-screen", false, |lang| lang.text(Msg::ChooseService).to_owned());
        let list = dom::element(&screen, "ul", "cp-services");
        for service in self.services.clone() {
            let item = dom::element(&list, "li", "");
            let button = dom::element(&item, "button", "cp-button cp-button--choice");
            let _ = button.set_attribute("type", "button");
            let labels = self.labels.clone();
            let named = service.clone();
            self.screen.borrow().texts.bind(&button, self.lang(), move |lang| labels.label(&named, lang));
            let me = self.me.clone();
            self.on(&button, "click", move |_| {
                if let Some(widget) = me.upgrade() {
                    widget.go(Step::Rate(service.clone()));
                }
            });
        }
    }
}
