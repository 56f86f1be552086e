use civic_pulse_core::Lang;
use civic_pulse_core::collector_api::{DepartmentInfo, ServicesAnswer};
use leptos::prelude::*;

use super::collector;
use super::session::Session;

/// What the console knows about the city once signed in: its departments, whose inbox this is,
/// and the services' names (the built-in ones and the portal's own, from `GET /v1/services`).
#[derive(Clone, Copy)]
pub struct Directory {
    pub departments: RwSignal<Vec<DepartmentInfo>>,
    /// The department whose token this is; `None` for the city's token.
    pub own_department: RwSignal<Option<String>>,
    services: LocalResource<Option<ServicesAnswer>>,
}

impl Directory {
    pub fn provide(session: Session) -> Directory {
        let directory = Directory {
            departments: RwSignal::new(Vec::new()),
            own_department: RwSignal::new(None),
            services: LocalResource::new(move || async move {
                collector::get::<ServicesAnswer>(session, "v1/services").await.ok()
            }),
        };
        provide_context(directory);
        directory
    }

    pub fn get() -> Directory {
        expect_context::<Directory>()
    }

    /// A service's name in `lang`, else its id.
    pub fn service_name(&self, id: &str, lang: Lang) -> String {
        // Read in place: a page of cases asks for a name per case, so no copy of the whole list.
        self.services
            .with(|answer| {
                let answer = answer.as_ref()?.as_ref()?;
                answer.services.iter().find(|s| s.id == id).and_then(|s| s.names.get(lang.tag()).cloned())
            })
            .unwrap_or_else(|| id.to_owned())
    }

    /// A department's name in `lang`, else its id.
    pub fn department_name(&self, id: &str, lang: Lang) -> String {
        self.departments
            .with(|all| all.iter().find(|d| d.id == id).map(|d| d.name(lang.tag()).to_owned()))
            .unwrap_or_else(|| id.to_owned())
    }
}
