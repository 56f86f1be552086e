//! Typed message keys and the per-language catalogues behind them.
//!
//! Keys are code (a typo is a compile error); wording is data in `locales/<tag>.ftl`, one
//! `key = text` per line, so translators never touch Rust. Lines starting with `@` carry the
//! catalogue's own metadata (`@name`, `@aliases`). The build reads the files
//! (`catalogue_file`) into the static tables included here.

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

// `loaded from files at (offset)` marks the widget's sets: in the feedback bundle as shipped their
// texts come from the files `widget_texts` loads, so its Wasm carries no language's texts (and no
// keys: a text is found by its variant's place in `ALL` after `offset`, the order the files are
// written in).
macro_rules! message_keys {
    ($(#[$doc:meta])* $name:ident from $catalogues:ident $(, loaded from files at ($offset:expr))? { $($variant:ident => $key:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
        }

        impl Message for $name {
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            fn catalogues() -> &'static [Catalogue] {
                $catalogues
            }

            $(
                #[cfg(feature = "widget-texts-from-files")]
                fn text(self, tag: &str) -> &'static str {
                    crate::widget_texts::loaded_text(tag, $offset + self as usize)
                }
            )?
        }
    };
}

/// A set of message keys with its own catalogue files. The widget's texts and the self-check's
/// are separate sets, so the feedback bundle never carries the self-check's words.
pub trait Message: Copy + 'static {
    /// The key this message has in every catalogue file of its set.
    fn key(self) -> &'static str;
    /// Every catalogue of this set, in file-name order.
    fn catalogues() -> &'static [Catalogue];
    /// The text in the language tagged `tag`; English where that language lacks it (the tests
    /// forbid that), the key where English does too.
    fn text(self, tag: &str) -> &'static str {
        compiled_text(self, tag)
    }
}

/// A message's text from the tables compiled in (see `Message::text`).
pub fn compiled_text<M: Message>(msg: M, tag: &str) -> &'static str {
    let lookup = |tag: &str| M::catalogues().iter().find(|c| c.tag == tag).and_then(|c| c.get(msg.key()));
    lookup(tag).or_else(|| lookup(crate::Lang::fallback().tag())).unwrap_or(msg.key())
}

message_keys! {
    /// The texts every page shares (text size and contrast), in catalogues that also name the
    /// languages (`@name`, `@aliases`, `@speech`): a page links these and its own set, never the
    /// widget's texts.
    UiMsg from UI_CATALOGUES {
    DisplayControls => "display-controls",
    TextSize0 => "text-size-0",
    TextSize1 => "text-size-1",
    TextSize2 => "text-size-2",
    HighContrast => "high-contrast",
    }
}

message_keys! {
    /// The feedback widget's texts that its first part shows: everything a resident needs to rate
    /// and send, and to be told where the rating is.
    Msg from WIDGET_CATALOGUES, loaded from files at (0) {
    WidgetTitle => "widget-title",
    ChooseService => "choose-service",
    ServiceTransport => "service-transport",
    ServiceHealthcare => "service-healthcare",
    ServiceEducation => "service-education",
    ServiceSocialSecurity => "service-social-security",
    ServiceGovernment => "service-government",
    ServiceEmployment => "service-employment",
    QuestionGoodBad5 => "question-good-bad-5",
    GoodBad5Level5 => "good-bad-5-level-5",
    GoodBad5Level4 => "good-bad-5-level-4",
    GoodBad5Level3 => "good-bad-5-level-3",
    GoodBad5Level2 => "good-bad-5-level-2",
    GoodBad5Level1 => "good-bad-5-level-1",
    QuestionUkCsat5 => "question-uk-csat-5",
    UkCsat5Level5 => "uk-csat-5-level-5",
    UkCsat5Level4 => "uk-csat-5-level-4",
    UkCsat5Level3 => "uk-csat-5-level-3",
    UkCsat5Level2 => "uk-csat-5-level-2",
    UkCsat5Level1 => "uk-csat-5-level-1",
    QuestionA11V2 => "question-a11-v2",
    A11V2Level5 => "a11-v2-level-5",
    A11V2Level4 => "a11-v2-level-4",
    A11V2Level3 => "a11-v2-level-3",
    A11V2Level2 => "a11-v2-level-2",
    A11V2Level1 => "a11-v2-level-1",
    Send => "send",
    Sending => "sending",
    Sent => "sent",
    SendFailed => "send-failed",
    ChooseRatingFirst => "choose-rating-first",
    RateAnother => "rate-another",
    ErrorPrefix => "error-prefix",
    ReceiptMissing => "receipt-missing",
    SavedOffline => "saved-offline",
    SendRejected => "send-rejected",
    QueueFull => "queue-full",
    AlreadyRated => "already-rated",
    HoneypotLabel => "honeypot-label",
    PartMissing => "part-missing",
    CommentMissing => "comment-missing",
    ConfigScreenMissing => "config-screen-missing",
    SavedOnPhone => "saved-on-phone",
    SavedSendingSoon => "saved-sending-soon",
    WhyOffline => "why-offline",
    WhyUnreachable => "why-unreachable",
    WhyNoAnswer => "why-no-answer",
    WhyBusy => "why-busy",
    WhyServerError => "why-server-error",
    IdleWarning => "idle-warning",
    MoreTime => "more-time",
    CallInstead => "call-instead",
    NextPerson => "next-person",
    NextPersonSoon => "next-person-soon",
    }
}

message_keys! {
    /// The feedback widget's texts that only its second part shows (the chips and comment box,
    /// the queue panel, read-aloud, the receipt note, the configuration problems), from the same
    /// catalogue files. Apart from `Msg` so that the first load carries only the first part's:
    /// the first part never shows one of these.
    LaterMsg from WIDGET_CATALOGUES, loaded from files at (Msg::ALL.len()) {
    ReadAloud => "read-aloud",
    WhatWentWrong => "what-went-wrong",
    WhatWentWell => "what-went-well",
    WhatDidNotGoWell => "what-did-not-go-well",
    AspectTooSlow => "aspect-too-slow",
    AspectTooComplicated => "aspect-too-complicated",
    AspectUnclearInformation => "aspect-unclear-information",
    AspectProblemNotSolved => "aspect-problem-not-solved",
    AspectStaffAttitude => "aspect-staff-attitude",
    AspectTechnicalFault => "aspect-technical-fault",
    AspectEffectiveness => "aspect-effectiveness",
    AspectEase => "aspect-ease",
    AspectEfficiency => "aspect-efficiency",
    AspectTransparency => "aspect-transparency",
    AspectHumanity => "aspect-humanity",
    AspectEmployee => "aspect-employee",
    CommentLabel => "comment-label",
    PrivacyNote => "privacy-note",
    RedactionPreview => "redaction-preview",
    ConfigMissingEndpoint => "config-missing-endpoint",
    ConfigMalformedEndpoint => "config-malformed-endpoint",
    ConfigUnknownService => "config-unknown-service",
    ConfigMalformedServiceLabels => "config-malformed-service-labels",
    ConfigUnknownScale => "config-unknown-scale",
    ConfigUnknownLanguage => "config-unknown-language",
    ConfigUnknownTheme => "config-unknown-theme",
    ConfigMalformedReceiptPage => "config-malformed-receipt-page",
    ReceiptNote => "receipt-note",
    ReceiptLink => "receipt-link",
    ConfigBadNumber => "config-bad-number",
    ConfigMalformedHeaders => "config-malformed-headers",
    ConfigMalformedFieldMap => "config-malformed-field-map",
    QueueWaiting => "queue-waiting",
    QueueRefused => "queue-refused",
    QueueAllSent => "queue-all-sent",
    SendNow => "send-now",
    Discard => "discard",
    DiscardConfirm => "discard-confirm",
    DiscardYes => "discard-yes",
    DiscardNo => "discard-no",
    QueueSetAside => "queue-set-aside",
    TryAgain => "try-again",
    ConfigUnknownMode => "config-unknown-mode",
    ConfigMalformedPhone => "config-malformed-phone",
    JsonSyntax => "json-syntax",
    JsonNotText => "json-not-text",
    JsonNotObject => "json-not-object",
    HeaderNotAName => "header-not-a-name",
    HeaderReserved => "header-reserved",
    HeaderValueNotOneLine => "header-value-not-one-line",
    FieldMapUnknownField => "field-map-unknown-field",
    FieldMapNameNotShort => "field-map-name-not-short",
    FieldMapNameTwice => "field-map-name-twice",
    ServiceLabelsBadId => "service-labels-bad-id",
    }
}

message_keys! {
    /// What `embed.js` and the pages say before their Wasm runs. The build copies them into the
    /// loader and the pages (see `web_contract`); no bundle carries them.
    LoaderMsg from LOADER_CATALOGUES {
    Loading => "loader-loading",
    Failed => "loader-failed",
    Call => "loader-call",
    SelfcheckLoading => "page-selfcheck-loading",
    SelfcheckFailed => "page-selfcheck-failed",
    StaffLoading => "page-staff-loading",
    StaffFailed => "page-staff-failed",
    ReceiptLoading => "page-receipt-loading",
    ReceiptFailed => "page-receipt-failed",
    }
}

message_keys! {
    /// The counter poster's texts, printed by the collector; no bundle carries them.
    PosterMsg from POSTER_CATALOGUES {
    Title => "poster-title",
    Scan => "poster-scan",
    Anonymous => "poster-anonymous",
    Call => "poster-call",
    Helper => "poster-helper",
    QrLabel => "poster-qr-label",
    UnknownService => "poster-unknown-service",
    }
}

message_keys! {
    /// The resident's receipt page (the `receipt` bundle, served by the collector).
    ReceiptMsg from RECEIPT_CATALOGUES {
    Title => "receipt-title",
    Intro => "receipt-intro",
    Label => "receipt-label",
    Example => "receipt-example",
    Check => "receipt-check",
    Back => "receipt-back",
    BadCode => "receipt-bad-code",
    Checking => "receipt-checking",
    NotFound => "receipt-not-found",
    Unavailable => "receipt-unavailable",
    Status => "receipt-status",
    Timeline => "receipt-timeline",
    SolvedQuestion => "receipt-solved-question",
    SolvedYes => "receipt-solved-yes",
    SolvedNo => "receipt-solved-no",
    SendFailed => "receipt-send-failed",
    StatusReceived => "status-received",
    StatusAcknowledged => "status-acknowledged",
    StatusTransferred => "status-transferred",
    StatusInProgress => "status-in-progress",
    StatusAnswered => "status-answered",
    StatusConfirmed => "status-confirmed",
    StatusReopened => "status-reopened",
    StatusUnknown => "status-unknown",
    }
}

message_keys! {
    /// The monthly public report's texts, printed by the collector; no bundle carries them.
    ReportMsg from REPORT_CATALOGUES {
    Title => "report-title",
    Heading => "report-heading",
    Languages => "report-languages",
    Intro => "report-intro",
    Satisfaction => "report-satisfaction",
    SatisfactionCaption => "report-satisfaction-caption",
    ColumnService => "report-column-service",
    ColumnRatings => "report-column-ratings",
    ColumnSatisfaction => "report-column-satisfaction",
    ColumnBadShare => "report-column-bad-share",
    Hidden => "report-hidden",
    NoRatings => "report-no-ratings",
    Loop => "report-loop",
    LoopCaption => "report-loop-caption",
    LoopCaptionWorking => "report-loop-caption-working",
    ColumnWho => "report-column-who",
    City => "report-city",
    NoDepartment => "report-no-department",
    ColumnCases => "report-column-cases",
    ColumnAcknowledged => "report-column-acknowledged",
    ColumnClosed => "report-column-closed",
    ColumnConfirmed => "report-column-confirmed",
    ColumnReopened => "report-column-reopened",
    ColumnAcknowledgeTime => "report-column-acknowledge-time",
    ColumnCloseTime => "report-column-close-time",
    Hours => "report-hours",
    Days => "report-days",
    Share => "report-share",
    NoneYet => "report-none-yet",
    Changes => "report-changes",
    NoChanges => "report-no-changes",
    Method => "report-method",
    BadMonth => "report-bad-month",
    Month1 => "month-1",
    Month2 => "month-2",
    Month3 => "month-3",
    Month4 => "month-4",
    Month5 => "month-5",
    Month6 => "month-6",
    Month7 => "month-7",
    Month8 => "month-8",
    Month9 => "month-9",
    Month10 => "month-10",
    Month11 => "month-11",
    Month12 => "month-12",
    }
}

message_keys! {
    /// Every text of the staff console (the collector's `staff.html`, the `staff` bundle).
    StaffMsg from STAFF_CATALOGUES {
    Title => "staff-title",
    Intro => "staff-intro",
    TokenLabel => "staff-token-label",
    TokenHint => "staff-token-hint",
    Open => "staff-open",
    Loading => "staff-loading",
    Loaded => "staff-loaded",
    WrongToken => "staff-wrong-token",
    TokenChanged => "staff-token-changed",
    AccessOff => "staff-access-off",
    NotYours => "staff-not-yours",
    Refused => "staff-refused",
    ServerError => "staff-server-error",
    Offline => "staff-offline",
    Unreadable => "staff-unreadable",
    TrendsTitle => "staff-trends-title",
    TrendsService => "staff-trends-service",
    TrendsPeriod => "staff-trends-period",
    GrainQuarter => "staff-grain-quarter",
    GrainMonth => "staff-grain-month",
    GrainWeek => "staff-grain-week",
    ChartTitle => "staff-chart-title",
    ChartDescription => "staff-chart-description",
    TargetLine => "staff-target-line",
    RectificationLine => "staff-rectification-line",
    TablePeriod => "staff-table-period",
    TableRatings => "staff-table-ratings",
    TableSatisfaction => "staff-table-satisfaction",
    TableBadShare => "staff-table-bad-share",
    TableService => "staff-table-service",
    Hidden => "staff-hidden",
    NoRatings => "staff-no-ratings",
    SummaryCaption => "staff-summary-caption",
    InboxTitle => "staff-inbox-title",
    DeadlinesCalendar => "staff-deadlines-calendar",
    DeadlinesWorking => "staff-deadlines-working",
    Scope => "staff-scope",
    FilterDepartment => "staff-filter-department",
    FilterService => "staff-filter-service",
    FilterStatus => "staff-filter-status",
    FilterUrgency => "staff-filter-urgency",
    FilterAny => "staff-filter-any",
    FilterAll => "staff-filter-all",
    FilterOption => "staff-filter-option",
    Showing => "staff-showing",
    ShowMore => "staff-show-more",
    NoBadReviews => "staff-no-bad-reviews",
    UrgencyOverdue => "staff-urgency-overdue",
    UrgencyUnacknowledged => "staff-urgency-unacknowledged",
    UrgencyDueSoon => "staff-urgency-due-soon",
    UrgencyOnTime => "staff-urgency-on-time",
    UrgencyAnswered => "staff-urgency-answered",
    StatusReceived => "staff-status-received",
    StatusAcknowledged => "staff-status-acknowledged",
    StatusInProgress => "staff-status-in-progress",
    StatusAnswered => "staff-status-answered",
    StatusConfirmed => "staff-status-confirmed",
    StatusReopened => "staff-status-reopened",
    EventTransferred => "staff-event-transferred",
    ItemHeading => "staff-item-heading",
    ItemReceipt => "staff-item-receipt",
    ItemDepartment => "staff-item-department",
    ItemScore => "staff-item-score",
    ItemAspects => "staff-item-aspects",
    ItemAgeCalendar => "staff-item-age-calendar",
    ItemAgeWorking => "staff-item-age-working",
    ItemTimeline => "staff-item-timeline",
    ItemStatus => "staff-item-status",
    ItemReply => "staff-item-reply",
    ItemStatusNow => "staff-item-status-now",
    ItemReplyNow => "staff-item-reply-now",
    ItemAnswer => "staff-item-answer",
    Save => "staff-save",
    Saving => "staff-saving",
    Saved => "staff-saved",
    TransferTo => "staff-transfer-to",
    TransferReason => "staff-transfer-reason",
    Transfer => "staff-transfer",
    Transferring => "staff-transferring",
    Transferred => "staff-transferred",
    ExportsTitle => "staff-exports-title",
    ExportsHint => "staff-exports-hint",
    ExportCsv => "staff-export-csv",
    ExportJson => "staff-export-json",
    Exporting => "staff-exporting",
    Exported => "staff-exported",
    ExportTooLarge => "staff-export-too-large",
    HotlineTitle => "staff-hotline-title",
    HotlineHint => "staff-hotline-hint",
    HotlineFile => "staff-hotline-file",
    Importing => "staff-importing",
    Imported => "staff-imported",
    ImportLine => "staff-import-line",
    ReportTitle => "staff-report-title",
    ReportHint => "staff-report-hint",
    ReportMonth => "staff-report-month",
    ReportLanguage => "staff-report-language",
    ReportChanges => "staff-report-changes",
    ReportOpen => "staff-report-open",
    }
}

message_keys! {
    /// Every user-visible text of the city self-check.
    SelfcheckMsg from SELFCHECK_CATALOGUES {
    Title => "selfcheck-title",
    Intro => "selfcheck-intro",
    DimensionsCaption => "selfcheck-dimensions-caption",
    ColumnDimension => "selfcheck-column-dimension",
    ColumnWeight => "selfcheck-column-weight",
    RubricLevel0 => "rubric-level-0",
    RubricLevel1 => "rubric-level-1",
    RubricLevel2 => "rubric-level-2",
    RubricLevel3 => "rubric-level-3",
    RubricLevel4 => "rubric-level-4",
    RubricLevel0Description => "rubric-level-0-description",
    RubricLevel1Description => "rubric-level-1-description",
    RubricLevel2Description => "rubric-level-2-description",
    RubricLevel3Description => "rubric-level-3-description",
    RubricLevel4Description => "rubric-level-4-description",
    StatusPublished => "status-published",
    StatusApproximate => "status-approximate",
    StatusDerived => "status-derived",
    City => "selfcheck-city",
    Year => "selfcheck-year",
    NotAssessed => "selfcheck-not-assessed",
    Progress => "selfcheck-progress",
    Results => "selfcheck-results",
    OverallIndex => "selfcheck-overall-index",
    Tier => "selfcheck-tier",
    Coverage => "selfcheck-coverage",
    LowCoverage => "selfcheck-low-coverage",
    Previous => "selfcheck-previous",
    Next => "selfcheck-next",
    Saved => "selfcheck-saved",
    NoIndex => "selfcheck-no-index",
    DimensionOf => "selfcheck-dimension-of",
    Files => "selfcheck-files",
    Export => "selfcheck-export",
    Import => "selfcheck-import",
    ImportProblems => "selfcheck-import-problems",
    Share => "selfcheck-share",
    ShareLink => "selfcheck-share-link",
    LinkFound => "selfcheck-link-found",
    Loaded => "selfcheck-loaded",
    SaveFailed => "selfcheck-save-failed",
    DimensionProgress => "selfcheck-dimension-progress",
    ProgressOverview => "selfcheck-progress-overview",
    AllIndicators => "selfcheck-all-indicators",
    Average => "selfcheck-average",
    BarsTitle => "selfcheck-bars-title",
    CannotScore => "selfcheck-cannot-score",
    ChartsTitle => "selfcheck-charts-title",
    ColumnChange => "selfcheck-column-change",
    ColumnEntered => "selfcheck-column-entered",
    ColumnIndicator => "selfcheck-column-indicator",
    ColumnLight => "selfcheck-column-light",
    ColumnScore => "selfcheck-column-score",
    ColumnSubdimension => "selfcheck-column-subdimension",
    CompareCaption => "selfcheck-compare-caption",
    CompareFile => "selfcheck-compare-file",
    CompareOnDevice => "selfcheck-compare-on-device",
    CompareTitle => "selfcheck-compare-title",
    CompareUse => "selfcheck-compare-use",
    DataHelp => "selfcheck-data-help",
    DataTitle => "selfcheck-data-title",
    DeleteConfirm => "selfcheck-delete-confirm",
    DeleteNo => "selfcheck-delete-no",
    DeleteYes => "selfcheck-delete-yes",
    Deleted => "selfcheck-deleted",
    DimensionsTableCaption => "selfcheck-dimensions-table-caption",
    ExportResults => "selfcheck-export-results",
    FrameworkAdded => "selfcheck-framework-added",
    FrameworkFile => "selfcheck-framework-file",
    FrameworkMissing => "selfcheck-framework-missing",
    FrameworkProblems => "selfcheck-framework-problems",
    GapIntro => "selfcheck-gap-intro",
    GapNotEnough => "selfcheck-gap-not-enough",
    GapNothingYet => "selfcheck-gap-nothing-yet",
    GapStep => "selfcheck-gap-step",
    GapTitle => "selfcheck-gap-title",
    GapTopTier => "selfcheck-gap-top-tier",
    Goalposts => "selfcheck-goalposts",
    HigherIsBetter => "selfcheck-higher-is-better",
    Interval => "selfcheck-interval",
    LevelEntered => "selfcheck-level-entered",
    LightGreen => "selfcheck-light-green",
    LightRed => "selfcheck-light-red",
    LightYellow => "selfcheck-light-yellow",
    LinkIgnore => "selfcheck-link-ignore",
    LinkOpen => "selfcheck-link-open",
    LinkProblems => "selfcheck-link-problems",
    LowerIsBetter => "selfcheck-lower-is-better",
    MethodAggregation => "selfcheck-method-aggregation",
    MethodArithmetic => "selfcheck-method-arithmetic",
    MethodEngine => "selfcheck-method-engine",
    MethodFingerprint => "selfcheck-method-fingerprint",
    MethodFramework => "selfcheck-method-framework",
    MethodGeometric => "selfcheck-method-geometric",
    MethodMissing => "selfcheck-method-missing",
    MethodMissingTitle => "selfcheck-method-missing-title",
    MethodTitle => "selfcheck-method-title",
    MethodUncertainty => "selfcheck-method-uncertainty",
    MethodUncertaintyTitle => "selfcheck-method-uncertainty-title",
    IndexMeans => "selfcheck-index-means",
    Bounds => "selfcheck-bounds",
    Median => "selfcheck-median",
    TierUnknown => "selfcheck-tier-unknown",
    TierUnknownWhy => "selfcheck-tier-unknown-why",
    AssessNext => "selfcheck-assess-next",
    ProblemUnknownCode => "selfcheck-problem-unknown-code",
    ProblemNotAnIndicator => "selfcheck-problem-not-an-indicator",
    ProblemNotOneFigure => "selfcheck-problem-not-one-figure",
    ProblemLevelRange => "selfcheck-problem-level-range",
    ProblemScoreRange => "selfcheck-problem-score-range",
    ProblemValueNotNumber => "selfcheck-problem-value-not-number",
    ProblemValueWithoutScale => "selfcheck-problem-value-without-scale",
    ProblemWeightUnknown => "selfcheck-problem-weight-unknown",
    ProblemWeightBad => "selfcheck-problem-weight-bad",
    ProblemWeightAllZero => "selfcheck-problem-weight-all-zero",
    ProblemLinkDamaged => "selfcheck-problem-link-damaged",
    ProblemNotJson => "selfcheck-problem-not-json",
    ProblemNotAnAssessment => "selfcheck-problem-not-an-assessment",
    ProblemFieldMissing => "selfcheck-problem-field-missing",
    ProblemFieldUnknown => "selfcheck-problem-field-unknown",
    ProblemFieldText => "selfcheck-problem-field-text",
    ProblemFieldNumber => "selfcheck-problem-field-number",
    ProblemFieldWhole => "selfcheck-problem-field-whole",
    ProblemFieldLevel => "selfcheck-problem-field-level",
    ProblemFieldObject => "selfcheck-problem-field-object",
    ProblemFieldQuality => "selfcheck-problem-field-quality",
    ProblemSchema => "selfcheck-problem-schema",
    ProblemOtherFramework => "selfcheck-problem-other-framework",
    ProblemOtherVersion => "selfcheck-problem-other-version",
    ProblemFrameworkNotHere => "selfcheck-problem-framework-not-here",
    ProblemYear => "selfcheck-problem-year",
    ProblemCsvUnclosed => "selfcheck-problem-csv-unclosed",
    ProblemTemplateEmpty => "selfcheck-problem-template-empty",
    ProblemTemplateColumns => "selfcheck-problem-template-columns",
    ProblemTemplateNotIndicator => "selfcheck-problem-template-not-indicator",
    ProblemTemplateNotNumber => "selfcheck-problem-template-not-number",
    ProblemTemplateNotLevel => "selfcheck-problem-template-not-level",
    ProblemTemplateQuality => "selfcheck-problem-template-quality",
    ProblemTemplateTwice => "selfcheck-problem-template-twice",
    PlaceRating => "selfcheck-place-rating",
    PlaceLine => "selfcheck-place-line",
    ProblemRatingsEmpty => "selfcheck-problem-ratings-empty",
    ProblemRatingsNone => "selfcheck-problem-ratings-none",
    ProblemNotARating => "selfcheck-problem-not-a-rating",
    ProblemRatingFieldMissing => "selfcheck-problem-rating-field-missing",
    ProblemRatingFieldUnknown => "selfcheck-problem-rating-field-unknown",
    ProblemRatingField => "selfcheck-problem-rating-field",
    ProblemRatingsColumns => "selfcheck-problem-ratings-columns",
    ProblemMore => "selfcheck-problem-more",
    RuleText => "selfcheck-rule-text",
    RuleTexts => "selfcheck-rule-texts",
    RuleSchema => "selfcheck-rule-schema",
    RuleId => "selfcheck-rule-id",
    RuleService => "selfcheck-rule-service",
    RuleScale => "selfcheck-rule-scale",
    RuleScore => "selfcheck-rule-score",
    RuleLang => "selfcheck-rule-lang",
    RuleDay => "selfcheck-rule-day",
    RuleComment => "selfcheck-rule-comment",
    RuleAspects => "selfcheck-rule-aspects",
    ProblemNotAFramework => "selfcheck-problem-not-a-framework",
    ProblemFrameworkFieldMissing => "selfcheck-problem-framework-field-missing",
    ProblemFrameworkFieldUnknown => "selfcheck-problem-framework-field-unknown",
    ProblemFieldTexts => "selfcheck-problem-field-texts",
    ProblemFieldList => "selfcheck-problem-field-list",
    ProblemFieldOneOf => "selfcheck-problem-field-one-of",
    ProblemFrameworkSchema => "selfcheck-problem-framework-schema",
    ProblemFrameworkBlank => "selfcheck-problem-framework-blank",
    ProblemNoIndicators => "selfcheck-problem-no-indicators",
    ProblemBadCode => "selfcheck-problem-bad-code",
    ProblemDuplicateCode => "selfcheck-problem-duplicate-code",
    ProblemMissingName => "selfcheck-problem-missing-name",
    ProblemNodeWeight => "selfcheck-problem-node-weight",
    ProblemBadGoalposts => "selfcheck-problem-bad-goalposts",
    ProblemBadTarget => "selfcheck-problem-bad-target",
    ProblemScaleOnParent => "selfcheck-problem-scale-on-parent",
    ProblemBadRubric => "selfcheck-problem-bad-rubric",
    ProblemTooDeep => "selfcheck-problem-too-deep",
    ProblemTooManyNodes => "selfcheck-problem-too-many-nodes",
    ProblemCoverageGate => "selfcheck-problem-coverage-gate",
    ProblemTiersNone => "selfcheck-problem-tiers-none",
    ProblemTiersMin => "selfcheck-problem-tiers-min",
    ProblemTiersZero => "selfcheck-problem-tiers-zero",
    ProblemTiersDistinct => "selfcheck-problem-tiers-distinct",
    ProblemLights => "selfcheck-problem-lights",
    ProblemBenchmarkCode => "selfcheck-problem-benchmark-code",
    ProblemFeedbackIndicator => "selfcheck-problem-feedback-indicator",
    ProblemBenchmarkValue => "selfcheck-problem-benchmark-value",
    ProblemBuiltinId => "selfcheck-problem-builtin-id",
    ProblemNotKept => "selfcheck-problem-not-kept",
    RatingsNote => "selfcheck-ratings-note",
    TemplateLevelUnit => "selfcheck-template-level-unit",
    MethodWeightsCaption => "selfcheck-method-weights-caption",
    NewStart => "selfcheck-new-start",
    NewWithFramework => "selfcheck-new-with-framework",
    NoCityYet => "selfcheck-no-city-yet",
    NoteLabel => "selfcheck-note-label",
    OfflineNow => "selfcheck-offline-now",
    OfflineReady => "selfcheck-offline-ready",
    Print => "selfcheck-print",
    QualityAdministrative => "selfcheck-quality-administrative",
    QualityEstimated => "selfcheck-quality-estimated",
    QualityLabel => "selfcheck-quality-label",
    QualityMeasured => "selfcheck-quality-measured",
    QualityNotStated => "selfcheck-quality-not-stated",
    QualityUnknownSource => "selfcheck-quality-unknown-source",
    RadarLegend => "selfcheck-radar-legend",
    RadarTitle => "selfcheck-radar-title",
    RatingsImport => "selfcheck-ratings-import",
    RatingsLoaded => "selfcheck-ratings-loaded",
    FiguresImport => "selfcheck-figures-import",
    FiguresLoaded => "selfcheck-figures-loaded",
    FiguresNote => "selfcheck-figures-note",
    FiguresHidden => "selfcheck-figures-hidden",
    FiguresNeedsFigure => "selfcheck-figures-needs-figure",
    FiguresShare => "selfcheck-figures-share",
    FiguresNoneYet => "selfcheck-figures-none-yet",
    FiguresNotJson => "selfcheck-figures-not-json",
    FiguresNotFigures => "selfcheck-figures-not-figures",
    FiguresNothingPublished => "selfcheck-figures-nothing-published",
    ReportDate => "selfcheck-report-date",
    ReportTitle => "selfcheck-report-title",
    ServiceEvidence => "selfcheck-service-evidence",
    ShelfChoose => "selfcheck-shelf-choose",
    ShelfDelete => "selfcheck-shelf-delete",
    ShelfOpen => "selfcheck-shelf-open",
    ShelfTitle => "selfcheck-shelf-title",
    Target => "selfcheck-target",
    TemplateDownload => "selfcheck-template-download",
    TemplateImport => "selfcheck-template-import",
    TemplateLoaded => "selfcheck-template-loaded",
    ThisAssessment => "selfcheck-this-assessment",
    ThisCity => "selfcheck-this-city",
    TierLikely => "selfcheck-tier-likely",
    ValueBlankHint => "selfcheck-value-blank-hint",
    ValueLabel => "selfcheck-value-label",
    ValueNotNumber => "selfcheck-value-not-number",
    WeightChanged => "selfcheck-weight-changed",
    WeightFramework => "selfcheck-weight-framework",
    WeightGiven => "selfcheck-weight-given",
    WeightThisAssessment => "selfcheck-weight-this-assessment",
    WeightUsed => "selfcheck-weight-used",
    WeightsCaption => "selfcheck-weights-caption",
    WeightsHelp => "selfcheck-weights-help",
    WeightsReset => "selfcheck-weights-reset",
    WeightsTitle => "selfcheck-weights-title",
    RuleChannel => "selfcheck-rule-channel",
    ProgressWeightRange => "selfcheck-progress-weight-range",
    TargetScoreHint => "selfcheck-target-score-hint",
    TargetScoreRange => "selfcheck-target-score-range",
    ProblemUnknownProfile => "selfcheck-problem-unknown-profile",
    ProblemInTarget => "selfcheck-problem-in-target",
    ProblemInBaseline => "selfcheck-problem-in-baseline",
    ProblemProgressWeight => "selfcheck-problem-progress-weight",
    ProblemProfileId => "selfcheck-problem-profile-id",
    ProblemProfile => "selfcheck-problem-profile",
    ProblemDimensionTarget => "selfcheck-problem-dimension-target",
    ProgressNoBaseline => "selfcheck-progress-no-baseline",
    ProgressNotInBaseline => "selfcheck-progress-not-in-baseline",
    ProgressNotAssessedNow => "selfcheck-progress-not-assessed-now",
    ProgressNoTarget => "selfcheck-progress-no-target",
    ProgressNothingComparable => "selfcheck-progress-nothing-comparable",
    ProgressTargetNotAbove => "selfcheck-progress-target-not-above",
    ProgressNotDefined => "selfcheck-progress-not-defined",
    ProgressForward => "selfcheck-progress-forward",
    ProgressBack => "selfcheck-progress-back",
    ProgressTitle => "selfcheck-progress-title",
    ProgressIntro => "selfcheck-progress-intro",
    ProgressChooseBaseline => "selfcheck-progress-choose-baseline",
    ProgressCaption => "selfcheck-progress-caption",
    ColumnBaseline => "selfcheck-column-baseline",
    ColumnNow => "selfcheck-column-now",
    ColumnTarget => "selfcheck-column-target",
    ColumnProgress => "selfcheck-column-progress",
    Combined => "selfcheck-combined",
    CombinedValue => "selfcheck-combined-value",
    CombinedNone => "selfcheck-combined-none",
    ProgressWeightLabel => "selfcheck-progress-weight-label",
    TargetsTitle => "selfcheck-targets-title",
    TargetsHelp => "selfcheck-targets-help",
    TargetsCaption => "selfcheck-targets-caption",
    TargetOf => "selfcheck-target-of",
    TargetFramework => "selfcheck-target-framework",
    TargetNotNumber => "selfcheck-target-not-number",
    TargetsReset => "selfcheck-targets-reset",
    GapTargetsTitle => "selfcheck-gap-targets-title",
    GapTargetStep => "selfcheck-gap-target-step",
    GapTargetNotAssessed => "selfcheck-gap-target-not-assessed",
    GapTargetsMet => "selfcheck-gap-targets-met",
    GapTargetsNone => "selfcheck-gap-targets-none",
    CompareIsBaseline => "selfcheck-compare-is-baseline",
    CompareRemove => "selfcheck-compare-remove",
    CompareProfilesDiffer => "selfcheck-compare-profiles-differ",
    ProfileLabel => "selfcheck-profile-label",
    ProfileHelp => "selfcheck-profile-help",
    WeightProfile => "selfcheck-weight-profile",
    WeightsResetProfile => "selfcheck-weights-reset-profile",
    MethodProfile => "selfcheck-method-profile",
    MethodProgressTitle => "selfcheck-method-progress-title",
    MethodProgress => "selfcheck-method-progress",
    }
}

/// One language's texts, as the build read them from its catalogue file.
#[derive(Debug)]
pub struct Catalogue {
    pub tag: &'static str,
    /// The language's name in itself, for the language switcher.
    pub name: &'static str,
    /// Other BCP 47 tags that mean this language (for example `zh-CN` for `zh-Hans`).
    pub aliases: &'static [&'static str],
    /// The tag speech synthesis voices use for it (`zh-CN` for `zh-Hans`); the tag itself if unset.
    pub speech: &'static str,
    /// Every key of the set this language belongs to, sorted (the build writes them).
    keys: &'static [&'static str],
    /// The texts, in the order of `keys`, end to end.
    texts: &'static str,
    /// Where each text ends in `texts`.
    ends: &'static [u16],
}

impl Catalogue {
    /// The text for `key`; `None` when the set has no such key or this language lacks it.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let index = self.keys.binary_search(&key).ok()?;
        let start = index.checked_sub(1).and_then(|before| self.ends.get(before)).map_or(0, |end| usize::from(*end));
        let end = usize::from(*self.ends.get(index)?);
        // `get`, not indexing: the build cuts only at the ends of texts, and a bundle then has
        // no panic path (with its formatting) here.
        self.texts.get(start..end).filter(|text| !text.is_empty())
    }

    /// The keys this language has a text for.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys.iter().copied().filter(|key| self.get(key).is_some())
    }
}

/// The shared catalogues, which also name the languages (`@name`, `@aliases`, `@speech`).
pub fn catalogues() -> &'static [Catalogue] {
    UiMsg::catalogues()
}

/// Replaces `{name}` placeholders in a message with values, in one pass: a value that itself
/// holds `{name}` (a resident's comment, a service id) is never filled in turn. A placeholder
/// without a value stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        text.push_str(before);
        let named = after
            .split_once('}')
            .and_then(|(name, tail)| values.iter().find(|(known, _)| *known == name).map(|(_, value)| (*value, tail)));
        match named {
            Some((value, tail)) => {
                text.push_str(value);
                rest = tail;
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_every_language_and_nothing_else_is() {
        every_key_in_every_language(UiMsg::catalogues(), keys(UiMsg::ALL));
        // The widget's files hold both its sets.
        let widget = Msg::ALL.iter().map(|m| m.key()).chain(LaterMsg::ALL.iter().map(|m| m.key())).collect();
        every_key_in_every_language(Msg::catalogues(), widget);
        every_key_in_every_language(SelfcheckMsg::catalogues(), keys(SelfcheckMsg::ALL));
        every_key_in_every_language(LoaderMsg::catalogues(), keys(LoaderMsg::ALL));
        every_key_in_every_language(PosterMsg::catalogues(), keys(PosterMsg::ALL));
        every_key_in_every_language(ReportMsg::catalogues(), keys(ReportMsg::ALL));
        every_key_in_every_language(ReceiptMsg::catalogues(), keys(ReceiptMsg::ALL));
        every_key_in_every_language(StaffMsg::catalogues(), keys(StaffMsg::ALL));
    }

    #[test]
    fn the_widget_s_two_sets_share_no_key() {
        assert!(Msg::ALL.iter().all(|msg| LaterMsg::ALL.iter().all(|later| later.key() != msg.key())));
    }

    fn keys<M: Message>(all: &[M]) -> Vec<&'static str> {
        all.iter().map(|m| m.key()).collect()
    }

    #[test]
    fn the_self_check_speaks_every_language_the_widget_does() {
        let widget: Vec<&str> = Msg::catalogues().iter().map(|c| c.tag).collect();
        let languages: Vec<&str> = catalogues().iter().map(|c| c.tag).collect();
        assert_eq!(widget, languages, "the widget speaks every language shipped");
        let selfcheck: Vec<&str> = SelfcheckMsg::catalogues().iter().map(|c| c.tag).collect();
        assert_eq!(widget, selfcheck);
        let loader: Vec<&str> = LoaderMsg::catalogues().iter().map(|c| c.tag).collect();
        assert_eq!(widget, loader, "the loader speaks every language the widget does");
        let poster: Vec<&str> = PosterMsg::catalogues().iter().map(|c| c.tag).collect();
        assert_eq!(widget, poster, "the counter poster prints every language the widget speaks");
        let report: Vec<&str> = ReportMsg::catalogues().iter().map(|c| c.tag).collect();
        assert_eq!(widget, report, "the monthly report is published in every language the widget speaks");
        let receipt: Vec<&str> = ReceiptMsg::catalogues().iter().map(|c| c.tag).collect();
        assert_eq!(widget, receipt, "the receipt page speaks every language the widget does");
        let staff: Vec<&str> = StaffMsg::catalogues().iter().map(|c| c.tag).collect();
        assert_eq!(widget, staff, "the staff console speaks every language the widget does");
    }

    fn every_key_in_every_language(catalogues: &[Catalogue], expected: Vec<&str>) {
        for catalogue in catalogues {
            for key in &expected {
                let text = catalogue.get(key);
                assert!(text.is_some_and(|t| !t.is_empty()), "{} lacks {key}", catalogue.tag);
            }
            for key in catalogue.keys() {
                assert!(expected.contains(&key), "{} has unknown key {key}", catalogue.tag);
            }
        }
    }

    #[test]
    fn ships_the_three_required_languages() {
        let tags: Vec<&str> = catalogues().iter().map(|c| c.tag).collect();
        for tag in ["en", "zh-Hans", "zh-Hant"] {
            assert!(tags.contains(&tag), "missing {tag}");
        }
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("Unknown service “{id}”.", &[("id", "bus")]), "Unknown service “bus”.");
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "2")]), "1 and 2, 1");
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "2")]), "{b} 2", "a value is never filled in turn");
        assert_eq!(fill("{ {c} {a", &[("a", "1")]), "{ {c} {a", "what is not a known placeholder stays");
    }
}
