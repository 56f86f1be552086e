use civic_pulse_core::service::ServiceLabels;
use civic_pulse_core::{Msg, ServiceId};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};
use crate::ui::focus_when_mounted;

/// Screen 1: one large button per service; choosing one goes straight to the rating.
#[component]
pub fn ServicePicker(
    services: Vec<ServiceId>,
    /// Names of the portal's own services.
    labels: ServiceLabels,
    /// Move focus to the heading (after the resident came back to this screen).
    focus_heading: bool,
    on_choose: Callback<ServiceId>,
) -> impl IntoView {
    let lang = use_lang();
    let heading = NodeRef::<leptos::html::H3>::new();
    focus_when_mounted(heading, focus_heading);
    view! {
        <div class="cp-screen">
            <h3 class="cp-screen__heading" tabindex="-1" node_ref=heading>{tr(Msg::ChooseService)}</h3>
            <ul class="cp-services">
                {services
                    .into_iter()
                    .map(|service| {
                        let text = {
                            let (labels, service) = (labels.clone(), service.clone());
                            move || labels.label(&service, lang.get())
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="cp-button cp-button--choice"
                                    on:click=move |_| on_choose.run(service.clone())
                                >
                                    {text}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
